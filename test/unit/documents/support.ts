// Shared helpers for the document reader tests: a compact text summary of what a reader found,
// and the invariants every ClaimDocument must keep (ranges inside the text, spans equal to the text).
import assert from 'node:assert/strict';
import type { ClaimDocument, Range, ServiceLine, Span } from '../../../server/src/model';
import { toIsoDate } from '../../../server/src/documents/dates';

/** e.g. "SV1 HC:J7507:KX u=5 UN dos=2025-11-05 ndc=N4 00378204501 q=2 UN" */
export function summariseLine(l: ServiceLine): string {
  const parts = [l.source, [l.qualifier?.value, l.code.value, ...l.modifiers.map((m) => m.value)].filter((x) => x !== undefined).join(':')];
  if (l.units) parts.push(`u=${l.units.value}${l.unitBasis ? ' ' + l.unitBasis.value : ''}`);
  if (l.serviceDate) parts.push(`dos=${l.serviceDate.value}`);
  if (l.ndc) parts.push(`ndc=${l.ndcQualifier ? l.ndcQualifier.value + ' ' : ''}${l.ndc.value}`);
  if (l.ndcQuantity) parts.push(`q=${l.ndcQuantity.value}${l.ndcUnit ? ' ' + l.ndcUnit.value : ''}`);
  if (l.description) parts.push(`desc=${l.description.value}`);
  if (l.notes.length) parts.push(`notes=${l.notes.map((n) => n.value).join('|')}`);
  for (const d of l.doses) parts.push(`dose=${[d.drug?.value, d.amount?.value, d.unit?.value].filter((x) => x !== undefined).join(' ')}`);
  return parts.join(' ');
}

export function allLines(doc: ClaimDocument): ServiceLine[] {
  return doc.claims.flatMap((c) => c.lines);
}

export function summarise(doc: ClaimDocument): string[] {
  return allLines(doc).map(summariseLine);
}

function checkRange(r: Range, length: number, what: string): void {
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `${what}: integer offsets`);
  assert.ok(r.start >= 0 && r.start <= r.end && r.end <= length, `${what}: range ${r.start}..${r.end} outside 0..${length}`);
}

function checkText(text: string, s: Span<string> | undefined, what: string): void {
  if (!s) return;
  checkRange(s.range, text.length, what);
  assert.equal(text.slice(s.range.start, s.range.end), s.value, `${what}: span text equals value`);
}

function checkNumber(text: string, s: Span<number> | undefined, what: string): void {
  if (!s) return;
  checkRange(s.range, text.length, what);
  const raw = text.slice(s.range.start, s.range.end).replace(/[,$]/g, '');
  assert.equal(Number(raw), s.value, `${what}: '${raw}' reads as ${s.value}`);
}

function checkDate(text: string, s: Span<string> | undefined, what: string): void {
  if (!s) return;
  checkRange(s.range, text.length, what);
  assert.equal(toIsoDate(text.slice(s.range.start, s.range.end)), s.value, `${what}: date text reads as ${s.value}`);
}

/** every range inside the text; every text value equal to the characters its range covers */
export function checkInvariants(text: string, doc: ClaimDocument, exactDescriptions = true): void {
  assert.equal(doc.length, text.length);
  for (const c of doc.containers) checkRange(c.range, text.length, `container ${c.label}`);
  for (const p of doc.problems) checkRange(p.range, text.length, `problem ${p.id}`);
  for (const m of doc.mentions) {
    checkText(text, m.code, 'mention');
    m.modifiers.forEach((x) => checkText(text, x, 'mention modifier'));
  }
  for (const claim of doc.claims) {
    checkRange(claim.range, text.length, `claim ${claim.label}`);
    checkText(text, claim.id, 'claim id');
    checkDate(text, claim.serviceDate, 'claim date');
    claim.diagnoses.forEach((d) => checkText(text, d, 'diagnosis'));
    for (const l of claim.lines) {
      const what = summariseLine(l);
      checkRange(l.range, text.length, `${what} range`);
      assert.ok(l.range.start <= l.code.range.start && l.code.range.end <= l.range.end, `${what}: code inside the line`);
      for (const s of [l.qualifier, l.code, l.unitsText, l.unitBasis, l.ndc, l.ndcQualifier, l.ndcUnit, ...l.modifiers, ...l.notes]) checkText(text, s, what);
      if (l.description) {
        checkRange(l.description.range, text.length, `${what} description`);
        const raw = text.slice(l.description.range.start, l.description.range.end);
        // a quoted CSV cell or JSON string may have escapes the value no longer has
        if (exactDescriptions) assert.ok(raw === l.description.value || raw.replace(/""/g, '"') === l.description.value || JSON.parse(`"${raw}"`) === l.description.value, `${what}: description text`);
      }
      for (const s of [l.units, l.charge, l.ndcQuantity, l.sequence]) checkNumber(text, s, what);
      checkDate(text, l.serviceDate, `${what} date`);
      for (const d of l.doses) {
        checkRange(d.range, text.length, `${what} dose`);
        checkNumber(text, d.amount, `${what} dose amount`);
        if (d.drug) assert.equal(text.slice(d.drug.range.start, d.drug.range.end).toLowerCase(), d.drug.value);
        if (d.unit) checkRange(d.unit.range, text.length, `${what} dose unit`);
      }
      for (const slot of [l.modifierSlot, l.unitsSlot]) if (slot) assert.ok(slot.offset >= 0 && slot.offset <= text.length, `${what}: slot inside the text`);
    }
  }
}

/** text with one '‸' removed, and where it was */
export function caret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  assert.ok(offset >= 0, 'row has a ‸ marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function insertAt(text: string, offset: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset);
}
