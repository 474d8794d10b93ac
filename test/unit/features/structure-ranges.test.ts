// Folding and selection ranges (interchange > group > transaction > claim > line; selection starts
// at the X12 segment), and X12 semantic tokens that follow the file's own delimiters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SelectionRange } from 'vscode-languageserver-types';
import { foldingRanges, selectionRanges } from '../../../server/src/features/structure-ranges';
import { x12SemanticTokens, SEMANTIC_LEGEND } from '../../../server/src/features/x12-semantic-tokens';
import { build, CARET } from './support';
import { x12_837p } from '../../support/x12';

const lines = ['CLM*A1*100***11:B:1*Y*A*Y*Y', 'LX*1', `SV1*HC:J75${CARET}00*100*UN*1***1`, 'DTP*472*D8*20251101', 'LX*2', 'SV1*HC:J7507*100*UN*1***1', 'DTP*472*D8*20251101'];

function chain(s: SelectionRange, doc: TextDocument): string[] {
  const out: string[] = [];
  for (let r: SelectionRange | undefined = s; r; r = r.parent) out.push(doc.getText(r.range).split(/\r?\n/)[0]!.slice(0, 12));
  return out;
}

const rows: { name: string; text: string; languageId: string; expect: (doc: TextDocument, model: ReturnType<typeof build>['ctx']['model'], carets: number[]) => void }[] = [
  {
    name: 'folding: interchange, group, transaction, claim and each line',
    text: x12_837p(lines),
    languageId: 'x12',
    expect: (doc, model) => {
      const folds = foldingRanges(doc, model).map((f) => `${doc.getText({ start: { line: f.startLine, character: 0 }, end: { line: f.startLine, character: 3 } })}:${f.endLine - f.startLine + 1}`);
      assert.deepEqual(folds, ['ISA:20', 'GS*:18', 'ST*:16', 'CLM:7', 'LX*:3', 'LX*:3']);
    },
  },
  {
    name: 'folding: a one-line file has nothing to fold',
    text: x12_837p(lines, { newline: '' }),
    languageId: 'x12',
    expect: (doc, model) => assert.deepEqual(foldingRanges(doc, model), []),
  },
  {
    name: 'folding: CRLF file folds the same lines',
    text: x12_837p(lines, { newline: '\r\n' }),
    languageId: 'x12',
    expect: (doc, model) => assert.equal(foldingRanges(doc, model).length, 6),
  },
  {
    name: 'selection: segment, line, claim, transaction, group, interchange',
    text: x12_837p(lines),
    languageId: 'x12',
    expect: (doc, model, carets) => {
      const [s] = selectionRanges(doc, model, [doc.positionAt(carets[0]!)]);
      assert.deepEqual(chain(s!, doc), ['SV1*HC:J7500', 'LX*1~', 'CLM*A1*100**', 'ST*837*0001*', 'GS*HC*SUBMIT', 'ISA*00*     ']);
    },
  },
  {
    name: 'selection: one-line file still nests, each range strictly inside its parent',
    text: x12_837p(lines, { newline: '' }),
    languageId: 'x12',
    expect: (doc, model, carets) => {
      const [s] = selectionRanges(doc, model, [doc.positionAt(carets[0]!)]);
      assert.ok(chain(s!, doc)[0]!.startsWith('SV1*HC:J7500'));
      for (let r: SelectionRange | undefined = s; r?.parent; r = r.parent) {
        const [a, b] = [r.range, r.parent.range].map((x) => [doc.offsetAt(x.start), doc.offsetAt(x.end)]);
        assert.ok(b![0]! <= a![0]! && a![1]! <= b![1]! && (b![0] !== a![0] || b![1] !== a![1]), 'strictly inside');
      }
    },
  },
  {
    name: 'selection: CSV row inside its table',
    text: `code,units\nJ75${CARET}00,1\n`,
    languageId: 'csv',
    expect: (doc, model, carets) => {
      const [s] = selectionRanges(doc, model, [doc.positionAt(carets[0]!)]);
      assert.ok(s!.range.start.line === 1 || s!.parent, 'a range around the row');
    },
  },
];

for (const row of rows) {
  test(`structure ranges: ${row.name}`, () => {
    const { ctx, carets } = build(row.text, { languageId: row.languageId, checks: false });
    row.expect(ctx.textDocument, ctx.model, carets);
  });
}

/** decode tokens to "text:type" strings */
function tokens(doc: TextDocument, range?: Parameters<typeof x12SemanticTokens>[1]): string[] {
  const { data } = x12SemanticTokens(doc, range);
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
    out.push(`${doc.getText({ start: { line, character: char }, end: { line, character: char + data[i + 2]! } })}:${SEMANTIC_LEGEND.tokenTypes[data[i + 3]!]}`);
  }
  return out;
}

const tokenRows: { name: string; text: string; expect: (t: string[], doc: TextDocument) => void }[] = [
  {
    name: 'default delimiters: ids are keywords, * : ~ operators',
    text: x12_837p(['LX*1']),
    expect: (t) => {
      assert.deepEqual(t.slice(0, 2), ['ISA:keyword', '*:operator']);
      assert.ok(t.includes('LX:keyword'));
      assert.ok(t.includes('~:operator'));
    },
  },
  {
    name: "the file's own delimiters (| ! ?), never the defaults",
    text: x12_837p(['LX*1', 'NTE*ADD*A*B~C'.replace('~', '')], { element: '|', component: '!', segment: '?' }),
    expect: (t) => {
      assert.ok(t.includes('|:operator') && t.includes('?:operator') && t.includes('NTE:keyword'));
      assert.ok(!t.some((x) => x.startsWith('*:') || x.startsWith('~:')));
    },
  },
  {
    name: 'one line, CRLF and multiple interchanges decode to the same tokens',
    text: x12_837p(['LX*1'], { newline: '' }) + x12_837p(['LX*1'], { newline: '\r\n', element: '|' }),
    expect: (t) => {
      assert.equal(t.filter((x) => x === 'ISA:keyword').length, 2);
      assert.equal(t.filter((x) => x === 'LX:keyword').length, 2);
      assert.ok(t.includes('|:operator'));
    },
  },
  {
    name: 'a range: only the segments it covers',
    text: x12_837p(['LX*1', 'LX*2']),
    expect: (t, doc) => {
      const line = doc.getText().split('\n').findIndex((l) => l.startsWith('LX*2'));
      const part = tokens(doc, { start: { line, character: 0 }, end: { line, character: 5 } });
      assert.deepEqual(part, ['LX:keyword', '*:operator', '~:operator']);
      assert.ok(t.length > part.length);
    },
  },
  { name: 'no ISA: no tokens', text: 'LX*1~SV1*HC:J7500~', expect: (t) => assert.deepEqual(t, []) },
];

for (const row of tokenRows) {
  test(`semantic tokens: ${row.name}`, () => {
    const doc = TextDocument.create('file:///w/a.837', 'x12', 1, row.text);
    row.expect(tokens(doc), doc);
  });
}
