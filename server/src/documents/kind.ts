// What a document is for (claim, remittance, note, reference): a setting that forces a kind for the
// path wins; then the content (X12 ST01, FHIR resourceType, export column headers, how prose writes
// its codes); the file name only when the content does not say.
import type { DocumentKind } from '../model';
import type { DocumentKindRule } from '../settings';
import { globMatcher, pathOfUri } from '../base/globs';
import { isSpace } from './chars';
import { normaliseHeader } from './csv-columns';
import { forEachRow, sniffDelimiter } from '../base/csv-rows';
import { isIsaAt, readIsa } from './x12-delimiters';

export interface KindHint {
  uri?: string;
  /** forced kinds by glob; the first that matches the path wins */
  documentKinds?: readonly DocumentKindRule[];
}

export interface KindJudgement {
  kind: DocumentKind;
  /** false when the content gave no sign either way and the kind is the format's default */
  certain: boolean;
}

/** the kind forced for this path by a documentKinds setting, else what the content says, else the file name */
export function judgeKind(
  content: KindJudgement,
  byName: ((name: string) => DocumentKind | undefined) | undefined,
  hint: KindHint,
): DocumentKind {
  const forced = forcedKind(hint.uri, hint.documentKinds);
  if (forced) return forced;
  if (content.certain || !hint.uri || !byName) return content.kind;
  const path = pathOfUri(hint.uri);
  return byName(path.slice(path.lastIndexOf('/') + 1)) ?? content.kind;
}

function forcedKind(uri: string | undefined, rules: readonly DocumentKindRule[] | undefined): DocumentKind | undefined {
  if (!uri || !rules?.length) return undefined;
  const path = pathOfUri(uri);
  return rules.find((r) => globMatcher(r.pattern)?.(path))?.kind;
}

// ---- X12: the transaction set identifier (ST01) ---------------------------------------------

const MAX_TRANSACTIONS = 64;
/** 'ST*' inside other segments (an N4 state) is skipped, but only so many times */
const MAX_HITS = 4096;

export function x12Kind(text: string): KindJudgement {
  const head = text.slice(0, 4096);
  const isaAt = /(?:^|[\r\n])[ \t\uFEFF]*ISA[^A-Za-z0-9\s]/.exec(head);
  const at = isaAt ? isaAt.index + isaAt[0].indexOf('ISA') : -1;
  if (at < 0 || !isIsaAt(text, at)) return { kind: 'claim', certain: false };
  const { element, segment } = readIsa(text, at).delimiters;
  const needle = `ST${element}`;
  let claims = 0;
  let remittances = 0;
  let hits = 0;
  for (let i = text.indexOf(needle, at), seen = 0; i >= 0 && seen < MAX_TRANSACTIONS && hits++ < MAX_HITS; i = text.indexOf(needle, i + 3)) {
    let before = i - 1;
    while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
    if (before >= 0 && text[before] !== segment) continue;
    seen++;
    const id = text.slice(i + 3, i + 6);
    if (id === '837') claims++;
    else if (id === '835') remittances++;
  }
  if (claims) return { kind: 'claim', certain: true };
  if (remittances) return { kind: 'remittance', certain: true };
  return { kind: 'claim', certain: false };
}

// ---- FHIR: Claim is submitted; ExplanationOfBenefit and ClaimResponse are adjudicated -------

const MAX_RESOURCES = 100_000;

export function fhirKind(text: string): KindJudgement {
  const re = /"resourceType"\s*:\s*"([A-Za-z]+)"/g;
  let claims = 0;
  let adjudicated = 0;
  for (let m = re.exec(text), n = 0; m && n < MAX_RESOURCES; m = re.exec(text), n++) {
    if (m[1] === 'Claim') claims++;
    else if (m[1] === 'ExplanationOfBenefit' || m[1] === 'ClaimResponse') adjudicated++;
  }
  if (claims) return { kind: 'claim', certain: true };
  if (adjudicated) return { kind: 'remittance', certain: true };
  return { kind: 'claim', certain: false };
}

// ---- exports: payment columns mark paid history (CCW RIF: CLM_PMT_AMT, NCH_CARR_CLM_ALOWD_AMT) --

/** normalised header words that only an adjudicated record has */
const PAID_COLUMN = /pmt|paid|payment|alowd|allowed|adjudicat|remit|denial|dnl|finalaction/;
/** one such column could be a prior payer's amount on a claim; two make it paid history */
const PAID_COLUMNS_NEEDED = 2;

export function csvKind(text: string): KindJudgement {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0xfeff) i++;
  const lineEnd = text.indexOf('\n', i);
  const firstLine = text.slice(i, lineEnd < 0 ? Math.min(text.length, i + 65536) : lineEnd);
  let headers: string[] = [];
  forEachRow(firstLine, sniffDelimiter(firstLine), 0, (row) => {
    if (!headers.length) headers = row.cells.map((c) => normaliseHeader(c.value));
  });
  const paid = headers.filter((h) => PAID_COLUMN.test(h)).length;
  return paid >= PAID_COLUMNS_NEEDED ? { kind: 'remittance', certain: true } : { kind: 'claim', certain: false };
}

// ---- prose: a note bills (quantities next to codes, a date of service, pasted claim segments) --

const CODE = /\b[A-V][0-9]{4}\b/g;
/** after a code, on its line: "x 5", "× 5", "#5", "qty 5", "quantity: 5", "5 units" (not "per 5 units") */
const QUANTITY_AFTER =
  /^(?:[^\n.;]|\.(?=\d)){0,40}?(?:(?:^|[ \t(,])[x×][ \t]*\d|#[ \t]*\d|\bqty\.?[ \t]*[:=]?[ \t]*\d|\bquantity[ \t]*[:=]?[ \t]*\d|(?<!\bper[ \t]{1,3}(?:\d+[ \t]*)?)\b\d+(?:\.\d+)?[ \t]*units?\b)/i;
/** before a code: "120 units of J7507", "5 x J7507" */
const QUANTITY_BEFORE = /\b\d+(?:\.\d+)?[ \t]*(?:units?[ \t]+of|units?|[x×])[ \t]*$/i;
/** a guide shows a worked example or two among many codes; in a note most codes written are billed */
const BILLED_SHARE = 0.25;
/** a date of service written as a label with its date: "DOS: 03/04/2025", "Date of service 2025-03-04" */
const SERVICE_DATE_LABEL =
  /(?:\bDOS\b|\b(?:dates?\s+of\s+service|service\s+date|visit\s+date|encounter\s+date))\s*[:#-]?\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})/i;
/** a service line pasted from a claim: SV1*HC:J7507, SV2*0250*HC:J7507 */
const CLAIM_SEGMENT = /\b(?:SV1[*|^~]|SV2[*|^~]\d{3,4}[*|^~])[A-Z]{2}[:>^]/;
/** a Markdown table header cell that is a quantity column */
const UNITS_HEADER_CELL = /^(?:units?|qty|quantity|billed\s+units|units\s+billed|service\s+units)$/i;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}/;
const HAS_CODE = /\b[A-V][0-9]{4}\b/;
const CODE_SCAN_LIMIT = 10_000;

/** prose bills (a note) or only describes codes (reference) */
export function proseKind(text: string): KindJudgement {
  const bills = hasBillingSigns(text);
  return { kind: bills ? 'note' : 'reference', certain: bills };
}

/** Does the text bill anything? Used only to tell a note from reference text; prose.ts reads the lines. */
export function hasBillingSigns(fullText: string): boolean {
  const text = withoutCodeSamples(fullText);
  if (SERVICE_DATE_LABEL.test(text) || CLAIM_SEGMENT.test(text)) return true;
  if (hasTableWithUnits(text)) return true;
  let codes = 0;
  let billed = 0;
  CODE.lastIndex = 0;
  for (let m = CODE.exec(text); m && codes < CODE_SCAN_LIMIT; m = CODE.exec(text)) {
    codes++;
    const end = m.index + 5;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (QUANTITY_AFTER.test(text.slice(end, end + 60)) || QUANTITY_BEFORE.test(text.slice(Math.max(lineStart, m.index - 30), m.index))) billed++;
  }
  return billed > 0 && billed >= codes * BILLED_SHARE;
}

/** a Markdown table with a units column and a code in one of its rows */
function hasTableWithUnits(text: string): boolean {
  if (!text.includes('|')) return false;
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.trimStart().startsWith('|') || !TABLE_SEPARATOR.test(lines[i + 1]!)) continue;
    const cells = lines[i]!.split('|').map((c) => c.trim());
    if (!cells.some((c) => UNITS_HEADER_CELL.test(c))) continue;
    for (let k = i + 2; k < lines.length && lines[k]!.trimStart().startsWith('|'); k++) if (HAS_CODE.test(lines[k]!)) return true;
  }
  return false;
}

/** Markdown code fences and `inline code` show examples (rule pages, READMEs): they bill nothing */
function withoutCodeSamples(text: string): string {
  if (!text.includes('`')) return text;
  return text.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm, '').replace(/`[^`\n]+`/g, '');
}

// ---- the file name, when the content did not say ---------------------------------------------

const REMITTANCE_NAME = /(?:^|[^a-z0-9])(?:835|era|remits?|remittances?|eobs?|paid|adjudicated)(?:[^a-z0-9]|$)|\.835$/i;
const CLAIM_NAME = /(?:^|[^a-z0-9])(?:837[pi]?|claims?)(?:[^a-z0-9]|$)|\.837$/i;
const NOTE_NAME = /(?:^|[^a-z])(?:notes?|visits?|encounters?|progress|soap|superbills?|charts?)(?:[^a-z]|$)/i;

/** an 837/835 or claims/remits file name */
export function claimKindByName(name: string): DocumentKind | undefined {
  if (REMITTANCE_NAME.test(name)) return 'remittance';
  if (CLAIM_NAME.test(name)) return 'claim';
  return undefined;
}

/** a notes/visit/encounter file name */
export function noteKindByName(name: string): DocumentKind | undefined {
  return NOTE_NAME.test(name) ? 'note' : undefined;
}
