// X12 formatting: one segment per line (optionally indented by loop) or all segments joined on one
// line. The only characters ever changed are the blanks and line breaks in the gap after a segment
// terminator, so no segment, delimiter, interchange or byte-order mark can be lost or altered.
// Delimiters come from each interchange's own ISA; when an ISA is too damaged to know them for
// sure, nothing changes and the answer says why.
import type { Range } from '../model';
import type { TextEdit } from '../checks/types';
import { isIsaAt, readIsa } from '../documents/x12-delimiters';

export type X12Layout = 'lines' | 'join';

export interface FormatOptions {
  layout: X12Layout;
  /** indent by loop (ISA > GS > ST > HL > CLM/CLP > LX/SVC) with this string; '' for none */
  indent?: string;
  /** the line break to write; the file's own (its first one) by default */
  eol?: string;
  /** only gaps inside this range change (range formatting) */
  range?: Range;
  /** above this many changed gaps, one edit spans them all (an editor converts each edit's position) */
  maxEdits?: number;
}

export interface FormatResult {
  /** offset edits, in document order, each replacing one gap */
  edits: TextEdit[];
  /** why nothing (or not everything) changed, for the user */
  reason?: string;
}

/** blanks that may sit between segments: space, tab, CR, LF */
function isGapChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** the file's own line break (the first one it has); LF when it has none */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf >= 0) return '\n';
  return text.indexOf('\r') >= 0 ? '\r' : '\n';
}

/** Loop depth of a segment by its id; `state` carries the depth of the current HL/claim/line. */
class LoopDepth {
  private body = 3; // inside ST: depth of segments after the current loop opener
  depth(id: string): number {
    switch (id) {
      case 'ISA':
      case 'IEA':
        return 0;
      case 'GS':
      case 'GE':
        return 1;
      case 'ST':
      case 'SE':
        this.body = 3;
        return 2;
      case 'HL':
        this.body = 4;
        return 3;
      case 'CLM':
      case 'CLP':
        this.body = 5;
        return 4;
      case 'LX':
      case 'SVC':
        this.body = 6;
        return 5;
      default:
        return this.body;
    }
  }
}

export function formatX12(text: string, options: FormatOptions): FormatResult {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < n && isGapChar(text.charCodeAt(pos))) pos++;
  if (pos >= n) return { edits: [] };
  if (!isIsaAt(text, pos)) {
    return { edits: [], reason: 'Not formatted: the file does not start with an ISA segment, so its delimiters are not known for sure.' };
  }
  const eol = options.eol ?? lineBreakOf(text);
  const unit = options.indent ?? '';
  const loops = new LoopDepth();
  // changed gaps as plain number arrays and shared strings: a 10 MB file has 400,000 gaps
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  const byDepth: string[] = [];
  const lineFor = (depth: number) => (byDepth[depth] ??= eol + unit.repeat(depth));
  const range = options.range;
  let lineTerminated = false;
  let element = '';
  let terminator = '';
  while (pos < n) {
    let end = -1;
    if (isIsaAt(text, pos)) {
      const isa = readIsa(text, pos);
      const damaged = isa.problems.find((p) => p.id === 'x12-damaged-isa');
      if (damaged) {
        return { edits: [], reason: `Not formatted: the ISA segment at offset ${pos} is damaged, so its delimiters are not known for sure.` };
      }
      element = isa.delimiters.element;
      terminator = isa.delimiters.segment;
      end = isa.terminatorAt; // the ISA's own fields may hold the terminator character
    }
    if (isGapChar(terminator.charCodeAt(0))) {
      // segments end with a line break (or a tab): the breaks are the data, leave this interchange as it is
      lineTerminated = true;
      const next = nextIsa(text, pos);
      if (next < 0) break;
      pos = next;
      continue;
    }
    if (end < 0) end = text.indexOf(terminator, pos);
    if (end < 0 || end >= n) break; // the last segment has no terminator: nothing after it to change
    let next = end + 1;
    while (next < n && isGapChar(text.charCodeAt(next))) next++;
    if (next >= n) break; // trailing blanks at the end of the file stay as they are
    const wanted = options.layout === 'join' ? '' : unit ? lineFor(loops.depth(segmentId(text, next, element, terminator))) : eol;
    const gapStart = end + 1;
    if (!sameText(text, gapStart, next, wanted) && (!range || (gapStart >= range.start && next <= range.end))) {
      starts.push(gapStart);
      ends.push(next);
      texts.push(wanted);
    }
    pos = next;
  }
  if (lineTerminated && !starts.length) return { edits: [], reason: 'Not formatted: the segments end with line breaks, so they are already one per line.' };
  return { edits: materialize(text, starts, ends, texts, options.maxEdits ?? Infinity) };
}

function sameText(text: string, start: number, end: number, wanted: string): boolean {
  if (end - start !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) if (text.charCodeAt(start + i) !== wanted.charCodeAt(i)) return false;
  return true;
}

/** one edit per gap, or above `max` one edit from the first changed gap to the last */
function materialize(text: string, starts: number[], ends: number[], texts: string[], max: number): TextEdit[] {
  const count = starts.length;
  if (count <= max) {
    const edits: TextEdit[] = new Array(count);
    for (let i = 0; i < count; i++) edits[i] = { range: { start: starts[i]!, end: ends[i]! }, newText: texts[i]! };
    return edits;
  }
  // one string built by concatenation (V8 ropes): no array of pieces for a 10 MB file
  let out = '';
  let at = starts[0]!;
  for (let i = 0; i < count; i++) {
    out += text.slice(at, starts[i]) + texts[i];
    at = ends[i]!;
  }
  return [{ range: { start: starts[0]!, end: at }, newText: out }];
}

/** the id of the segment at pos: up to its element separator or terminator, at most 3 characters */
function segmentId(text: string, pos: number, element: string, terminator: string): string {
  let end = pos;
  while (end < text.length && end - pos < 3 && text[end] !== element && text[end] !== terminator) end++;
  return text.slice(pos, end);
}

/** the next ISA at the start of a line after pos, or -1 */
function nextIsa(text: string, pos: number): number {
  let at = text.indexOf('ISA', pos + 1);
  while (at >= 0) {
    const before = text.charCodeAt(at - 1);
    if (isIsaAt(text, at) && (before === 10 || before === 13)) return at;
    at = text.indexOf('ISA', at + 3);
  }
  return -1;
}

/** apply offset edits (sorted, not overlapping) to the text */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.range.start), e.newText);
    at = e.range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
