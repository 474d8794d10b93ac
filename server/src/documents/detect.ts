// What the content says a document's format is: an ISA header, a FHIR resourceType, a claim-table
// header. formats.ts runs these tests in order, then falls back on the languageId and extension.
import { isAlnum, isSpace } from './chars';
import { hasCodeColumn } from './csv-columns';
import { forEachRow, sniffDelimiter } from '../base/csv-rows';

export function extensionOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** the first character that is not white space */
export function contentStart(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** "ISA" + a separator that occurs at least 16 times in the next 120 characters */
export function looksLikeIsa(text: string, i: number): boolean {
  if (!text.startsWith('ISA', i) || i + 3 >= text.length) return false;
  const sep = text.charCodeAt(i + 3);
  if (isAlnum(sep) || isSpace(sep)) return false;
  let count = 0;
  const limit = Math.min(text.length, i + 130);
  for (let k = i + 3; k < limit; k++) if (text.charCodeAt(k) === sep) count++;
  return count >= 16;
}

/**
 * an interchange that starts a later line in the first 4 KB (a note or banner before the ISA); not
 * one inside a Markdown code fence, which is an example in a document about X12
 */
export function hasIsaLine(text: string): boolean {
  const head = text.slice(0, 4096);
  const re = /(^|[\r\n])[ \t]*ISA(?=[^A-Za-z0-9\s])/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (MARKDOWN_FENCE.test(head.slice(0, m.index))) return false;
    if (looksLikeIsa(text, m.index + m[0].length - 3)) return true;
  }
  return false;
}
const MARKDOWN_FENCE = /(^|[\r\n])[ \t]*(```|~~~)/;

/** JSON that names a FHIR resourceType (NDJSON lines and single resources name it early; a Bundle may hold it anywhere) */
export function looksLikeFhir(text: string, i: number): boolean {
  const first = text[i];
  return (first === '{' || first === '[') && text.indexOf('"resourceType"', i) >= 0;
}

/** the first line has >= 3 delimited cells and one of them names a procedure-code column */
export function looksLikeClaimTable(text: string, i: number): boolean {
  // '| Code | Units |' opens a Markdown table (a note), never a PSV export
  if (text.charCodeAt(i) === 124) return false;
  const delimiter = sniffDelimiter(text, i);
  let headers: string[] | undefined;
  const lineEnd = text.indexOf('\n', i);
  const firstLine = text.slice(i, lineEnd < 0 ? Math.min(text.length, i + 65536) : lineEnd);
  forEachRow(firstLine, delimiter, 0, (row) => {
    headers ??= row.cells.map((c) => c.value);
  });
  return !!headers && headers.length >= 3 && hasCodeColumn(headers);
}
