// One entry per document format: how its content is recognised, how it is read, what kind of
// document it is, how a modifier is removed from one of its lines, and the traits checks and
// features ask of it. Keyed by DocumentFormat (model.ts), so a format without an entry does not
// compile. Its languages and file extensions are in base/languages.ts, keyed the same way: the
// VS Code client bundles that table without the readers.
import type { ClaimDocument, DocumentFormat, DocumentKind, ServiceLine, TextEdit } from '../model';
import type { DocumentKindRule, NotesMode } from '../settings';
import { formatOfExtension, formatOfLanguage } from '../base/languages';
import { readCsv } from './csv';
import { contentStart, extensionOf, hasIsaLine, looksLikeClaimTable, looksLikeFhir, looksLikeIsa } from './detect';
import { readFhir } from './fhir';
import { claimKindByName, csvKind, fhirKind, judgeKind, noteKindByName, proseKind, x12Kind } from './kind';
import { emptyModifierCell, noModifierRemoval, removeCompositeModifier, removeWrittenModifier } from './modifier-removal';
import { readProse } from './prose';
import { readX12 } from './x12';
import { rereadX12Claim } from './x12-claim-region';

export interface ParseHint {
  languageId?: string;
  uri?: string;
  /** is this lower-case word a drug name? (the code set's isDrugName); improves dose reading in text */
  isDrugName?: (lowerWord: string) => boolean;
  /** kinds forced by glob on the document's path (settings documentKinds) */
  documentKinds?: readonly DocumentKindRule[];
  /** how prose is read: only billing lines (default) or every code word as a line */
  notes?: Exclude<NotesMode, 'off'>;
}

/** What checks and features may ask of a format instead of naming it. */
export interface FormatTraits {
  /** claims and lines carry their charges as the file writes them (X12 CLM02, SV102): the balancing rules and the claim lens apply */
  claimMoney: boolean;
  /** an NDC is written as 11 bare digits (X12 LIN03); elsewhere the hyphenated 4-4-2, 5-3-2 and 5-4-1 forms are read too */
  bareNdc: boolean;
  /** codes are words in sentences (notes, articles): lines are statements, the outline lists codes, the notes setting applies */
  sentences: boolean;
  /** inlay hints after a line's code and units (the descriptor, what the units mean): lines read across, as in X12 and CSV */
  inlayHints: boolean;
  /** where completion reads the cursor's context: the segment text around it (the model may lag the typing), the sentence, or the model's spans */
  completion: 'segment' | 'sentence' | 'model';
}

export interface FormatEntry {
  /** content tests; every format's tests run together, lowest `order` first, and the first that holds wins */
  recognisers: readonly { order: number; test: (text: string, start: number) => boolean }[];
  read(text: string, hint: ParseHint): ClaimDocument;
  /** what the document is for: a forced kind for its path, else its content, else its file name */
  kind(text: string, hint: ParseHint): DocumentKind;
  /** the smallest edit deleting modifier `index` of a line, or undefined when none that small exists */
  removeModifier(text: string, line: ServiceLine, index: number, x12: ClaimDocument['x12']): TextEdit | undefined;
  /** after an edit inside one claim, that claim read again alone (absent: the whole document is read again) */
  rereadClaim?: typeof rereadX12Claim;
  traits: FormatTraits;
}

export const FORMATS: Record<DocumentFormat, FormatEntry> = {
  x12: {
    recognisers: [
      { order: 0, test: looksLikeIsa },
      // a note or banner before the interchange: after the other formats' tests
      { order: 3, test: hasIsaLine },
    ],
    read: (text, hint) => readX12(text, { isDrugName: hint.isDrugName, compactClaims: true }),
    kind: (text, hint) => judgeKind(x12Kind(text), claimKindByName, hint),
    removeModifier: removeCompositeModifier,
    rereadClaim: rereadX12Claim,
    traits: { claimMoney: true, bareNdc: true, sentences: false, inlayHints: true, completion: 'segment' },
  },
  fhir: {
    recognisers: [{ order: 1, test: looksLikeFhir }],
    read: (text, hint) => readFhir(text, { isDrugName: hint.isDrugName }),
    kind: (text, hint) => judgeKind(fhirKind(text), claimKindByName, hint),
    removeModifier: noModifierRemoval,
    traits: { claimMoney: false, bareNdc: false, sentences: false, inlayHints: false, completion: 'model' },
  },
  csv: {
    recognisers: [{ order: 2, test: looksLikeClaimTable }],
    read: (text, hint) => readCsv(text, { isDrugName: hint.isDrugName, delimiter: forcedDelimiter(hint), compactClaims: true }),
    kind: (text, hint) => judgeKind(csvKind(text), claimKindByName, hint),
    removeModifier: emptyModifierCell,
    traits: { claimMoney: false, bareNdc: false, sentences: false, inlayHints: true, completion: 'model' },
  },
  prose: {
    // what no other format claims
    recognisers: [],
    read: (text, hint) => readProse(text, { isDrugName: hint.isDrugName, notes: hint.notes }),
    // notes: 'all' reads every code word as a billed line: the text is then a note, unless a setting forces its kind
    kind: (text, hint) => judgeKind(hint.notes === 'all' ? { kind: 'note', certain: true } : proseKind(text), noteKindByName, hint),
    removeModifier: removeWrittenModifier,
    traits: { claimMoney: false, bareNdc: false, sentences: true, inlayHints: false, completion: 'sentence' },
  },
};

/** the traits of a document's format */
export const traitsOf = (doc: { format: DocumentFormat }): FormatTraits => FORMATS[doc.format].traits;

const RECOGNISERS = (Object.entries(FORMATS) as [DocumentFormat, FormatEntry][])
  .flatMap(([format, entry]) => entry.recognisers.map((r) => ({ format, ...r })))
  .sort((a, b) => a.order - b.order);

/** by content first, then by languageId, then by file extension; prose when nothing else claims it */
export function detectFormat(text: string, hint: { languageId?: string; uri?: string } = {}): DocumentFormat {
  const start = contentStart(text);
  for (const r of RECOGNISERS) if (r.test(text, start)) return r.format;
  const lang = hint.languageId ? formatOfLanguage[hint.languageId.toLowerCase()] : undefined;
  if (lang) return lang;
  const ext = extensionOf(hint.uri);
  return (ext && formatOfExtension[ext]) || 'prose';
}

/** tsv/psv by language or extension fix the delimiter; csv is sniffed (European files use ';') */
function forcedDelimiter(hint: ParseHint): string | undefined {
  const keys = [hint.languageId?.toLowerCase(), extensionOf(hint.uri)];
  return keys.includes('tsv') ? '\t' : keys.includes('psv') ? '|' : undefined;
}
