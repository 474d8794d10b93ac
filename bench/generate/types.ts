// What every generator returns: the text plus the facts a test or the runner needs about it.
import type { ProblemKind } from './lines';

export interface GeneratorOptions {
  seed: number;
  /** stop adding claims once the text is at least this long (characters = bytes: output is ASCII) */
  targetBytes: number;
  /** share of lines carrying one deliberate problem (default 0.06) */
  problemRate?: number;
}

export interface Generated {
  text: string;
  claims: number;
  lines: number;
  /** UTF-16 offset of the first character of every service-line procedure code, in order */
  codeOffsets: number[];
  problems: Record<ProblemKind, number>;
}

export interface Generated837 extends Generated {
  interchanges: number;
  transactions: number;
  segments: number;
}

export const DEFAULT_PROBLEM_RATE = 0.06;

export function emptyProblemCounts(): Record<ProblemKind, number> {
  return {
    'missing-jw-jz': 0,
    'missing-kx': 0,
    'code-not-effective': 0,
    'modifier-not-effective': 0,
    'fractional-units': 0,
    'invalid-ndc': 0,
    'noc-needs-description': 0,
  };
}
