// Hands line starts scanned in slices (service.publication) to the editor library's TextDocument.
// The library computes them in one go on the first position request: 0.2–1.5 s on a 50 MB file on
// this machine, during which nothing else is answered. It keeps them in a private field
// (vscode-languageserver-textdocument 1.0.x: `_lineOffsets`, `_content`, updated in place by
// later edits); test/unit/service/line-starts.test.ts fails if that changes.

interface LibraryDocument {
  version: number;
  _content?: unknown;
  _lineOffsets?: number[];
}

/**
 * Gives `doc` the line starts of `text` if it still holds that text at `version` and has none yet;
 * true when adopted. The array is the document's from then on (an edit updates it in place).
 */
export function adoptLineStarts(doc: object, version: number, text: string, starts: number[]): boolean {
  const inner = doc as LibraryDocument;
  if (inner.version !== version || !('_lineOffsets' in inner) || inner._lineOffsets !== undefined || inner._content !== text) return false;
  inner._lineOffsets = starts;
  return true;
}
