// JW/JZ guidance on a card: only on the codes the JW/JZ rule applies to (ASP-priced injectables,
// not NOC, not oral or inhaled) and only on dates from 2023-07-01, when JZ reporting began.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeCard } from '../../../server/src/features/code-card';
import { coreSet, fullSet, shippedGuidance } from './support';

const JW_JZ = 'Guidance: JW and JZ';

test('JW/JZ guidance by code and date', () => {
  const rows: { code: string; date: string; shown: boolean; full?: boolean }[] = [
    { code: 'J1745', date: '2023-07-01', shown: true },
    { code: 'J1745', date: '2025-11-05', shown: true },
    { code: 'J1745', date: '2023-06-30', shown: false },
    { code: 'J1745', date: '2019-01-10', shown: false },
    { code: 'J7507', date: '2025-11-05', shown: false }, // oral: never
    { code: 'J3490', date: '2025-11-05', shown: false }, // NOC: the rule does not apply
    { code: 'J7620', date: '2025-11-05', shown: false, full: true }, // inhalation through DME
    { code: 'J0897', date: '2025-11-05', shown: true, full: true },
  ];
  for (const row of rows) {
    const codeset = row.full ? fullSet() : coreSet();
    if (!codeset) continue;
    const card = codeCard({ codeset, guidance: shippedGuidance(), today: '2025-11-20' }, row.code, { date: row.date });
    assert.equal(card.includes(JW_JZ), row.shown, `${row.code} on ${row.date}`);
  }
});
