// Where each role's column is in a claim table, worked out once from the header, and the cell
// helpers the reader and a claim's re-read share.
import type { MentionContext, Span } from '../model';
import { span } from '../model';
import { isSpace } from './chars';
import type { Column } from './csv-columns';
import type { Cell } from '../base/csv-rows';
import { toIsoDate } from './dates';

/** column positions by role */
export class Layout {
  code?: number;
  claimId?: number;
  units?: number;
  ndc?: number;
  lineDate?: number;
  claimDate?: number;
  description?: number;
  notes?: number;
  charge?: number;
  lineNumber?: number;
  modifiersColumn?: number;
  modifierColumns: number[] = [];
  diagnoses: number[] = [];
  mentionColumns: { index: number; context: MentionContext }[] = [];

  constructor(columns: Column[]) {
    const firstOf = (role: Column['role']) => columns.find((c) => c.role === role)?.index;
    this.code = firstOf('code');
    this.claimId = firstOf('claimId');
    this.units = firstOf('units');
    this.ndc = firstOf('ndc');
    this.lineDate = firstOf('lineDate');
    this.claimDate = firstOf('claimDate');
    this.description = firstOf('description');
    this.notes = firstOf('notes');
    this.charge = firstOf('charge');
    this.lineNumber = firstOf('lineNumber');
    this.modifiersColumn = firstOf('modifiers');
    this.modifierColumns = columns
      .filter((c) => c.role === 'modifier')
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.index - b.index)
      .map((c) => c.index);
    this.diagnoses = columns.filter((c) => c.role === 'diagnosis').map((c) => c.index);
    for (const c of columns) {
      if (c.role === 'diagnosis') this.mentionColumns.push({ index: c.index, context: 'diagnosis' });
      else if (c.role === 'identifier') this.mentionColumns.push({ index: c.index, context: 'other' });
      else if (c.role === 'other' || (c.role === 'code' && c.index !== this.code)) this.mentionColumns.push({ index: c.index, context: 'text' });
    }
    // with no code column, every cell is searched for codes as text
    if (this.code === undefined) this.mentionColumns = columns.map((c) => ({ index: c.index, context: c.role === 'diagnosis' ? 'diagnosis' : c.role === 'identifier' ? 'other' : 'text' }));
  }
}

/** the cell at a column position, if the layout has that column and the row reaches it */
export function cellAt(cells: readonly Cell[], index: number | undefined): Cell | undefined {
  return index === undefined ? undefined : cells[index];
}

/** the cell's value without surrounding blanks, with its range; undefined when blank */
export function trimmedSpan(c: Cell | undefined): Span<string> | undefined {
  if (!c) return undefined;
  const v = c.value;
  let s = 0;
  let e = v.length;
  while (s < e && isSpace(v.charCodeAt(s))) s++;
  while (e > s && isSpace(v.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;
  // offsets map 1:1 onto the text unless a quoted cell had doubled quotes
  const exact = c.end - c.start === v.length;
  return span(v.slice(s, e), exact ? c.start + s : c.start, exact ? c.start + e : c.end);
}

/** the cell as an ISO date, when it holds one */
export function dateSpan(c: Cell | undefined): Span<string> | undefined {
  const t = trimmedSpan(c);
  const iso = t ? toIsoDate(t.value) : undefined;
  return t && iso ? span(iso, t.range.start, t.range.end) : undefined;
}
