// --input ndjson: one {"id", "languageId"?, "text"} per line. Lines are cut from byte chunks as they
// arrive, so memory holds one line at a time (the largest single document), never the stream.
import { LANGUAGES } from './args';

export interface InputDocument {
  id: string;
  /** one of LANGUAGES (args.ts); '' = detect from the content */
  languageId: string;
  text: string;
}

export type ParsedInputLine = { ok: true; doc: InputDocument } | { ok: false; id: string; message: string };

const describe = (v: unknown) => (v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** JSON.parse's message quotes the input: only the position is kept (the line may be a claim) */
function jsonProblem(e: unknown): string {
  const at = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (at) return `not valid JSON (at character ${Number(at[1]) + 1})`;
  return /end of JSON input/.test(e instanceof Error ? e.message : '') ? 'not valid JSON (it ends too early)' : 'not valid JSON';
}

/** One NDJSON input line -> a document, or a message naming what is wrong (never the text itself). */
export function parseInputLine(line: string): ParsedInputLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: '', message: jsonProblem(e) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, id: '', message: `each line must be a JSON object, not ${describe(value)}` };
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : typeof o.id === 'number' && Number.isFinite(o.id) ? String(o.id) : undefined;
  if (id === undefined || id === '') return { ok: false, id: '', message: '"id" must be a non-empty string or a number' };
  if (typeof o.text !== 'string') return { ok: false, id, message: o.text === undefined ? '"text" is missing' : `"text" must be a string, not ${describe(o.text)}` };
  let languageId = '';
  if (o.languageId !== undefined && o.languageId !== null) {
    if (typeof o.languageId !== 'string' || !LANGUAGES.includes(o.languageId)) {
      return { ok: false, id, message: `"languageId" must be one of ${LANGUAGES.join(', ')}` };
    }
    languageId = o.languageId;
  }
  return { ok: true, doc: { id, languageId, text: o.text } };
}

export type SplitLine = { line: string; number: number } | { tooLong: true; number: number; bytes: number };

/**
 * Splits a byte stream into UTF-8 lines (LF or CRLF). A line longer than maxBytes is not kept: its
 * bytes are counted and dropped, and it comes out as { tooLong } so the stream can go on.
 */
export class LineSplitter {
  private pieces: Buffer[] = [];
  private size = 0;
  private dropping = false;
  private number = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer, out: SplitLine[]): void {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      if (nl < 0) {
        this.keep(chunk.subarray(from));
        return;
      }
      this.keep(chunk.subarray(from, nl));
      this.emit(out);
      from = nl + 1;
    }
  }

  /** the last line when the stream does not end with a newline */
  end(out: SplitLine[]): void {
    if (this.size > 0 || this.dropping) this.emit(out);
  }

  private keep(bytes: Buffer): void {
    if (!bytes.length) return;
    this.size += bytes.length;
    if (this.dropping) return;
    if (this.size > this.maxBytes) {
      this.dropping = true;
      this.pieces = [];
      return;
    }
    this.pieces.push(Buffer.from(bytes)); // a copy: the chunk is not held for one small piece
  }

  private emit(out: SplitLine[]): void {
    this.number++;
    if (this.dropping) out.push({ tooLong: true, number: this.number, bytes: this.size });
    else {
      let line = Buffer.concat(this.pieces, this.size).toString('utf8');
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line.trim() !== '') out.push({ line, number: this.number });
    }
    this.pieces = [];
    this.size = 0;
    this.dropping = false;
  }
}
