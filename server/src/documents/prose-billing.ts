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
const MAX_ROW = 2000;

/** a data row of a table whose header names a units column; value: the units cell when it holds a number */
export interface TableRow {
  start: number;
  end: number;
  value?: Span<string>;
}

/**
 * The data rows of every table with a units column (Markdown pipes or tab-separated), in one pass
 * over the lines: the first row of a table is its header; a long line is never a table row.
 */
export function tableRows(text: string): TableRow[] {
  const out: TableRow[] = [];
  let sep: string | undefined; // the separator of the table being read, if any
  let column = -1; // its units column
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = end - start <= MAX_ROW ? text.slice(start, end).replace(/\r$/, '') : '';
    const lineSep = line.trimStart().startsWith('|') ? '|' : line.includes('\t') ? '\t' : undefined;
    if (!lineSep) sep = undefined;
    else if (lineSep !== sep) {
      sep = lineSep;
      column = cells(line, lineSep).findIndex((h) => UNITS_HEADER.test(h.text.trim()));
    } else if (column >= 0 && !/^[\s|:\-]+$/.test(line)) {
      const row: TableRow = { start, end };
      const cell = cells(line, lineSep)[column];
      const raw = cell?.text.trim() ?? '';
      if (cell && /^\d+(?:\.\d+)?$/.test(raw)) {
        const at = start + cell.start + cell.text.indexOf(raw);
        row.value = span(raw, at, at + raw.length);
      }
      out.push(row);
    }
    start = end + 1;
  }
  return out;
}

/** the table row holding offset, if any (rows sorted, not overlapping) */
export function tableRowAt(rows: readonly TableRow[], offset: number): TableRow | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
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
