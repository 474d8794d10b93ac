// Requests on X12 whose whole model is not kept (above 16 MB or hcpcs.maxValidationBytes) or not
// read yet (its validation still in progress): read only the claims around a position or range, so
// hover, completion and hints answer without building a model of 50 MB of claims.
import type { ClaimDocument } from '../model';
import { skipSpaces } from './chars';
import { emptyDocument } from './problems';
import { readX12Region, type X12Options } from './x12';
import { isIsaAt, readIsa } from './x12-delimiters';

/** how far a window may reach beyond the asked range to find its claims' ends */
const REACH = 1024 * 1024;
/** segments that close a claim (LX closes an 835 claim payment, handled by the reader) */
const CLAIM_ENDS = new Set(['CLM', 'CLP', 'HL', 'SE', 'GE', 'IEA', 'ISA', 'ST', 'GS', 'PLB']);
const CLAIM_STARTS = new Set(['CLM', 'CLP']);

/** The claims that hold [from, to], read on their own; an empty document when there are none. */
export function readX12Window(text: string, from: number, to: number, options: X12Options = {}): ClaimDocument {
  const empty = emptyDocument('x12', text.length);
  const isaAt = skipSpaces(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (!isIsaAt(text, isaAt)) return empty;
  const { delimiters } = readIsa(text, isaAt);
  const { element, segment } = delimiters;
  const idAt = (start: number) => {
    let end = start;
    while (end < text.length && end - start < 4 && text[end] !== element && text[end] !== segment) end++;
    return text.slice(start, end);
  };

  // back to the CLM/CLP that opens the claim holding `from`
  let start = -1;
  let cursor = text.lastIndexOf(segment, Math.max(0, from - 1));
  for (let scanned = 0; scanned < REACH; ) {
    const segStart = skipSpaces(text, cursor < 0 ? 0 : cursor + segment.length);
    const id = idAt(segStart);
    if (CLAIM_STARTS.has(id)) {
      start = segStart;
      break;
    }
    if (CLAIM_ENDS.has(id) || cursor < 0) break;
    const previous = text.lastIndexOf(segment, cursor - 1);
    scanned += cursor - previous;
    cursor = previous;
  }
  // `from` is between claims (HL, NM1 ...): the window starts at the first claim within the range
  for (let at = cursor < 0 ? 0 : text.indexOf(segment, from); start < 0 && at >= 0 && at <= to; at = text.indexOf(segment, at + segment.length)) {
    const next = skipSpaces(text, at === 0 ? 0 : at + segment.length);
    if (next <= to && CLAIM_STARTS.has(idAt(next))) start = next;
  }
  if (start < 0) return empty;

  // forward to the segment that closes the claim holding `to`
  let end = text.indexOf(segment, Math.max(to, start));
  while (end >= 0 && end - to < REACH) {
    const next = skipSpaces(text, end + segment.length);
    if (next >= text.length || CLAIM_ENDS.has(idAt(next))) break;
    end = text.indexOf(segment, next);
  }
  if (end < 0) end = text.length;

  const region = readX12Region(
    text,
    start,
    end,
    { element, segment, component: delimiters.component, txType: idAt(start) === 'CLP' ? '835' : '837', detectComponent: true },
    options,
  );
  if (!region) return empty;
  return { ...empty, claims: region.claims, mentions: region.mentions, problems: region.problems, x12: delimiters };
}
