// One checked document as the CLI, the worker pool and library callers report it: every finding with
// its range counted from 1 (text, JSON, SARIF) and from 0 (LSP, NDJSON), and the claim and service
// line it sits in. Pure: text, model and findings in, plain data out (it crosses worker threads).
import type { Claim, ClaimDocument } from '../../model';
import type { Finding } from '../types';
import { locate, type LocatedFinding, type Range1 } from './located';

export interface Position0 {
  /** 0-based line */
  line: number;
  /** 0-based column in UTF-16 code units */
  character: number;
}

export interface Range0 {
  start: Position0;
  end: Position0;
}

export interface ReportedFinding extends LocatedFinding {
  /** the same range counted from 0 (as LSP counts) */
  range0: Range0;
  /** the claim's id as written (CLM01, the claim id column, the FHIR id), when the finding is in a claim that has one */
  claimId?: string;
  /** the service line's sequence number as written (LX01, a line number column), when it has one */
  lineSequence?: number;
  /** the service line's position in its claim, from 1 */
  lineIndex?: number;
}

/** a document's findings, or why it could not be checked */
export interface DocumentResult {
  /** the file path, the NDJSON id, or <stdin> */
  id: string;
  findings: ReportedFinding[];
  /** set when the document could not be read or checked (unreadable file, malformed NDJSON line) */
  error?: string;
}

const from0 = (r: Range1): Range0 => ({
  start: { line: r.start.line - 1, character: r.start.character - 1 },
  end: { line: r.end.line - 1, character: r.end.character - 1 },
});

/** the last item whose range starts at or before offset and ends at or after it (items in document order) */
function containing<T extends { range: { start: number; end: number } }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.range.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= items[found]!.range.end ? found : -1;
}

function whereIn(claims: readonly Claim[], offset: number): Pick<ReportedFinding, 'claimId' | 'lineSequence' | 'lineIndex'> {
  const c = containing(claims, offset);
  if (c < 0) return {};
  const claim = claims[c]!;
  const out: Pick<ReportedFinding, 'claimId' | 'lineSequence' | 'lineIndex'> = {};
  if (claim.id?.value) out.claimId = claim.id.value;
  const l = containing(claim.lines, offset);
  if (l >= 0) {
    out.lineIndex = l + 1;
    const seq = claim.lines[l]!.sequence?.value;
    if (seq !== undefined) out.lineSequence = seq;
  }
  return out;
}

export function reportFindings(id: string, text: string, model: ClaimDocument, findings: readonly Finding[]): ReportedFinding[] {
  const located = locate(id, text, findings as Finding[]);
  return located.map((f, i) => ({ ...f, range0: from0(f.range), ...whereIn(model.claims, findings[i]!.range.start) }));
}

/** the documented --format json shape: a LocatedFinding, without the extra NDJSON fields */
export function asLocated(f: ReportedFinding): LocatedFinding {
  return { file: f.file, range: f.range, ruleId: f.ruleId, severity: f.severity, message: f.message, related: f.related, fixes: f.fixes };
}
