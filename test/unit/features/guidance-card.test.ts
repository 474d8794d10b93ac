// Cards a person can read: the guidance is a short summary with a link, the full text comes from
// its own request; related codes are the few that matter with a link for the rest; a drug card
// stays short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullGuidance, guidanceSummary, SUMMARY_CHARS } from '../../../server/src/features/guidance-card';
import { codeCard } from '../../../server/src/features/code-card';
import { coreSet, fullSet, shippedGuidance, TODAY } from './support';
import type { CodeSet } from '../../../server/src/codeset/types';

const SECTIONS = ['**Clinical context**', '**Common modifiers**', '**Documentation requirements**', '**Common denial reasons**', '**Commercial payer considerations**', '**Similar codes**'];

const rows: { name: string; full?: boolean; check: (codeset: CodeSet) => void }[] = [
  {
    name: 'full guidance: every section in order, then the other files named',
    check: (codeset) => {
      const text = fullGuidance({ guidance: shippedGuidance(), codeset }, 'J7507') ?? '';
      let at = 0;
      for (const part of ['Guidance: Tacrolimus, immediate release, oral (J7507)', ...SECTIONS, 'See also: Oral and parenteral immunosuppressive drugs']) {
        const found = text.indexOf(part, at);
        assert.ok(found >= 0, `missing or out of order: ${part}`);
        at = found;
      }
    },
  },
  { name: 'full guidance: lower-case code accepted', check: (codeset) => assert.ok(fullGuidance({ guidance: shippedGuidance(), codeset }, 'j7507')) },
  { name: 'no guidance for a code without any: undefined', check: (codeset) => assert.equal(fullGuidance({ guidance: shippedGuidance(), codeset }, 'Z9999'), undefined) },
  {
    name: 'summary: title, at most about three lines, the link; no section headings',
    check: (codeset) => {
      for (const code of ['J7507', 'J2357', 'J7599', 'J7402']) {
        const text = guidanceSummary({ guidance: shippedGuidance(), codeset }, code) ?? '';
        const [, title, summary, link] = text.split('\n\n');
        assert.match(title ?? '', /^\*\*Guidance: /, code);
        assert.ok((summary ?? '').length <= SUMMARY_CHARS + 2, `${code}: summary of ${summary?.length} characters`);
        assert.match(link ?? '', /^\[Full guidance\]\(command:hcpcs\.showGuidance\?/);
        for (const s of SECTIONS) assert.ok(!text.includes(s), `${code}: ${s} in the summary`);
      }
    },
  },
  {
    name: 'drug cards are short: at most 30 lines (they were 60-75)',
    full: true,
    check: (codeset) => {
      for (const code of ['J7507', 'J2357', 'J9035', 'J7500', 'J1745']) {
        const card = codeCard({ codeset, guidance: shippedGuidance(), today: TODAY }, code, { date: '2025-11-05' });
        const lines = card.split('\n').length;
        assert.ok(lines <= 30, `${code}: ${lines} lines\n${card}`);
      }
    },
  },
  {
    name: 'related codes: at most three, same drug or successor, and a link to the rest',
    full: true,
    check: (codeset) => {
      const card = codeCard({ codeset, guidance: shippedGuidance(), today: TODAY }, 'J7507', { date: '2025-11-05' });
      const part = card.slice(card.indexOf('**Related codes**'), card.indexOf('---', card.indexOf('**Related codes**')));
      const rows = part.split('\n').filter((l) => l.startsWith('- **'));
      assert.ok(rows.length >= 1 && rows.length <= 3, part);
      assert.ok(rows.every((r) => /\((same drug|successor|replaced by this code)\)$/.test(r)), part);
      if (codeset.related('J7507', 50).length > rows.length) assert.match(part, /more: \[all codes for this drug\]\(command:hcpcs\.showDrugCodes\?/);
    },
  },
  {
    name: 'no Markdown escapes in plain places of a drug card with a missing NDC',
    check: (codeset) => {
      const card = codeCard({ codeset, guidance: shippedGuidance(), today: TODAY }, 'J7507', { date: '2025-11-05' });
      assert.doesNotMatch(card, /\\[*<>#|{}]/, card);
    },
  },
];

for (const row of rows) {
  test(`cards: ${row.name}`, () => {
    const codeset = row.full ? fullSet() : coreSet();
    row.check(codeset);
  });
}
