// Where is the cursor, for completion: in a code field, in a modifier field, after a drug name in
// prose, or nowhere useful. X12 is read from the text around the cursor (the model may not have a
// line yet while the user types); CSV and FHIR use the model's spans.
import type { Claim, Range, ServiceLine } from '../model';
import { contains } from '../model';
import type { FeatureContext } from './context';
import { documentIndex, lastAtOrBefore, lineAt } from './locate';
import { traitsOf, type FormatTraits } from '../documents/formats';

export type CompletionPosition =
  | { kind: 'code'; partial: string; replace: Range; line?: ServiceLine; claim?: Claim; allowWords: boolean; drug?: string }
  | { kind: 'modifier'; partial: string; replace: Range; line?: ServiceLine; claim?: Claim; code?: string }
  /** a diagnosis code: X12 HI after an ICD-10 qualifier (ABK, ABF, …), a CSV diagnosis cell, a FHIR diagnosis code; `dotted`: the file writes the dot */
  | { kind: 'diagnosis'; partial: string; replace: Range; claim?: Claim; dotted: boolean }
  | { kind: 'none' };

const NONE: CompletionPosition = { kind: 'none' };
/** how far back/forward the X12 scan may look: one segment is far shorter than this */
const SEGMENT_SCAN_LIMIT = 2048;
/** composite element holding the procedure code, by segment id */
const PROCEDURE_ELEMENT: Record<string, number> = { SV1: 1, SV2: 2, SVC: 1, SVD: 3 };
const HCPCS_QUALIFIERS = new Set(['', 'HC', 'HP']);

type PositionFinder = (ctx: FeatureContext, text: string, offset: number) => CompletionPosition;

/** by the format's completion trait: each way of reading the cursor's context has one finder */
const FINDERS: Record<FormatTraits['completion'], PositionFinder> = {
  segment: x12Position,
  sentence: prosePosition,
  model: (ctx, _text, offset) => modelPosition(ctx, offset) ?? NONE,
};

export function completionPosition(ctx: FeatureContext, offset: number): CompletionPosition {
  return FINDERS[traitsOf(ctx.model).completion](ctx, ctx.textDocument.getText(), offset);
}

function x12Position(ctx: FeatureContext, text: string, offset: number): CompletionPosition {
  const sep = ctx.model.x12 ?? { element: '*', component: ':', repetition: '^', segment: '~' };
  // walk back to the start of the segment, counting element and component separators
  let elementIndex = 0;
  let componentIndex = 0;
  let componentStart = -1;
  let i = offset - 1;
  const stop = Math.max(0, offset - SEGMENT_SCAN_LIMIT);
  for (; i >= stop; i--) {
    const ch = text[i];
    if (ch === sep.segment) break;
    if (ch === sep.element) {
      if (componentStart < 0) componentStart = i + 1;
      elementIndex++;
    } else if (ch === sep.component && elementIndex === 0) {
      if (componentStart < 0) componentStart = i + 1;
      componentIndex++;
    }
  }
  const segmentStart = i + 1;
  if (componentStart < 0) return NONE; // still typing the segment id
  // the element separators counted are those before the cursor: the cursor's element is their number
  const firstSep = text.indexOf(sep.element, segmentStart);
  if (firstSep < 0 || firstSep >= offset) return NONE;
  const segmentId = text.slice(segmentStart, firstSep).trim().toUpperCase();
  if (segmentId === 'HI') return hiPosition(ctx, text, offset, sep, componentStart, componentIndex);
  const want = PROCEDURE_ELEMENT[segmentId];
  if (want === undefined || elementIndex !== want) return NONE;
  // end of the current component
  let end = offset;
  const endStop = Math.min(text.length, offset + SEGMENT_SCAN_LIMIT);
  while (end < endStop && ![sep.component, sep.element, sep.segment, '\n', '\r'].includes(text[end] as string)) end++;
  const replace = { start: componentStart, end };
  const partial = text.slice(componentStart, offset).trim();
  const owner = lineAt(ctx.model, offset);
  const line = owner?.line;
  const claim = owner?.claim;
  // qualifier and code are read from the text: the model may not have this line yet
  const elementStart = text.lastIndexOf(sep.element, componentStart - 1) + 1;
  const parts = text.slice(elementStart, componentStart).split(sep.component);
  const qualifier = (parts[0] ?? '').trim().toUpperCase();
  if (!HCPCS_QUALIFIERS.has(qualifier)) return NONE;
  if (componentIndex === 1) return { kind: 'code', partial, replace, line, claim, allowWords: true };
  if (componentIndex >= 2 && componentIndex <= 5) {
    return { kind: 'modifier', partial, replace, line, claim, code: (parts[1] ?? '').trim().toUpperCase() || undefined };
  }
  return NONE;
}

/** HI*ABF:E11|: the code after an ICD-10 qualifier (ICD-9 BK/BF and others are not completed) */
function hiPosition(ctx: FeatureContext, text: string, offset: number, sep: { element: string; component: string; segment: string }, componentStart: number, componentIndex: number): CompletionPosition {
  if (componentIndex !== 1) return NONE;
  const elementStart = text.lastIndexOf(sep.element, componentStart - 1) + 1;
  const qualifier = text.slice(elementStart, componentStart - 1).trim().toUpperCase();
  if (!/^A[A-Z]{1,2}$/.test(qualifier)) return NONE;
  let end = offset;
  const endStop = Math.min(text.length, offset + SEGMENT_SCAN_LIMIT);
  while (end < endStop && ![sep.component, sep.element, sep.segment, '\n', '\r'].includes(text[end] as string)) end++;
  return { kind: 'diagnosis', partial: text.slice(componentStart, offset).trim(), replace: { start: componentStart, end }, claim: claimAt(ctx, offset), dotted: false };
}

function claimAt(ctx: FeatureContext, offset: number): Claim | undefined {
  const { claims } = documentIndex(ctx.model);
  const claim = claims[lastAtOrBefore(claims, offset, (c) => c.range.start)];
  return claim && contains(claim.range, offset) ? claim : undefined;
}

/** CSV and FHIR: the model's spans say which field the cursor is in */
function modelPosition(ctx: FeatureContext, offset: number): CompletionPosition | undefined {
  const around = claimAt(ctx, offset);
  const diagnosis = around?.diagnoses.find((d) => contains(d.range, offset));
  if (diagnosis) {
    const written = ctx.textDocument.getText();
    return { kind: 'diagnosis', partial: written.slice(diagnosis.range.start, offset).trim(), replace: diagnosis.range, claim: around, dotted: diagnosis.value.includes('.') };
  }
  const owner = lineAt(ctx.model, offset);
  if (!owner) return undefined;
  const { line, claim } = owner;
  const text = ctx.textDocument.getText();
  if (contains(line.code.range, offset)) {
    return { kind: 'code', partial: text.slice(line.code.range.start, offset).trim(), replace: line.code.range, line, claim, allowWords: true };
  }
  const code = line.code.value.trim().toUpperCase() || undefined;
  for (const m of line.modifiers) {
    if (contains(m.range, offset)) return { kind: 'modifier', partial: text.slice(m.range.start, offset).trim(), replace: m.range, line, claim, code };
  }
  if (line.modifierSlot && line.modifierSlot.offset === offset) {
    return { kind: 'modifier', partial: '', replace: { start: offset, end: offset }, line, claim, code };
  }
  return undefined;
}

const WORD_CHAR = /[A-Za-z0-9]/;

/** prose: a code being typed ("J75"), a modifier after a code and a hyphen ("J7507-K"), or a drug name just typed */
function prosePosition(ctx: FeatureContext, text: string, offset: number): CompletionPosition {
  let start = offset;
  while (start > 0 && offset - start < 40 && WORD_CHAR.test(text[start - 1] as string)) start--;
  let end = offset;
  while (end < text.length && end - offset < 40 && WORD_CHAR.test(text[end] as string)) end++;
  const partial = text.slice(start, offset);
  const replace = { start, end };
  const owner = lineAt(ctx.model, offset);
  const line = owner?.line;
  const claim = owner?.claim;
  // "J7507-K|": a modifier after a code and a hyphen
  if (text[start - 1] === '-' && /^[A-Za-z0-9]{0,2}$/.test(partial)) {
    let codeStart = start - 1;
    while (codeStart > 0 && start - 1 - codeStart < 6 && WORD_CHAR.test(text[codeStart - 1] as string)) codeStart--;
    const code = text.slice(codeStart, start - 1).toUpperCase();
    if (/^[A-V][0-9]{4}$/.test(code)) return { kind: 'modifier', partial, replace, line, claim, code };
  }
  const drug = previousDrugWord(ctx, text, start);
  if (/^[A-Va-v][0-9]{0,4}$/.test(partial) && (partial.length >= 2 || drug)) {
    return { kind: 'code', partial, replace, line, claim, allowWords: false, drug };
  }
  if (partial === '' && drug) return { kind: 'code', partial, replace, line, claim, allowWords: false, drug };
  return NONE;
}

/** the word before `start` (skipping spaces) when the code set knows it as a drug name */
function previousDrugWord(ctx: FeatureContext, text: string, start: number): string | undefined {
  let end = start;
  while (end > 0 && start - end < 8 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end === start && start > 0) return undefined; // no space between: same word
  let begin = end;
  while (begin > 0 && end - begin < 40 && /[A-Za-z-]/.test(text[begin - 1] as string)) begin--;
  const word = text.slice(begin, end).toLowerCase();
  return word.length >= 3 && ctx.codeset.isDrugName(word) ? word : undefined;
}
