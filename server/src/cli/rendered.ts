// A document's result as the thread that checked it writes it out: its stdout text in the run's format
// and the counts the tally needs. Worker threads send this (a few strings) instead of the findings'
// object graph, so the main thread only puts ready-made text in order; --jobs 1 renders the same way.
import type { OutputFormat } from '../checks/report/args';
import type { LocatedFinding } from '../checks/report/located';
import { documentLines } from '../checks/report/ndjson';
import { asLocated } from '../checks/report/records';
import { formatFindingLine } from '../checks/report/text';
import type { Severity } from '../checks/types';
import type { TaskResult } from './task';

export interface RenderedResult {
  id: string;
  /** the NDJSON input line it answers */
  inputLine?: number;
  /** the document could not be read or checked (then `counts` are all 0) */
  error?: string;
  findings: number;
  counts: Record<Severity, number>;
  /**
   * text, ndjson: the document's stdout lines. json: its findings as elements of the one array
   * (`jsonArray` joins them), '' for none. sarif: '' (the log is built from `located` at the end).
   */
  out: string;
  /** sarif only: the findings, for the one log */
  located?: LocatedFinding[];
}

/** an element of `JSON.stringify(array, null, 2)`: the value's own pretty form, one level in */
const jsonElement = (value: unknown) => `  ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;

function outputOf(r: TaskResult, format: OutputFormat): string {
  switch (format) {
    case 'ndjson':
      return documentLines(r, r.inputLine);
    case 'text':
      return r.error !== undefined ? '' : r.findings.map((f) => `${formatFindingLine(f)}\n`).join('');
    case 'json':
      return r.error !== undefined ? '' : r.findings.map((f) => jsonElement(asLocated(f))).join(',\n');
    case 'sarif':
      return '';
  }
}

export function renderResult(r: TaskResult, format: OutputFormat): RenderedResult {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  if (r.error === undefined) for (const f of r.findings) counts[f.severity]++;
  return {
    id: r.id,
    ...(r.inputLine !== undefined ? { inputLine: r.inputLine } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    findings: r.error === undefined ? r.findings.length : 0,
    counts,
    out: outputOf(r, format),
    ...(format === 'sarif' && r.error === undefined ? { located: r.findings.map(asLocated) } : {}),
  };
}

/** --format json: the documents' `out` parts (non-empty ones) as the one array, byte for byte `JSON.stringify(all, null, 2)` */
export function jsonArray(parts: string[]): string {
  return parts.length ? `[\n${parts.join(',\n')}\n]` : '[]';
}
