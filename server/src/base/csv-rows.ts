// RFC 4180 rows with offsets: quoted cells may hold delimiters, doubled quotes and line breaks.
// One pass; each row is handed to a callback so a 10 MB table is never held as cells.
import type { ReadProblem } from '../model';
import { problem } from './problem-ids';
import { TABLE } from './limits';

export interface Cell {
  /** the cell's value: quotes removed, doubled quotes undone */
  value: string;
  /** range of the value's characters (inside the quotes for a quoted cell) */
  start: number;
  end: number;
  quoted: boolean;
}

export interface Row {
  cells: Cell[];
  /** the row without its line break */
  start: number;
  end: number;
}

export const DELIMITERS = [',', '|', '\t', ';'] as const;

/** the delimiter used most on the first line (outside quotes); comma when none is used */
export function sniffDelimiter(text: string, from = 0): string {
  const counts = [0, 0, 0, 0];
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes) {
      const k = DELIMITERS.indexOf(ch as (typeof DELIMITERS)[number]);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITERS[best];
}

/** one row read at a position: its cells, where the next row starts, what it reported */
export interface RowRead extends Row {
  /** where the next row starts (after the line break) */
  next: number;
  /** cells read past the maxCells limit */
  dropped: number;
  /** where a quoted cell opened that is never closed */
  unterminatedQuote?: number;
}

/**
 * Reads the row that starts at `pos` (a row start: outside quotes). A row keeps at most maxCells
 * cells; the rest are read past (so the next row starts where it should) but not kept.
 */
export function rowAt(text: string, delimiter: string, pos: number, maxCells: number = TABLE.columnsPerRow): RowRead {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const rowStart = pos;
  const cells: Cell[] = [];
  let dropped = 0;
  let unterminatedQuote: number | undefined;
  for (;;) {
    // one cell starting at pos
    if (pos < n && text.charCodeAt(pos) === 34 /* " */) {
      const quoteAt = pos;
      let i = pos + 1;
      let value = '';
      let chunkStart = i;
      let closed = false;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            value += text.slice(chunkStart, i + 1);
            i += 2;
            chunkStart = i;
            continue;
          }
          closed = true;
          break;
        }
        i++;
      }
      value += text.slice(chunkStart, i);
      if (!closed) unterminatedQuote ??= quoteAt;
      const cell: Cell = { value, start: quoteAt + 1, end: i, quoted: true };
      pos = closed ? i + 1 : n;
      // tolerate stray text between the closing quote and the delimiter
      while (pos < n) {
        const c = text.charCodeAt(pos);
        if (c === d || c === 10 || c === 13) break;
        pos++;
      }
      if (cells.length < maxCells) cells.push(cell);
      else dropped++;
    } else {
      let i = pos;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      if (cells.length < maxCells) cells.push({ value: text.slice(pos, i), start: pos, end: i, quoted: false });
      else dropped++;
      pos = i;
    }
    if (pos < n && text.charCodeAt(pos) === d) {
      pos++;
      continue;
    }
    const rowEnd = pos;
    if (pos < n && text.charCodeAt(pos) === 13) pos++;
    if (pos < n && text.charCodeAt(pos) === 10) pos++;
    const row: RowRead = { cells, start: rowStart, end: rowEnd, next: pos, dropped };
    if (unterminatedQuote !== undefined) row.unterminatedQuote = unterminatedQuote;
    return row;
  }
}

/**
 * Calls onRow for every row (blank lines included, as rows with one empty cell). Returns problems
 * such as an unterminated quote. A row keeps at most maxCells cells (rowAt), and one problem says so.
 */
export function forEachRow(
  text: string,
  delimiter: string,
  from: number,
  onRow: (row: Row) => void,
  maxCells: number = TABLE.columnsPerRow,
): ReadProblem[] {
  const problems: ReadProblem[] = [];
  let widestReported = false;
  let pos = from;
  while (pos < text.length) {
    const row = rowAt(text, delimiter, pos, maxCells);
    if (row.unterminatedQuote !== undefined) problems.push(problem('csv-unterminated-quote', 'This quoted cell is never closed.', row.unterminatedQuote, text.length, 'error'));
    if (row.dropped > 0 && !widestReported) {
      widestReported = true;
      const message = `This row has ${maxCells + row.dropped} cells, more than the ${maxCells}-column limit for a table row; the cells past it are not read.`;
      problems.push(problem('csv-too-many-columns', message, row.start, row.end, 'error'));
    }
    onRow(row);
    pos = row.next;
  }
  return problems;
}
