// A claim's service lines and diagnoses, read from its rows of a claim table: the whole read builds
// every claim this way, and a compact claim (compact-claims.ts) reads its rows again the same way.
import type { Claim, Diagnosis, ServiceLine, Span } from '../model';
import { span } from '../model';
import { parseNumber } from './chars';
import { rowAt, type Cell } from '../base/csv-rows';
import { isNdcFiller } from './fillers';
import { findDoses, type DrugNamePredicate } from './doses';
import { appendAll } from '../base/arrays';
import type { ClaimDetails } from './compact-claims';
import { cellAt, dateSpan, trimmedSpan, type Layout } from './csv-layout';

/** what reading a table's rows needs to know, the same for every claim of the table */
export interface TableContext {
  layout: Layout;
  delimiter: string;
  isDrugName?: DrugNamePredicate;
}

const MODIFIER_SPLIT = /[^\s,:;\-|]+/g;
const DIAGNOSIS_SHAPE = /^[A-Za-z0-9][A-Za-z0-9.]{2,7}$/;

/**
 * The lines (one per row with a code) and diagnoses (the diagnosis cells of every row, each code
 * once) of `claim`, from the rows starting at `rowStarts`. Undefined when a row no longer belongs
 * to the claim (its claim id differs): a claim is never given another's lines.
 */
export function readClaimDetails(text: string, table: TableContext, claim: Pick<Claim, 'id' | 'serviceDate'>, rowStarts: ArrayLike<number>): ClaimDetails | undefined {
  const lay = table.layout;
  const lines: ServiceLine[] = [];
  const diagnoses: Diagnosis[] = [];
  for (let r = 0; r < rowStarts.length; r++) {
    const { cells, start, end } = rowAt(text, table.delimiter, rowStarts[r]!);
    if (trimmedSpan(cellAt(cells, lay.claimId))?.value !== claim.id?.value) return undefined;
    const code = trimmedSpan(cellAt(cells, lay.code));
    if (code) lines.push(buildLine(text, table, cells, { start, end }, code, claim.serviceDate));
    for (const i of lay.diagnoses) {
      const d = trimmedSpan(cells[i]);
      if (!d || !DIAGNOSIS_SHAPE.test(d.value) || diagnoses.some((x) => x.value === d.value)) continue;
      diagnoses.push({ ...d, position: diagnoses.length + 1, system: 'unknown', principal: diagnoses.length === 0 });
    }
  }
  return { lines, diagnoses };
}

function buildLine(text: string, table: TableContext, cells: readonly Cell[], range: { start: number; end: number }, code: Span<string>, claimDate: Span<string> | undefined): ServiceLine {
  const lay = table.layout;
  const cell = (i: number | undefined) => cellAt(cells, i);
  const line: ServiceLine = { source: 'csv', range, code, modifiers: [], notes: [], doses: [] };
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
  const date = dateSpan(cell(lay.lineDate)) ?? claimDate ?? dateSpan(cell(lay.claimDate));
  if (date) line.serviceDate = date;
  const description = trimmedSpan(cell(lay.description));
  if (description) {
    line.description = description;
    appendAll(line.doses, findDoses(text, description.range.start, description.range.end, table.isDrugName));
  }
  const note = trimmedSpan(cell(lay.notes));
  if (note) {
    line.notes.push(note);
    appendAll(line.doses, findDoses(text, note.range.start, note.range.end, table.isDrugName));
  }
  const sequence = trimmedSpan(cell(lay.lineNumber));
  const sequenceValue = sequence ? parseNumber(sequence.value) : undefined;
  if (sequence && sequenceValue !== undefined) line.sequence = span(sequenceValue, sequence.range.start, sequence.range.end);
  const charge = chargeSpan(cell(lay.charge));
  if (charge) line.charge = charge;
  return line;
}

/** a charge cell as a number ("$1,234.50" too) */
export function chargeSpan(c: Cell | undefined): Span<number> | undefined {
  const charge = trimmedSpan(c);
  const value = charge ? parseNumber(charge.value.replace(/[$,]/g, '')) : undefined;
  return charge && value !== undefined ? span(value, charge.range.start, charge.range.end) : undefined;
}

function splitModifiers(text: string, start: number, end: number, into: Span<string>[]): void {
  const piece = text.slice(start, end);
  MODIFIER_SPLIT.lastIndex = 0;
  for (let m = MODIFIER_SPLIT.exec(piece); m && into.length < 8; m = MODIFIER_SPLIT.exec(piece)) {
    into.push(span(m[0], start + m.index, start + m.index + m[0].length));
  }
}
