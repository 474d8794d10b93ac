// Line starts scanned in slices and handed to the library's TextDocument answer every position
// exactly as the document's own would, before and after incremental edits; they are handed over
// only to the version they were scanned on. Fails if the library's private fields change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/features/line-index';
import { adoptLineStarts } from '../../../server/src/node/line-starts';

const scanned = (text: string) => {
  const index = new LineIndex(text);
  while (!index.scan(5));
  return index.lineStarts!;
};

function samePositions(a: TextDocument, b: TextDocument, label: string): void {
  const text = b.getText();
  assert.equal(a.getText(), text, label);
  assert.equal(a.lineCount, b.lineCount, `${label}: line count`);
  for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(a.positionAt(offset), b.positionAt(offset), `${label}: positionAt(${offset})`);
  for (let line = 0; line <= b.lineCount; line++)
    for (let character = 0; character < 12; character++) assert.equal(a.offsetAt({ line, character }), b.offsetAt({ line, character }), `${label}: offsetAt(${line}:${character})`);
}

test('adopted line starts answer as the document would, and after incremental edits', () => {
  for (const text of ['ISA*00~\nGS*HC~\r\nST*837~\rSE*1~\n', 'one line', '\n\n\r\n', 'a\r\nb\r\nc']) {
    const doc = TextDocument.create('file:///a', 'x12', 1, text);
    assert.equal(adoptLineStarts(doc, 1, text, scanned(text)), true, `${JSON.stringify(text)}: adopted`);
    samePositions(doc, TextDocument.create('file:///a', 'x12', 1, text), JSON.stringify(text));
    const edits = [
      { range: { start: { line: 0, character: 2 }, end: { line: 1, character: 1 } }, text: 'X\nY\r\nZ' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ];
    let fresh = TextDocument.create('file:///a', 'x12', 1, text);
    for (const [i, edit] of edits.entries()) {
      TextDocument.update(doc, [edit], i + 2);
      fresh = TextDocument.create('file:///a', 'x12', i + 2, TextDocument.applyEdits(fresh, [{ range: edit.range, newText: edit.text }]));
      samePositions(doc, fresh, `${JSON.stringify(text)} after edit ${i + 1}`);
    }
  }
});

test('line starts are handed only to the version they were scanned on, and only once', () => {
  const text = 'a\nb\nc';
  const doc = TextDocument.create('file:///a', 'x12', 1, text);
  assert.equal(adoptLineStarts(doc, 2, text, scanned(text)), false, 'another version');
  TextDocument.update(doc, [{ text: 'a\nb\nd' }], 2);
  assert.equal(adoptLineStarts(doc, 2, text, scanned(text)), false, 'another text');
  const other = TextDocument.create('file:///b', 'x12', 1, text);
  other.positionAt(1);
  assert.equal(adoptLineStarts(other, 1, text, [0]), false, 'the document has its own already');
  assert.deepEqual(other.positionAt(3), { line: 1, character: 1 });
});
