// Where results go, per --format: text and ndjson are written as each document is done; json and
// sarif are one value, written at the end. The summary goes to stdout for text, stderr otherwise.
// Each document arrives rendered (rendered.ts): this side only writes its text, in input order.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { OutputFormat } from '../checks/report/args';
import type { LocatedFinding } from '../checks/report/located';
import { formatSummary } from '../checks/report/text';
import type { Tally } from '../checks/report/tally';
import { jsonArray, type RenderedResult } from './rendered';

export interface Sink {
  document(result: RenderedResult): Promise<void> | void;
  end(tally: Tally, noun: string): Promise<void> | void;
}

/** waits for 'drain' when the stream's buffer is full: a slow reader slows the run, memory stays bounded */
async function write(out: Writable, text: string): Promise<void> {
  if (!text) return;
  if (!out.write(text)) await once(out, 'drain');
}

export interface SinkOptions {
  format: OutputFormat;
  out: Writable;
  /** stderr lines (prefixed by the caller) */
  note: (line: string) => void;
  /** --format sarif: the whole log from the collected findings */
  sarif: (findings: LocatedFinding[]) => object;
}

export function makeSink(o: SinkOptions): Sink {
  const failed = (r: RenderedResult) => o.note(`${r.id || (r.inputLine ? `input line ${r.inputLine}` : 'input')}: ${r.error}`);
  switch (o.format) {
    case 'ndjson':
      return {
        document: (r) => {
          if (r.error !== undefined) failed(r);
          return write(o.out, r.out);
        },
        end: (tally, noun) => o.note(formatSummary(tally.summary(), noun)),
      };
    case 'text':
      return {
        document: (r) => {
          if (r.error !== undefined) return failed(r);
          return write(o.out, r.out);
        },
        end: (tally, noun) => write(o.out, `${formatSummary(tally.summary(), noun)}\n`),
      };
    case 'json': {
      // one JSON value: every finding's text is kept until the end (use ndjson for streams)
      const parts: string[] = [];
      return {
        document: (r) => {
          if (r.error !== undefined) return failed(r);
          if (r.out) parts.push(r.out);
        },
        end: async (tally, noun) => {
          await write(o.out, `${jsonArray(parts)}\n`);
          o.note(formatSummary(tally.summary(), noun));
        },
      };
    }
    case 'sarif': {
      const all: LocatedFinding[] = [];
      return {
        document: (r) => {
          if (r.error !== undefined) return failed(r);
          for (const f of r.located ?? []) all.push(f);
        },
        end: async (tally, noun) => {
          await write(o.out, `${JSON.stringify(o.sarif(all), null, 2)}\n`);
          o.note(formatSummary(tally.summary(), noun));
        },
      };
    }
  }
}
