// Counts findings as documents stream past (nothing is kept per finding), and the exit status they mean.
import type { Severity } from '../types';
import type { FailOn } from './args';
import type { Summary } from './located';
import type { DocumentResult } from './records';

/** a document's findings counted by severity, or the reason it could not be checked */
export interface CountedDocument {
  error?: string;
  findings: number;
  counts: Record<Severity, number>;
}

export class Tally {
  files = 0;
  filesWithFindings = 0;
  /** documents that could not be read or checked */
  failed = 0;
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  add(result: DocumentResult): void {
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    if (result.error === undefined) for (const f of result.findings) counts[f.severity]++;
    this.addCounted({ error: result.error, findings: result.findings.length, counts });
  }

  /** a document whose findings were counted where it was checked (a worker thread) */
  addCounted(result: CountedDocument): void {
    if (result.error !== undefined) {
      this.failed++;
      return;
    }
    this.files++;
    if (result.findings) this.filesWithFindings++;
    for (const s of Object.keys(this.counts) as Severity[]) this.counts[s] += result.counts[s];
  }

  summary(): Summary {
    return { files: this.files, filesWithFindings: this.filesWithFindings, counts: { ...this.counts } };
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export interface Thresholds {
  failOn: FailOn;
  maxWarnings?: number;
}

/**
 * 2 when an input could not be read or checked, 1 when a finding is at or above --fail-on or the
 * warnings exceed --max-warnings, else 0. --fail-on none (a stream that must go on, as under Spark's
 * pipe, where any other status fails the task) leaves only --max-warnings.
 */
export function exitStatus(counts: Record<Severity, number>, failed: number, t: Thresholds): 0 | 1 | 2 {
  if (t.failOn !== 'none') {
    if (failed > 0) return 2;
    const floor = RANK[t.failOn];
    if ((Object.keys(counts) as Severity[]).some((s) => RANK[s] >= floor && counts[s] > 0)) return 1;
  }
  if (t.maxWarnings !== undefined && counts.warning > t.maxWarnings) return 1;
  return 0;
}
