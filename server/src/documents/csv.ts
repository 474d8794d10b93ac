// CSV / PSV / TSV claim tables -> ClaimDocument.
// Each data row with a code is one service line. Rows are grouped into claims by the claim id column
// when there is one; without one, every coded row is its own claim (a table without claim ids says
// nothing about which rows belong together, so no check should relate them).
import type { Claim, ClaimDocument, CodeMention, MentionContext, ServiceLine, Span } from '../model';
import { span } from '../model';
import { isAlnum, isDigit, isLevel2At, isSpace, parseNumber } from './chars';
import { classifyHeader, type Column } from './csv-columns';
import { forEachRow, sniffDelimiter, type Cell, type Row } from '../base/csv-rows';
import { toIsoDate } from './dates';
import { isNdcFiller } from './fillers';
import { findDoses, type DrugNamePredicate } from './doses';
import { addProblem, emptyDocument, problem } from './problems';
import { appendAll } from '../base/arrays';

export interface CsvOptions {
  isDrugName?: DrugNamePredicate;
  /** force a delimiter (languageId tsv/psv); sniffed from the first line otherwise */
  delimiter?: string;
}

const MODIFIER_SPLIT = /[^\s,:;\-|]+/g;

export function readCsv(text: string, options: CsvOptions = {}): ClaimDocument {
  const doc = emptyDocument('csv', text.length);
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = options.delimiter ?? sniffDelimiter(text, skipBlankLines(text, from));
  let columns: Column[] | undefined;
  let layout: Layout | undefined;
  const claimsById = new Map<string, Claim>();
  let rowNumber = 0;
  const table = { kind: 'table' as const, label: '', range: { start: from, end: text.length }, claims: [] as Claim[] };

  const problems = forEachRow(text, delimiter, from, (row) => {
    rowNumber++;
    if (row.cells.length === 1 && row.cells[0].value.trim() === '') return; // blank line
    if (!columns) {
      columns = row.cells.map((c, i) => classifyHeader(c.value, i));
      layout = new Layout(columns);
      if (layout.code === undefined) {
        addProblem(doc.problems, problem('csv-no-code-column', 'No column header names a procedure code (e.g. HCPCS, Procedure Code); codes are read from the text of the cells only.', row.start, row.end, 'information'));
      }
      return;
    }
    readRow(row, rowNumber);
  });
  for (const p of problems) addProblem(doc.problems, p);
  table.label = `Table (${rowNumber} rows, ${delimiterName(delimiter)}-delimited)`;
  table.claims = doc.claims;
  if (columns) doc.containers.push(table);
  return doc;

  function readRow(row: Row, rowNo: number): void {
    const lay = layout!;
    const cell = (i: number | undefined): Cell | undefined => (i === undefined ? undefined : row.cells[i]);
    const trimmed = (i: number | undefined): Span<string> | undefined => trimmedSpan(cell(i));

    // the claim this row belongs to (rows without a code still add their diagnoses to it)
    const claimId = trimmed(lay.claimId);
    const code = trimmed(lay.code);
    let claim = claimId ? claimsById.get(claimId.value) : undefined;
    const diagnosisCells = lay.diagnoses.map((i) => trimmed(i)).filter((s): s is Span<string> => !!s && /^[A-Za-z0-9][A-Za-z0-9.]{2,7}$/.test(s.value));

    if (code) {
      if (!claim) {
        claim = {
          id: claimId,
          range: { start: row.start, end: row.end },
          diagnoses: [],
          lines: [],
          label: claimId ? `Claim ${claimId.value}` : `Row ${rowNo}`,
        };
        doc.claims.push(claim);
        if (claimId) claimsById.set(claimId.value, claim);
        const claimDate = dateSpan(cell(lay.claimDate));
        if (claimDate) claim.serviceDate = claimDate;
      }
      claim.range.end = Math.max(claim.range.end, row.end);
      claim.lines.push(buildLine(row, code, claim));
      if (claimId) claim.label = `Claim ${claimId.value} (${claim.lines.length} line${claim.lines.length === 1 ? '' : 's'})`;
    }
    if (claim) {
      for (const d of diagnosisCells) {
        if (!claim.diagnoses.some((x) => x.value === d.value)) {
          claim.diagnoses.push({ ...d, position: claim.diagnoses.length + 1, system: 'unknown', principal: claim.diagnoses.length === 0 });
        }
      }
    }
    // code-looking values in the other columns
    for (const m of lay.mentionColumns) {
      const c = row.cells[m.index];
      if (c && c.value) collectMentions(text, c, m.context, doc.mentions);
    }
  }

  function buildLine(row: Row, code: Span<string>, claim: Claim): ServiceLine {
    const lay = layout!;
    const cell = (i: number | undefined): Cell | undefined => (i === undefined ? undefined : row.cells[i]);
    const line: ServiceLine = { source: 'csv', range: { start: row.start, end: row.end }, code, modifiers: [], notes: [], doses: [] };
    // a code cell may carry its modifiers: "J7507-KX"
    const inCell = /^([A-Za-z0-9]{4,6})(?:[\s:\-]+([A-Za-z0-9]{2}(?:[\s:\-]+[A-Za-z0-9]{2}){0,3}))?$/.exec(code.value);
    if (inCell && inCell[2]) {
      line.code = span(inCell[1], code.range.start, code.range.start + inCell[1].length);
      splitModifiers(text, code.range.start + inCell[1].length, code.range.end, line.modifiers);
    }
    for (const i of lay.modifierColumns) {
      const m = trimmedSpan(cell(i));
      if (m) line.modifiers.push(m);
      else if (!line.modifierSlot && cell(i)) line.modifierSlot = { offset: cell(i)!.start, prefix: '', suffix: '' };
    }
    if (lay.modifiersColumn !== undefined) {
      const c = cell(lay.modifiersColumn);
      if (c) {
        const before = line.modifiers.length;
        splitModifiers(text, c.start, c.end, line.modifiers);
        const added = line.modifiers.length - before;
        if (added === 0) line.modifierSlot ??= { offset: c.start, prefix: '', suffix: '' };
        else if (line.modifiers.length < 4 && !line.modifierSlot) {
          const sep = /[,:\-]/.exec(c.value)?.[0] ?? ' ';
          line.modifierSlot = { offset: line.modifiers[line.modifiers.length - 1].range.end, prefix: sep === ',' ? ', ' : sep, suffix: '' };
        }
      }
    }
    if (line.modifiers.length >= 4) delete line.modifierSlot;
    const units = cell(lay.units);
    if (units) {
      line.unitsText = span(units.value, units.start, units.end);
      const t = trimmedSpan(units);
      const v = t ? parseNumber(t.value.replace(/,/g, '')) : undefined;
      if (t && v !== undefined) line.units = span(v, t.range.start, t.range.end);
    }
    const ndc = trimmedSpan(cell(lay.ndc));
    if (ndc && !isNdcFiller(ndc.value)) line.ndc = ndc;
    const date = dateSpan(cell(lay.lineDate)) ?? claim.serviceDate ?? dateSpan(cell(lay.claimDate));
    if (date) line.serviceDate = date;
    const description = trimmedSpan(cell(lay.description));
    if (description) {
      line.description = description;
      appendAll(line.doses, findDoses(text, description.range.start, description.range.end, options.isDrugName));
    }
    const note = trimmedSpan(cell(lay.notes));
    if (note) {
      line.notes.push(note);
      appendAll(line.doses, findDoses(text, note.range.start, note.range.end, options.isDrugName));
    }
    const sequence = trimmedSpan(cell(lay.lineNumber));
    const sequenceValue = sequence ? parseNumber(sequence.value) : undefined;
    if (sequence && sequenceValue !== undefined) line.sequence = span(sequenceValue, sequence.range.start, sequence.range.end);
    const charge = trimmedSpan(cell(lay.charge));
    const chargeValue = charge ? parseNumber(charge.value.replace(/[$,]/g, '')) : undefined;
    if (charge && chargeValue !== undefined) line.charge = span(chargeValue, charge.range.start, charge.range.end);
    return line;
  }
}

/** column positions by role, worked out once from the header */
class Layout {
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

function trimmedSpan(c: Cell | undefined): Span<string> | undefined {
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

function dateSpan(c: Cell | undefined): Span<string> | undefined {
  const t = trimmedSpan(c);
  const iso = t ? toIsoDate(t.value) : undefined;
  return t && iso ? span(iso, t.range.start, t.range.end) : undefined;
}

function splitModifiers(text: string, start: number, end: number, into: Span<string>[]): void {
  const piece = text.slice(start, end);
  MODIFIER_SPLIT.lastIndex = 0;
  for (let m = MODIFIER_SPLIT.exec(piece); m && into.length < 8; m = MODIFIER_SPLIT.exec(piece)) {
    into.push(span(m[0], start + m.index, start + m.index + m[0].length));
  }
}

/** HCPCS-shaped tokens (letter A-V + 4 digits, on word boundaries) inside one cell */
function collectMentions(text: string, c: Cell, context: MentionContext, into: CodeMention[]): void {
  if (c.end - c.start !== c.value.length) return; // escaped quotes: offsets would drift
  for (let i = c.start; i + 5 <= c.end; i++) {
    if (!isLevel2At(text, i)) continue;
    const before = i > c.start ? text.charCodeAt(i - 1) : 32;
    const after = i + 5 < c.end ? text.charCodeAt(i + 5) : 32;
    if (isAlnum(before) || isAlnum(after) || (after === 46 && isDigit(text.charCodeAt(i + 6)))) continue;
    into.push({ code: span(text.slice(i, i + 5), i, i + 5), context, modifiers: [] });
    i += 4;
  }
}

function skipBlankLines(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === '\n' || text[pos] === '\r' || text[pos] === ' ')) pos++;
  return pos;
}

function delimiterName(d: string): string {
  return d === ',' ? 'comma' : d === '|' ? 'pipe' : d === '\t' ? 'tab' : d === ';' ? 'semicolon' : `'${d}'`;
}
