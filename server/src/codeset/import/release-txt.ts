// The fixed-width edition of the CMS release (HCPCyyyy_*_ANWEB*.txt): 320-character records,
// layout in cms/hcpcs/record-layout (positions below are 0-based starts and ends).
// Record id 3/7 opens a procedure/modifier; 4/8 lines continue its long descriptor.
import type { ReleaseRecords } from './release-types';
import { isModifierRecordId, toCodeRecord, toModifierRecord, type RawRow } from './records';
import { joinLongPieces } from './long-pieces';

const field = (line: string, start: number, end: number): string => line.slice(start, end);

function rawRow(line: string, pieces: string[]): RawRow {
  const five = (start: number, width: number): string[] =>
    Array.from({ length: 5 }, (_v, k) => field(line, start + k * width, start + (k + 1) * width));
  return {
    hcpc: field(line, 0, 5),
    recordId: field(line, 10, 11),
    long: joinLongPieces(pieces),
    short: field(line, 91, 119),
    prices: five(119, 2).slice(0, 4),
    xrefs: five(204, 5),
    coverage: field(line, 229, 230),
    betos: field(line, 256, 259),
    tos: five(260, 1),
    addDate: field(line, 268, 276),
    actionEffectiveDate: field(line, 276, 284),
    termDate: field(line, 284, 292),
    actionCode: field(line, 292, 293),
  };
}

/** Does this text look like the fixed-width edition (first non-blank lines are records)? */
export function looksLikeReleaseTxt(text: string): boolean {
  const lines = text.slice(0, 4000).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  const probe = lines.slice(0, 5);
  if (probe.length === 0) return false;
  return probe.filter((l) => isRecordLine(l)).length >= Math.ceil(probe.length / 2);
}

function isRecordLine(line: string): boolean {
  return line.length >= 12 && /^(?:[A-Z0-9]{5}| {3}[A-Z0-9]{2})[ 0-9]{5}[3478]/.test(line);
}

export function readReleaseTxt(text: string): ReleaseRecords {
  const out: ReleaseRecords = { codes: [], modifiers: [], problems: [] };
  let head: string | undefined; // first line of the record being built
  let pieces: string[] = [];
  const flush = (): void => {
    if (head === undefined) return;
    const raw = rawRow(head, pieces);
    if (isModifierRecordId(raw.recordId)) out.modifiers.push(toModifierRecord(raw));
    else out.codes.push(toCodeRecord(raw));
    head = undefined;
    pieces = [];
  };
  let lineNo = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = pos;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(pos, end);
    pos = end < n && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    lineNo++;
    if (line.trim() === '') continue;
    if (!isRecordLine(line)) {
      if (out.problems.length < 50) out.problems.push(`line ${lineNo}: not a HCPCS record, skipped`);
      continue;
    }
    const recordId = line[10];
    const piece = field(line, 11, 91).padEnd(80, ' ');
    if (recordId === '3' || recordId === '7') {
      flush();
      head = line;
      pieces = [piece];
    } else if (head !== undefined && field(head, 0, 5) === field(line, 0, 5)) {
      pieces.push(piece);
    } else if (out.problems.length < 50) {
      out.problems.push(`line ${lineNo}: continuation of ${line.slice(0, 5).trim()} without its first record, skipped`);
    }
  }
  flush();
  return out;
}
