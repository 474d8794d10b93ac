// The per-document problem cap (documents/problems.ts): the first 200 problems, then one
// too-many-problems, then nothing; below the cap, no such entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/documents/index';
import { MAX_PROBLEMS } from '../../../server/src/documents/problems';
import { x12 } from '../checks/harness';

const badDates = (n: number) => x12(...Array.from({ length: n }, (_, i) => `LX*${i + 1}~\nSV1*HC:J7507:KX*125*UN*5***1~\nDTP*472*D8*20251341~`));

const rows: [lines: number, problems: number, capped: boolean][] = [
  [1, 1, false],
  [MAX_PROBLEMS, MAX_PROBLEMS, false],
  [MAX_PROBLEMS + 1, MAX_PROBLEMS + 1, true],
  [MAX_PROBLEMS * 3, MAX_PROBLEMS + 1, true],
];

for (const [lines, problems, capped] of rows) {
  test(`${lines} bad dates: ${problems} problems${capped ? ', the last one too-many-problems' : ''}`, () => {
    const doc = parseDocument(badDates(lines), { languageId: 'x12' });
    assert.equal(doc.problems.length, problems);
    assert.equal(doc.problems.filter((p) => p.id === 'too-many-problems').length, capped ? 1 : 0);
    if (capped) assert.equal(doc.problems.at(-1)?.id, 'too-many-problems');
  });
}
