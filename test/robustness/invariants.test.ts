// The suite's own checkers must be able to fail: each invariant helper and each mutation, on
// hand-made rows that break (or keep) the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertOffsetsInside, assertPositionsInside, mutate, truncatedIsa, type Mutation } from '../support/fuzz';

test('assertOffsetsInside: rows that break the rule fail, rows that keep it pass', () => {
  const rows: { name: string; model: unknown; length: number; ok: boolean }[] = [
    { name: 'inside', model: { claims: [{ range: { start: 0, end: 5 } }] }, length: 5, ok: true },
    { name: 'empty range at the end', model: { a: { range: { start: 5, end: 5 } } }, length: 5, ok: true },
    { name: 'end past the text', model: { a: { range: { start: 0, end: 6 } } }, length: 5, ok: false },
    { name: 'start after end', model: { a: [{ range: { start: 3, end: 2 } }] }, length: 5, ok: false },
    { name: 'negative start', model: { a: { range: { start: -1, end: 2 } } }, length: 5, ok: false },
    { name: 'fractional offset', model: { a: { range: { start: 0.5, end: 2 } } }, length: 5, ok: false },
    { name: 'NaN end', model: { a: { range: { start: 0, end: NaN } } }, length: 5, ok: false },
    { name: 'slot offset outside', model: { modifierSlot: { offset: 9, prefix: ':', suffix: '' } }, length: 5, ok: false },
    { name: 'deep inside containers', model: { containers: [{ range: { start: 0, end: 9 }, claims: [] }] }, length: 5, ok: false },
  ];
  for (const row of rows) {
    if (row.ok) assert.doesNotThrow(() => assertOffsetsInside(row.model, row.length), row.name);
    else assert.throws(() => assertOffsetsInside(row.model, row.length), /outside/, row.name);
  }
});

test('assertPositionsInside: positions past a line, past the last line, or reversed ranges fail', () => {
  const doc = TextDocument.create('file:///x', 'plaintext', 1, 'abc\r\nde\n');
  const pos = (line: number, character: number) => ({ line, character });
  const rows: { name: string; result: unknown; ok: boolean }[] = [
    { name: 'inside', result: { range: { start: pos(0, 0), end: pos(1, 2) } }, ok: true },
    { name: 'empty last line', result: { position: pos(2, 0) }, ok: true },
    { name: 'past the line end', result: { position: pos(1, 3) }, ok: false },
    { name: 'past the last line', result: [{ position: pos(3, 0) }], ok: false },
    { name: 'negative', result: { position: pos(-1, 0) }, ok: false },
    { name: 'reversed', result: { range: { start: pos(1, 1), end: pos(0, 2) } }, ok: false },
  ];
  for (const row of rows) {
    if (row.ok) assert.doesNotThrow(() => assertPositionsInside(row.result, doc), row.name);
    else assert.throws(() => assertPositionsInside(row.result, doc), row.name);
  }
});

test('mutations do what they say', () => {
  const rows: [string, Mutation, string][] = [
    ['abcdef', { kind: 'delete', at: 0.3, length: 2 }, 'abef'],
    ['abcdef', { kind: 'duplicate', at: 0, length: 2 }, 'ababcdef'],
    ['abcdef', { kind: 'swap', at: 0 }, 'bacdef'],
    ['ab*cd~', { kind: 'separator', at: 0, to: '|' }, 'ab|cd~'],
    ['ab*cd~', { kind: 'separator', at: 0.6, to: '' }, 'ab*cd'],
    ['abcdef', { kind: 'truncate', at: 0.5 }, 'abc'],
    ['', { kind: 'swap', at: 1 }, ''],
  ];
  for (const [text, m, expected] of rows) assert.equal(mutate(text, m), expected, `${m.kind} on ${text}`);
  const isa = 'ISA' + '*'.repeat(103) + 'GS*';
  assert.equal(truncatedIsa(isa, 10), 'ISA*******GS*');
});
