// A CSV row wider than the column budget is cut at the budget with a 'csv-too-many-columns' problem;
// a row at the budget is read whole. (The full-size case is in test/robustness.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from '../../../server/src/documents/csv';
import { TABLE } from '../../../server/src/base/limits';

const header = 'hcpcs,units,modifier_1';
const row = (cells: number) => ['J7507', '5', ...Array.from({ length: cells - 2 }, () => '')].join(',');

test('csv-too-many-columns: a row past the budget is reported; one at the budget is not', () => {
  const rows: [string, number, boolean][] = [
    ['at the budget', TABLE.columnsPerRow, false],
    ['one past the budget', TABLE.columnsPerRow + 1, true],
    ['far past the budget', TABLE.columnsPerRow * 4, true],
  ];
  for (const [name, cells, fires] of rows) {
    const doc = readCsv(`${header}\n${row(cells)}\n`);
    assert.equal(doc.problems.some((p) => p.id === 'csv-too-many-columns'), fires, name);
    assert.equal(doc.claims.flatMap((c) => c.lines).length, 1, `${name}: the line is still read`);
  }
});
