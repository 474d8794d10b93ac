// The dates a note gives itself: a heading with a date, "DOS: ...", "Date of service ...", a line
// that starts with a date (a dated section). Each applies to the text below it until the next one,
// as a coder reads a visit note. Dates inside ordinary sentences ("approved on 2024-01-01") are not
// the note's date.
import type { Span } from '../model';
import { span } from '../model';
import { toIsoDate } from './dates';

export interface NoteDate {
  /** where the date starts to apply (start of its line) */
  from: number;
  date: Span<string>;
}

const DATE = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},?[ \t]+\d{4})`;
/** "DOS: 2025-11-05", "Date of service 11/05/2025", "Service date - Nov 5, 2025" */
// the label starts its line: "bill J7507 (DOS 2025-11-05)" dates that sentence only (the reader's DATE_NEAR)
const LABELLED = new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:DOS|dates? of service|service date|visit date|date)\b(?:\*\*|__)?[ \t]*[:\-–]?[ \t]*(?:\*\*|__)?[ \t]*` + DATE, 'i');
/** a Markdown heading holding a date */
const HEADING = new RegExp(String.raw`^[ \t]{0,3}#{1,6}[ \t].*?` + DATE, 'i');
/** a line that starts with a date: "2025-11-05 infusion clinic", "**11/05/2025**:", "- Nov 5, 2025:" */
const LEADING = new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__|\[)?` + DATE + String.raw`(?:\*\*|__|\])?(?=[ \t]*(?:$|[:\-–—,.]|[ \t][A-Za-z]))`, 'i');

/** the note's dates in document order */
export function noteDates(text: string): NoteDate[] {
  const out: NoteDate[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    // a line longer than a heading or a label line is prose: its dates are not the note's
    if (line.length <= 200) {
      const m = HEADING.exec(line) ?? LABELLED.exec(line) ?? LEADING.exec(line);
      if (m) {
        const raw = m[1];
        const iso = toIsoDate(raw);
        const at = start + m.index + m[0].lastIndexOf(raw);
        if (iso) out.push({ from: start, date: span(iso, at, at + raw.length) });
      }
    }
    start = end + 1;
  }
  return out;
}

/** the note date that applies at offset, if any */
export function noteDateAt(dates: readonly NoteDate[], offset: number): Span<string> | undefined {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.from <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? undefined : dates[found]!.date;
}
