// Where results go, per --format: text and ndjson are written as each document is done; json and
// sarif are one value, written at the end. The summary goes to stdout for text, stderr otherwise.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { OutputFormat } from '../checks/report/args';
import { asLocated } from '../checks/report/records';
import type { LocatedFinding } from '../checks/report/located';
import { documentLines } from '../checks/report/ndjson';
import { formatFindingLine, formatSummary } from '../checks/report/text';
import type { Tally } from '../checks/report/tally';
import type { TaskResult } from './task';

export interface Sink {
  document(result: TaskResult): Promise<void> | void;
  end(tally: Tally, noun: string): Promise<void> | void;
}

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
  const failed = (r: TaskResult) => o.note(`${r.id || (r.inputLine ? `input line ${r.inputLine}` : 'input')}: ${r.error}`);
  switch (o.format) {
    case 'ndjson':
      return {
        document: (r) => {
          if (r.error !== undefined) failed(r);
          return write(o.out, documentLines(r, r.inputLine));
        },
        end: (tally, noun) => o.note(formatSummary(tally.summary(), noun)),
      };
    case 'text':
      return {
        document: (r) => {
          if (r.error !== undefined) return failed(r);
          let text = '';
          for (const f of r.findings) text += `${formatFindingLine(f)}\n`;
          return write(o.out, text);
        },
        end: (tally, noun) => write(o.out, `${formatSummary(tally.summary(), noun)}\n`),
      };
    case 'json':
    case 'sarif': {
      // one JSON value: every finding is kept until the end (use ndjson for streams)
      const all: LocatedFinding[] = [];
      return {
        document: (r) => {
          if (r.error !== undefined) return failed(r);
          for (const f of r.findings) all.push(asLocated(f));
        },
        end: async (tally, noun) => {
          await write(o.out, `${JSON.stringify(o.format === 'json' ? all : o.sarif(all), null, 2)}\n`);
          o.note(formatSummary(tally.summary(), noun));
        },
      };
    }
  }
}
