// Folding and selection ranges from the claim model: interchanges, groups, transactions (and other
// containers), claims and service lines. Selection adds the X12 segment under the cursor first.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FoldingRange, Position, SelectionRange } from 'vscode-languageserver-types';
import type { ClaimDocument, Range } from '../model';
import { toLspRange } from './diagnostics';
import { lineRangesOf } from '../documents/compact-claims';

/** folding gives up past this many ranges: an editor shows a handful on screen anyway */
export const FOLDING_LIMIT = 20_000;

function structure(model: ClaimDocument): { range: Range; kind: string }[] {
  const out: { range: Range; kind: string }[] = model.containers.map((c) => ({ range: c.range, kind: c.kind }));
  for (const claim of model.claims) {
    out.push({ range: claim.range, kind: 'claim' });
    for (const range of lineRangesOf(claim)) out.push({ range, kind: 'line' });
  }
  return out;
}

export function foldingRanges(doc: TextDocument, model: ClaimDocument): FoldingRange[] {
  const seen = new Set<string>();
  const out: FoldingRange[] = [];
  for (const { range } of structure(model)) {
    if (out.length >= FOLDING_LIMIT) break;
    const startLine = doc.positionAt(range.start).line;
    // a range ending with its line break would swallow the next line's fold start
    let endLine = doc.positionAt(range.end).line;
    if (endLine > startLine && doc.offsetAt({ line: endLine, character: 0 }) >= range.end) endLine--;
    const key = `${startLine}:${endLine}`;
    if (endLine <= startLine || seen.has(key)) continue;
    seen.add(key);
    out.push({ startLine, endLine });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** the X12 segment around offset: from after the previous terminator (blanks skipped) to its own terminator */
function segmentAt(text: string, model: ClaimDocument, offset: number): Range | undefined {
  const term = model.x12?.segment;
  if (!term) return undefined;
  let start = text.lastIndexOf(term, offset - 1) + 1;
  while (start < offset && /[ \t\r\n]/.test(text[start]!)) start++;
  let end = text.indexOf(term, offset);
  if (end < 0) end = text.length;
  return start <= offset && offset <= end ? { start, end: end + (end < text.length ? 1 : 0) } : undefined;
}

export function selectionRanges(doc: TextDocument, model: ClaimDocument, positions: Position[]): SelectionRange[] {
  const text = doc.getText();
  const all = structure(model);
  return positions.map((position) => {
    const at = doc.offsetAt(position);
    const holding = all.map((s) => s.range).filter((r) => r.start <= at && at <= r.end);
    const segment = segmentAt(text, model, at);
    if (segment) holding.push(segment);
    // smallest first; each parent must strictly contain its child
    holding.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
    let parent: SelectionRange | undefined;
    const chain: Range[] = [];
    for (const r of holding.reverse()) {
      const last = chain[chain.length - 1];
      if (last && (r.start < last.start || r.end > last.end || (r.start === last.start && r.end === last.end))) continue;
      chain.push(r);
    }
    for (const r of chain) parent = { range: toLspRange(doc, r), parent };
    return parent ?? { range: { start: position, end: position } };
  });
}
