// What fact checks read in notes and reference text: every Level II code written in prose (a billed
// line or a mention) with its sentence, the drugs named next to it and the date that applies.
import type { ClaimDocument, DoseMention, Range, Span } from '../model';
import { isLevel2 } from '../documents/chars';
import { RANGE_JOIN } from './statement-patterns';
import { traitsOf } from '../documents/formats';

export interface Statement {
  code: Span<string>;
  /** upper-cased code */
  value: string;
  sentence: Range;
  doses: DoseMention[];
  /** the note's date (ISO) that applies, else undefined (checks use today) */
  date?: string;
  /** where the code's own phrase ends: the next code in the sentence, else the sentence end */
  phraseEnd: number;
  /** first or last code of a range ("J7500 through J7513"): what follows speaks of the range */
  inRange?: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const cache = new WeakMap<ClaimDocument, Statement[]>();

/** prose only: codes in X12, CSV and FHIR are fields, not statements */
export function statementsOf(doc: ClaimDocument, text: string): Statement[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: Statement[] = [];
  if (traitsOf(doc).sentences) {
    const add = (code: Span<string>, sentence: Range | undefined, doses: DoseMention[] | undefined, date: Span<string> | undefined) => {
      const value = code.value.trim().toUpperCase();
      if (!sentence || !isLevel2(value)) return;
      const s: Statement = { code, value, sentence, doses: doses ?? [], phraseEnd: sentence.end };
      if (date && ISO.test(date.value)) s.date = date.value;
      out.push(s);
    };
    for (const claim of doc.claims) for (const line of claim.lines) if (line.source === 'prose') add(line.code, line.range, line.doses, line.serviceDate);
    // quoted text (code fences, code spans, quotation marks) is an example, not a statement
    for (const m of doc.mentions) if (m.context === 'text' && !m.quoted) add(m.code, m.sentence, m.doses, m.serviceDate);
    out.sort((a, b) => a.code.range.start - b.code.range.start);
    for (let i = 0; i + 1 < out.length; i++) {
      const next = out[i + 1]!;
      if (next.code.range.start < out[i]!.sentence.end && next.code.range.start > out[i]!.code.range.end) out[i]!.phraseEnd = next.code.range.start;
    }
    markRanges(text, out);
  }
  cache.set(doc, out);
  return out;
}

/** marks both ends of "J7500 through J7513" */
function markRanges(text: string, list: Statement[]): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1]!;
    if (RANGE_JOIN.test(text.slice(a.code.range.end, b.code.range.start))) a.inRange = b.inRange = true;
  }
}

/** the phrase after the code (up to the next code in its sentence) */
export function phraseAfter(text: string, s: Statement): { text: string; start: number } {
  return { text: text.slice(s.code.range.end, s.phraseEnd), start: s.code.range.end };
}
