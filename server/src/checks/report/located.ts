// Findings with 1-based line/column positions, for the CLI's text, JSON and SARIF output.
import { escapeControls } from '../../base/safe-text';
import type { Finding, Severity } from '../types';
import type { Range } from '../../model';

export interface Position1 {
  /** 1-based line */
  line: number;
  /** 1-based column in UTF-16 code units */
  character: number;
}

export interface Range1 {
  start: Position1;
  end: Position1;
}

export interface LocatedFinding {
  /** the path as the user gave it (or as found under a folder they gave) */
  file: string;
  range: Range1;
  ruleId: string;
  severity: Severity;
  message: string;
  related: { range: Range1; message: string }[];
  fixes: { title: string; preferred?: boolean; edits: { range: Range1; newText: string }[] }[];
}

/** Offsets -> 1-based positions by binary search over line starts (built once per file). */
export function lineLocator(text: string): (offset: number) => Position1 {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, character: at - starts[lo]! + 1 };
  };
}

export function locate(file: string, text: string, findings: Finding[]): LocatedFinding[] {
  if (!findings.length) return [];
  const at = lineLocator(text);
  const range = (r: Range): Range1 => ({ start: at(r.start), end: at(r.end) });
  return findings.map((f) => ({
    file,
    range: range(f.range),
    ruleId: f.ruleId,
    severity: f.severity,
    message: escapeControls(f.message),
    related: f.related.map((r) => ({ range: range(r.range), message: escapeControls(r.message) })),
    fixes: f.fixes.map((x) => ({
      title: x.title,
      ...(x.preferred ? { preferred: true } : {}),
      edits: x.edits.map((e) => ({ range: range(e.range), newText: e.newText })),
    })),
  }));
}

export interface Summary {
  files: number;
  filesWithFindings: number;
  counts: Record<Severity, number>;
}

export function summarize(findings: LocatedFinding[], files: number): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return { files, filesWithFindings: new Set(findings.map((f) => f.file)).size, counts };
}
