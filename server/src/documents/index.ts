// The documents layer's public face: text in, ClaimDocument out, whatever the text is.
import type { ClaimDocument, DocumentFormat } from '../model';
import { readCsv } from './csv';
import { detectFormat, extensionOf } from './detect';
import { readFhir } from './fhir';
import { classifyDocument } from './kind';
import type { DocumentKindRule, NotesMode } from '../settings';
import { emptyDocument, problem } from './problems';
import { readProse } from './prose';
import { readX12 } from './x12';

export { detectFormat } from './detect';
export { classifyDocument } from './kind';
export { findDoses } from './doses';
export { toIsoDate } from './dates';
export { HCPCS_SYSTEM, isHcpcsSystem, isCptSystem } from './fhir';

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

export function parseDocument(text: string, hint: ParseHint = {}): ClaimDocument {
  let format: DocumentFormat = 'prose';
  try {
    format = detectFormat(text, hint);
    const doc = readAs(format, text, hint);
    doc.kind = classifyDocument(text, format, hint);
    return doc;
  } catch (e) {
    // readers are written not to throw; this is the last line of defence
    const doc = emptyDocument(format, text.length);
    doc.problems.push(problem('reader-failed', `The ${format} reader failed: ${e instanceof Error ? e.message : String(e)}`, 0, Math.min(text.length, 1), 'error'));
    return doc;
  }
}

function readAs(format: DocumentFormat, text: string, hint: ParseHint): ClaimDocument {
  const options = { isDrugName: hint.isDrugName };
  switch (format) {
    case 'x12':
      return readX12(text, options);
    case 'csv':
      return readCsv(text, { ...options, delimiter: forcedDelimiter(hint) });
    case 'fhir':
      return readFhir(text, options);
    default:
      return readProse(text, { ...options, notes: hint.notes });
  }
}

/** tsv/psv by language or extension fix the delimiter; csv is sniffed (European files use ';') */
function forcedDelimiter(hint: ParseHint): string | undefined {
  const keys = [hint.languageId?.toLowerCase(), extensionOf(hint.uri)];
  return keys.includes('tsv') ? '\t' : keys.includes('psv') ? '|' : undefined;
}
