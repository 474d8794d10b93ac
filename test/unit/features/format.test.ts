// Small helpers behind the cards: numbers, money, amounts, NDC normalisation, CMS code tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountText, formatMoney, formatNumber, md, plural } from '../../../server/src/features/format';
import { normalizeNdc as ndc11 } from '../../../server/src/codeset/ndc';
import { coverageText, pricingText } from '../../../server/src/features/cms-tables';

const cases: [string, () => string | undefined, string | undefined][] = [
  ['float noise removed', () => formatNumber(0.1 + 0.2), '0.3'],
  ['thousands separated', () => formatNumber(2400000), '2,400,000'],
  ['small integers as is', () => formatNumber(135), '135'],
  ['not a number: empty, never NaN', () => formatNumber(NaN), ''],
  ['money: cents', () => formatMoney(1337.88), '$1,337.88'],
  ['money: rounded to cents', () => formatMoney(0.845), '$0.85'],
  ['money: ASP limits keep 3 decimals', () => formatMoney(30.011, true), '$30.011'],
  ['money: infinite -> empty', () => formatMoney(Infinity), ''],
  ['amount in mg', () => amountText(5, 'mg'), '5 mg'],
  ['amount in units (plural)', () => amountText(100000, 'units'), '100,000 units'],
  ['amount of one unit (singular)', () => amountText(1, 'units'), '1 unit'],
  ['plural', () => plural(2, 'line'), '2 lines'],
  ['singular', () => plural(1, 'line'), '1 line'],
  ['markdown: an X12 fragment becomes code, no escapes', () => md('add its NDC (LIN**N4*<11 digits> and CTP)'), 'add its NDC (`LIN**N4*<11 digits>` and CTP)'],
  ['markdown: plain punctuation stays as written', () => md('Injection, 5 mg (per vial) #2 {x} a|b 1 > 0'), 'Injection, 5 mg (per vial) #2 {x} a|b 1 > 0'],
  ['markdown: emphasis characters escaped', () => md('a*b_c'), 'a\\*b\\_c'],
  ['markdown: an HTML tag escaped, a lone < not', () => md('<b>x</b> < 5'), '\\<b>x\\</b> < 5'],
  ['markdown: a heading at a line start escaped', () => md('# not a heading'), '\\# not a heading'],
  ['markdown: link brackets escaped', () => md('[x](y)'), '\\[x\\](y)'],
  ['NDC 11 digits', () => ndc11('00378204501'), '00378204501'],
  ['NDC 5-4-2', () => ndc11('00378-2045-01'), '00378204501'],
  ['NDC 4-4-2 padded', () => ndc11('0378-2045-01'), '00378204501'],
  ['NDC 5-3-2 padded', () => ndc11('50242-040-62'), '50242004062'],
  ['NDC 5-4-1 padded', () => ndc11('00378-2045-1'), '00378204501'],
  ['NDC too short', () => ndc11('0378-045-01'), undefined],
  ['NDC with letters', () => ndc11('00378A04501'), undefined],
  ['coverage D', () => coverageText('D'), 'Special coverage instructions apply (national or contractor policy)'],
  ['coverage blank', () => coverageText(' '), undefined],
  ['coverage unknown', () => coverageText('X'), undefined],
  ['pricing 51', () => pricingText('51'), 'drug'],
  ['pricing single digit padded', () => pricingText('0'), 'not separately priced by Part B (bundled, not covered, or Part A only)'],
  ['pricing unknown', () => pricingText('77'), undefined],
];
for (const [name, run, expected] of cases) test(`format: ${name}`, () => assert.equal(run(), expected));
