// Does the text bill a code, or only name it? What a coder looks for around a code in a note:
// a quantity later in its phrase ("J7507 tacrolimus 5 mg x 5 units", "J7507 ... 5 units"), a
// table row whose header has a units column, or a billing verb in the sentence ("billed as J7507").
import type { Range, Span } from '../model';
import { span } from '../model';

/**
 * A quantity after the code, before the next code: "x 5", "× 5 units", "qty 5", "#5", or "5 units"
 * when no drug name stands right before the number (then it is a dose: "insulin 10 units").
 * "2 x 5 mg" multiplies a dose: not units.
 */
const LATER = /(?<![A-Za-z0-9])(?:[x×][ \t]*(\d+(?:\.\d+)?)(?![\d.,]*[ \t]*(?:mg|mcg|ml|g|gm|micrograms?|milligrams?)(?![A-Za-z]))|(?:qty|quantity)[ \t]*[:=#]?[ \t]*(\d+(?:\.\d+)?)|#[ \t]*(\d+)(?![\d.])|(?<![\d,.])(\d+)[ \t]*units?(?![A-Za-z])(?![ \t]+of\b))/gi;
/** what may stand right before "N units" for it to be a count: the code, punctuation, a dose unit, a billing word */
const COUNT_LEAD = /(?:^|[,;:(\-–—=]|\b(?:mg|mcg|ml|g|gm|micrograms?|milligrams?|billed|bill|for|total|dispensed|administered|given|submitted|charged|claimed))[ \t]*$/i;

export function laterUnits(text: string, from: number, to: number): { raw: string; start: number; range: Range } | undefined {
  if (to <= from) return undefined;
  const piece = text.slice(from, to);
  LATER.lastIndex = 0;
  for (let m = LATER.exec(piece); m; m = LATER.exec(piece)) {
    const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
    const raw = m[group]!;
    if (group === 4 && !COUNT_LEAD.test(piece.slice(Math.max(0, m.index - 24), m.index))) continue;
    const at = from + m.index + m[0].indexOf(raw, group === 4 ? 0 : 1);
    return { raw, start: at, range: { start: from + m.index, end: from + m.index + m[0].length } };
  }
  return undefined;
}

/** billing verbs that say this line was or is to be billed; "is billed per 1 mg" states a rule, not a line */
const BILLING_WORD = /\b(?:billed|charged|submitted|claimed|bill)\b/gi;
const RULE_BEFORE = /\b(?:is|are|be|to|when|if|should|must|may|can|cannot|could|would|not|never|always|how|often|usually|generally|typically)[ \t]+$/i;
const RULE_AFTER = /^[ \t]+(?:per|by|in|under|using|with|for each)\b/i;

export function billingWordIn(text: string, sentence: Range): boolean {
  const piece = text.slice(sentence.start, sentence.end);
  BILLING_WORD.lastIndex = 0;
  for (let m = BILLING_WORD.exec(piece); m; m = BILLING_WORD.exec(piece)) {
    const before = piece.slice(Math.max(0, m.index - 16), m.index);
    const after = piece.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (RULE_BEFORE.test(before) || RULE_AFTER.test(after)) continue;
    // "Bill" only as an imperative at the start of a sentence ("Bill J7507-KX for ...")
    if (m[0].toLowerCase() === 'bill' && piece.slice(0, m.index).trim() !== '') continue;
    return true;
  }
  return false;
}

const UNITS_HEADER = /^(?:units?|qty|quantity|units? billed|billed units?|# ?units?|svc units?|service units?)$/i; // not "billing unit": that is a unit's size
const MAX_TABLE_SCAN = 200;

/**
 * A table row holding the code, in a table whose header names a units column (Markdown pipes or
 * tabs): the units cell (value undefined when empty or not a number). Undefined when the code is
 * not in such a row.
 */
export function tableUnits(text: string, offset: number): { value?: Span<string> } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const row = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const sep = row.trimStart().startsWith('|') ? '|' : row.includes('\t') ? '\t' : undefined;
  if (!sep) return undefined;
  // walk up to the table's first row: its header
  let headerStart = lineStart;
  for (let k = 0; k < MAX_TABLE_SCAN && headerStart > 0; k++) {
    const prevStart = text.lastIndexOf('\n', headerStart - 2) + 1;
    const prev = text.slice(prevStart, headerStart - 1).replace(/\r$/, '');
    if (!(sep === '|' ? prev.trimStart().startsWith('|') : prev.includes('\t'))) break;
    headerStart = prevStart;
  }
  if (headerStart === lineStart) return undefined; // a row with no header above it
  const headerEnd = text.indexOf('\n', headerStart);
  const header = cells(text.slice(headerStart, headerEnd < 0 ? text.length : headerEnd).replace(/\r$/, ''), sep);
  const column = header.findIndex((h) => UNITS_HEADER.test(h.text.trim()));
  if (column < 0) return undefined;
  const cell = cells(row, sep)[column];
  if (!cell) return {};
  const raw = cell.text.trim();
  if (!/^\d+(?:\.\d+)?$/.test(raw)) return {};
  const start = lineStart + cell.start + cell.text.indexOf(raw);
  return { value: span(raw, start, start + raw.length) };
}

function cells(row: string, sep: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let body = row;
  let offset = 0;
  if (sep === '|') {
    const lead = row.indexOf('|');
    body = row.slice(lead + 1).replace(/\|[ \t]*$/, '');
    offset = lead + 1;
  }
  let at = 0;
  for (const part of body.split(sep)) {
    out.push({ text: part, start: offset + at });
    at += part.length + 1;
  }
  return out;
}
