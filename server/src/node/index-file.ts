// A compiled index file (dist/codeset.json, what `hcpcs-check compile` writes, the editor's cache):
// one laid out in parts (codeset/index-text.ts) is loaded from its header line, and each table is
// read at its place (a positioned read) and parsed when a question first needs it; any other (a
// whole-JSON index, an older version) is read whole and loaded as loadIndex loads text. The file
// stays open while the code set may still ask for a table or a row: the descriptor pins the file as
// it was opened (a newer file renamed over it is another file), and is closed when the code set is
// gone (or when loading fails).
import { closeSync, readSync } from 'node:fs';
import { loadIndex } from '../codeset/index';
import { indexFromParts, indexHeader, MAX_HEADER_BYTES } from '../codeset/index-text';
import type { DatedCodeSet } from '../codeset/dated';
import { LoadError } from '../codeset/compiled';
import { readRest, textOf } from './guarded-read';

/** closes the descriptor of a code set that can no longer ask for a part */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

export interface IndexFileOptions {
  /** names the file in errors */
  name: string;
  /** the most bytes read from it (a file read whole is bounded by this) */
  limit: number;
  /** hears once about each table that cannot be read when first needed (the file was changed in place, or a disk error) */
  onLateError?: (error: string) => void;
}

/**
 * The code set of an open index file of `size` bytes. Takes over `fd`: closes it at once when the file
 * is read whole or cannot be loaded, else when the code set is collected. Throws LoadError (not a
 * compiled index of this version, or not whole), SyntaxError (not JSON) or an I/O error.
 */
export function indexFromFile(fd: number, size: number, options: IndexFileOptions): DatedCodeSet {
  let keep = false;
  try {
    const head = readHead(fd, size);
    const nl = head.indexOf(10);
    const header = nl < 0 ? undefined : indexHeader(textOf(head.subarray(0, nl)));
    if (!header) {
      const bytes = readRest(fd, head, options.limit, size);
      if (!bytes) throw new LoadError(`larger than ${options.limit} bytes`);
      return loadIndex(textOf(bytes));
    }
    const start = nl + 1;
    if (size !== start + header.body) {
      throw new LoadError(`the compiled index is damaged (${size - start} bytes after the header, not ${header.body}: cut short, or changed): compile it again`);
    }
    /** `length` bytes at `from` in part i, read at their place */
    const slice = (i: number, from = 0, length = header.at[i]![1]): string => {
      const position = start + header.at[i]![0] + from;
      const bytes = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, bytes, got, length - got, position + got);
        if (n <= 0) throw new Error(`${got} of ${length} bytes at ${position} could be read: the file changed since it was opened`);
        got += n;
      }
      return textOf(bytes);
    };
    const failed = (error: LoadError) => options.onLateError?.(`${options.name}: ${error.message}; answers that need it are missing.`);
    const codeset = indexFromParts(header, { whole: (i) => JSON.parse(slice(i)), slice, failed });
    // the descriptor is closed when nothing can ask for a part any more
    closer.register(slice, fd);
    keep = true;
    return codeset;
  } finally {
    if (!keep) closeSync(fd);
  }
}

/** the file's first bytes, up to its first line break (within MAX_HEADER_BYTES), read in order: the rest follows on */
function readHead(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(64 * 1024, size - total, MAX_HEADER_BYTES - total)));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n <= 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (chunk.subarray(0, n).includes(10) || total >= MAX_HEADER_BYTES || total >= size) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}
