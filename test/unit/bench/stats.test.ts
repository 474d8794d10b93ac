// The benchmark's arithmetic: nearest-rank percentiles, target status, the floor's counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, summarize } from '../../../bench/lib/stats';
import { statusOf, type ResultRow } from '../../../bench/lib/report';
import { indexOfFloor, scanFloor, separatorFor } from '../../../bench/lib/floor';

const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5].sort((a, b) => a - b);

test('percentile: nearest rank over sorted samples', () => {
  const rows: [number[], number, number][] = [
    [ten, 50, 5],
    [ten, 95, 10],
    [ten, 90, 9],
    [ten, 0, 1],
    [ten, 100, 10],
    [[7], 99, 7],
    [Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
  ];
  for (const [samples, p, expected] of rows) assert.equal(percentile(samples, p), expected, `p${p} of ${samples.length}`);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('summarize: min, median, p95, p99, max, mean of unsorted samples', () => {
  assert.deepEqual(summarize([3, 1, 2]), { n: 3, min: 1, median: 2, p95: 3, p99: 3, max: 3, mean: 2 });
});

test('statusOf: the named statistic against the target', () => {
  const stats = summarize(ten);
  const rows: [Partial<ResultRow>, 'PASS' | 'MISS' | undefined][] = [
    [{ stats, target: { stat: 'median', op: '<', limit: 6 } }, 'PASS'],
    [{ stats, target: { stat: 'median', op: '<', limit: 5 } }, 'MISS'],
    [{ stats, target: { stat: 'p95', op: '<', limit: 10 } }, 'MISS'],
    [{ stats, target: { stat: 'p99', op: '<', limit: 11 } }, 'PASS'],
    [{ value: 5, target: { stat: 'value', op: '<=', limit: 5 } }, 'PASS'],
    [{ value: 5.01, target: { stat: 'value', op: '<=', limit: 5 } }, 'MISS'],
    [{ value: 5 }, undefined],
    [{ value: Number.NaN, target: { stat: 'value', op: '<', limit: 5 } }, undefined],
  ];
  for (const [row, expected] of rows) {
    assert.equal(statusOf({ section: 's', name: 'n', unit: 'ms', ...row }), expected, JSON.stringify(row.target ?? row.value));
  }
});

test('floor: both passes count the terminators', () => {
  const rows: [string, string, number][] = [
    ['ISA*00~GS*HC~ST*837~', '~', 3],
    ['a\nb\nc', '\n', 2],
    ['', '~', 0],
    ['no terminator', '~', 0],
  ];
  for (const [text, terminator, expected] of rows) {
    assert.equal(scanFloor(text, terminator), expected, JSON.stringify(text));
    assert.equal(indexOfFloor(text, terminator), expected, JSON.stringify(text));
  }
});

test('floor: the scan finds terminators and separators (segments and elements)', () => {
  const rows: [string, string, string | undefined, number][] = [
    ['ISA*00~GS*HC~ST*837~', '~', '*', 6],
    ['SV1*HC:J7507:KX*100*UN*120~', '~', '*', 5],
    ['a,b\nc,d\ne', '\n', ',', 4],
    ['a\nb\nc', '\n', undefined, 2],
    ['', '~', '*', 0],
    ['no separators', '~', '*', 0],
    // more offsets than the first buffer holds: the array grows
    ['*'.repeat(5000), '~', '*', 5000],
  ];
  for (const [text, terminator, separator, expected] of rows) assert.equal(scanFloor(text, terminator, separator), expected, JSON.stringify(text.slice(0, 40)));
});

test('floor: which separator a file kind is scanned for', () => {
  const rows: [string, string, string | undefined][] = [
    ['~', 'x12', '*'],
    ['\n', 'csv', ','],
    ['\n', 'json', undefined],
    ['\n', 'markdown', undefined],
  ];
  for (const [terminator, languageId, expected] of rows) assert.equal(separatorFor(terminator, languageId), expected, languageId);
});
