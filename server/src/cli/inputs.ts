// Standard input for hcpcs-check: one whole document (--stdin), or an NDJSON stream cut into lines
// as it arrives (--input ndjson), never read whole.
import type { Readable } from 'node:stream';
import { LineSplitter, type SplitLine } from '../checks/report/ndjson-input';
import type { Task } from './task';

/** an NDJSON line (one document, JSON-escaped) longer than this is answered with an error record */
export const MAX_NDJSON_LINE_BYTES = 128 * 1024 * 1024;
/** --stdin: the one document is at most this big */
export const MAX_STDIN_BYTES = 512 * 1024 * 1024;

export const STDIN_ID = '<stdin>';

export async function readWhole(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) throw new Error(`standard input is larger than the ${maxBytes}-byte limit for one document`);
    chunks.push(b);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function toTask(l: SplitLine): Task {
  if ('tooLong' in l) return { kind: 'failed', id: '', error: `line of ${l.bytes} bytes is longer than the ${MAX_NDJSON_LINE_BYTES}-byte limit; skipped`, inputLine: l.number };
  return { kind: 'line', line: l.line, inputLine: l.number };
}

/** one task per non-blank NDJSON line, as the bytes arrive */
export async function* ndjsonTasks(stream: Readable, maxLineBytes = MAX_NDJSON_LINE_BYTES): AsyncGenerator<Task> {
  const splitter = new LineSplitter(maxLineBytes);
  const lines: SplitLine[] = [];
  for await (const chunk of stream) {
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer), lines);
    for (const l of lines) yield toTask(l);
    lines.length = 0;
  }
  splitter.end(lines);
  for (const l of lines) yield toTask(l);
}
