// Quoted text in prose: Markdown code fences, inline code spans and "double-quoted" phrases. A code
// written there is an example or a citation ("J7520 (tacrolimus)" in a rule's docs page, `J1550`×1 in
// a provenance table), not a billed line and not a statement of fact.
import type { Range } from '../model';

const MAX_QUOTE = 300;

/** quoted ranges in document order, not overlapping */
export function quotedRanges(text: string): Range[] {
  const out: Range[] = [];
  let pos = 0;
  let fenceStart = -1;
  let fence = '';
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    const marker = /^[ \t]{0,3}(```+|~~~+)/.exec(line);
    if (fenceStart >= 0) {
      if (marker && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length) {
        out.push({ start: fenceStart, end });
        fenceStart = -1;
      }
    } else if (marker) {
      fenceStart = pos;
      fence = marker[1]!;
    } else {
      inlineQuotes(line, pos, out);
    }
    pos = end + 1;
  }
  if (fenceStart >= 0) out.push({ start: fenceStart, end: text.length });
  return out;
}

/** `code spans`, "double quotes" and “curly quotes” within one line */
function inlineQuotes(line: string, offset: number, out: Range[]): void {
  const re = /`+|"|“/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const open = m[0];
    const close = open === '“' ? '”' : open;
    // look for the closing mark within MAX_QUOTE only: a long line of unclosed quotes stays linear
    const from = m.index + open.length;
    const within = line.slice(from, from + MAX_QUOTE).indexOf(close);
    if (within < 0) continue;
    const at = from + within;
    out.push({ start: offset + m.index, end: offset + at + close.length });
    re.lastIndex = at + close.length;
  }
}

/** is offset inside one of the (sorted) ranges? */
export function insideAny(ranges: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}
