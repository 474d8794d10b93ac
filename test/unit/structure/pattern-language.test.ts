// One pattern language: a payer pattern in settings ("J750?", "J7500-J7599", "J75*", "E0431") means the
// same codes to the required-modifier check and to completion's "fits this code" ranking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../server/src/features/completion';
import { runChecks } from '../../../server/src/checks/index';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import { build, CARET } from '../features/support';
import { x12p } from '../features/samples';

const withRequired = (pattern: string): Settings => ({ ...defaultSettings, requiredModifiers: [{ pattern, modifiers: ['GY'] }] });
const line = (sv1: string) => x12p(`LX*1~\n${sv1}\nDTP*472*D8*20251105~`);

/** does completion rank GY as fitting (before GA) at the modifier slot, and does required-modifier fire? */
function agree(pattern: string, code: string): { completionFits: boolean; checkFires: boolean } {
  const settings = withRequired(pattern);
  const { ctx, carets } = build(line(`SV1*HC:${code}:${CARET}*125*UN*5***1~`), { languageId: 'x12', settings });
  const items = complete(ctx, carets[0] as number).items;
  const order = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
  // fitting modifiers rank before the rest: GY fits only through the pattern, GA (alphabetically first) never
  assert.ok(order.includes('GY') && order.includes('GA'), `GY and GA offered: ${order.slice(0, 10).join(', ')}`);
  const plain = build(line(`SV1*HC:${code}*125*UN*5***1~`), { languageId: 'x12', settings });
  const findings = runChecks({ document: plain.ctx.model, text: plain.text, codeset: plain.ctx.codeset, settings, today: plain.ctx.today });
  return { completionFits: order.indexOf('GY') < order.indexOf('GA'), checkFires: findings.some((f) => f.ruleId === 'required-modifier') };
}

const rows: [pattern: string, code: string, matches: boolean][] = [
  ['J750?', 'J7507', true],
  ['J750?', 'J7517', false],
  ['J7500-J7599', 'J7507', true],
  ['J7500-J7599', 'J7610', false],
  ['J75*', 'J7507', true],
  ['J75*', 'J7610', false],
  ['j7507', 'J7507', true],
  ['J7507', 'J7508', false],
  [' J7500 - J7599 ', 'J7507', true],
];

for (const [pattern, code, matches] of rows) {
  test(`pattern ${JSON.stringify(pattern)} ${matches ? 'matches' : 'does not match'} ${code} in completion and in checks`, () => {
    const got = agree(pattern, code);
    assert.deepEqual(got, { completionFits: matches, checkFires: matches });
  });
}
