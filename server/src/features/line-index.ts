// Offsets -> LSP positions for a whole document, built a slice at a time. TextDocument.positionAt
// computes the line starts of the whole text on first use, in one go: 50 ms and more on a 50 MB
// file, during which no request is answered. This index scans the same line breaks (CR, LF, CRLF)
// in steps of a given number of characters and then answers positionAt exactly as TextDocument does.
import type { Position } from 'vscode-languageserver-types';

const CR = 13;
const LF = 10;

export class LineIndex {
  /** offset of each line's first character; line 0 starts at 0 */
  private starts: number[] = [0];
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** offset of each line's first character, once the whole text is scanned (TextDocument's own line offsets) */
  get lineStarts(): number[] | undefined {
    return this.complete ? this.starts : undefined;
  }

  get complete(): boolean {
    return this.scanned >= this.text.length;
  }

  /** scans up to `chars` more characters; true once the whole text is indexed */
  scan(chars: number): boolean {
    const { text, starts } = this;
    const end = Math.min(text.length, this.scanned + chars);
    let i = this.scanned;
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== CR && ch !== LF) continue;
      // CRLF is one break even when a slice ends between the two
      if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    }
    this.scanned = i;
    return this.complete;
  }

  /** the same answer as TextDocument.positionAt (the whole text must be scanned first) */
  positionAt(offset: number): Position {
    if (!this.complete) this.scan(Infinity);
    const { text, starts } = this;
    offset = Math.max(Math.min(offset, text.length), 0);
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const lineStart = starts[line]!;
    // an offset inside a line break belongs before it
    while (offset > lineStart && isBreak(text.charCodeAt(offset - 1))) offset--;
    return { line, character: offset - lineStart };
  }
}

const isBreak = (ch: number) => ch === CR || ch === LF;
