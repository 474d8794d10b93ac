// Prose reader: code mentions, attached modifiers, units, doses, dates and look-alikes.
// These tables read with notes: 'all' (every code word a line) to test what is read around a code;
// prose-billing.test.ts tests which codes are billed lines in the default reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProse } from '../../../server/src/documents/prose';
import { caret, checkInvariants, insertAt, summarise } from './support';

interface Row {
  text: string;
  lines: string[];
  mentions?: string[];
  drugs?: string[];
}

const ALL = { notes: 'all' } as const;
const DRUGS = new Set(['tacrolimus', 'cyclosporine', 'omalizumab', 'penicillin']);

const rows: Row[] = [
  // modifiers
  { text: 'Bill J7507-KX for this patient.', lines: ['prose J7507:KX'] },
  { text: 'Bill J7507:KX:JW here.', lines: ['prose J7507:KX:JW'] },
  { text: 'Bill J7507 KX JW here.', lines: ['prose J7507:KX:JW'] },
  { text: 'J7507 OR J7508 IN the note', lines: ['prose J7507', 'prose J7508'] },
  // a count of units right after the code is billed units (was read as a dose before notes were read as billing lines)
  { text: 'J7507 25 units', lines: ['prose J7507 u=25'] },
  { text: 'J7507-59 and J1100-JW-JZ-KX-GA-GZ', lines: ['prose J7507:59', 'prose J1100:JW:JZ:KX:GA'] },
  { text: 'J7507 Kx and J7507 KXY', lines: ['prose J7507', 'prose J7507'] },
  // units
  { text: 'J7507 x 5 units', lines: ['prose J7507 u=5'] },
  { text: 'J7507 ×5', lines: ['prose J7507 u=5'] },
  { text: 'J7507 x 5.', lines: ['prose J7507 u=5'] },
  { text: 'J7507-KX x 2', lines: ['prose J7507:KX u=2'] },
  { text: '5 units of J7507 were billed', lines: ['prose J7507 u=5'] },
  { text: 'J7507 qty 5', lines: ['prose J7507 u=5'] },
  { text: 'J7507, qty: 3', lines: ['prose J7507 u=3'] },
  { text: 'J0561 x 1,200,000 units? no: J0561 x 12', lines: ['prose J0561 u=1200000', 'prose J0561 u=12'] },
  // doses, without a drug-name list
  { text: 'J7507 (tacrolimus 1 mg) given', lines: ['prose J7507 dose=tacrolimus 1 mg'] },
  { text: 'tacrolimus 5 mg daily, billed as J7507.', lines: ['prose J7507 dose=tacrolimus 5 mg'] },
  { text: 'J7402 mometasone 10 micrograms', lines: ['prose J7402 dose=mometasone 10 mcg'] },
  { text: 'J2357 omalizumab 150mg; J0561 penicillin 600,000 units', lines: ['prose J2357 dose=omalizumab 150 mg', 'prose J0561 dose=penicillin 600000 units'] },
  { text: 'J7507 given 5 mg', lines: ['prose J7507 dose=5 mg'] },
  { text: 'J3490 drug 2 mL and 3 µg and 1 g and 4 mEq', lines: ['prose J3490 dose=drug 2 ml dose=3 mcg dose=1 g dose=4 meq'] },
  { text: 'J7507 (tacrolimus 1 mg) and J7502 (cyclosporine 100 mg)', lines: ['prose J7507 dose=tacrolimus 1 mg', 'prose J7502 dose=cyclosporine 100 mg'] },
  { text: 'J7507 x 5 units of tacrolimus 5 mg', lines: ['prose J7507 u=5 dose=tacrolimus 5 mg'] },
  // dates
  { text: 'DOS 2025-11-05: J7507 x 5', lines: ['prose J7507 u=5 dos=2025-11-05'] },
  { text: 'J7507 on date of service: 11/05/2025', lines: ['prose J7507 dos=2025-11-05'] },
  // look-alikes
  { text: 'Dx F10.20 and E11.9, also F1020.5', lines: [] },
  { text: 'CPT II 1036F and PLA 0001U are not HCPCS', lines: [] },
  { text: 'CPT 99213 and CPT code 1036F; plain 99213 is a number', lines: [], mentions: ['99213:text', '1036F:text'] },
  { text: 'LCD L33831 and LCD L3383', lines: [], mentions: ['L3383:other'] },
  { text: 'Contract H1225-001; plan S4607; contract H1225; H1234 PBP 001', lines: [], mentions: ['H1225:other', 'S4607:other', 'H1225:other', 'H1234:other'] },
  { text: 'see https://example.com/codes/J7507 or www.x.org?c=J7507 or a@J7507.org', lines: [] },
  { text: 'ABCJ7507 J75071 J7507X _J7507 J7507_ x-J7507 V2020', lines: ['prose V2020'] },
  { text: 'Lowercase j7507 is not a code; Z1234 is outside A-V, D1234 inside: D1234', lines: ['prose D1234', 'prose D1234'] },
  { text: 'J7507.', lines: ['prose J7507'] },
  { text: '', lines: [] },
];

function checkProse(row: Row): void {
  const doc = readProse(row.text, ALL);
  assert.deepEqual(summarise(doc), row.lines);
  assert.deepEqual(doc.mentions.map((m) => `${m.code.value}:${m.context}`), row.mentions ?? []);
  checkInvariants(row.text, doc);
}

for (const row of rows) test(`prose: ${JSON.stringify(row.text)}`, () => checkProse(row));

// with the code set's drug names
const drugRows: { text: string; doses: string[] }[] = [
  { text: 'J7507 tacrolimus 1 mg', doses: ['tacrolimus 1 mg'] },
  { text: 'J7507 for cyclosporine', doses: ['cyclosporine'] },
  { text: 'gave 375 mg of cyclosporine: J7502', doses: ['cyclosporine 375 mg'] },
  { text: 'J7507 patient 5 mg', doses: ['5 mg'] },
  { text: 'Tacrolimus given at 2 mg, J7507', doses: ['tacrolimus 2 mg'] },
];
for (const row of drugRows) {
  test(`prose with drug names: ${JSON.stringify(row.text)}`, () => {
    const doc = readProse(row.text, { ...ALL, isDrugName: (w) => DRUGS.has(w) });
    const line = doc.claims[0].lines[0];
    assert.deepEqual(line.doses.map((d) => [d.drug?.value, d.amount?.value, d.unit?.value].filter((x) => x !== undefined).join(' ')), row.doses);
    checkInvariants(row.text, doc);
  });
}

test('prose: all lines sit in one claim without an id', () => {
  const doc = readProse('J7507 x 1\nJ7508 x 2\n');
  assert.equal(doc.claims.length, 1);
  assert.equal(doc.claims[0].id, undefined);
  assert.equal(doc.claims[0].lines.length, 2);
  assert.deepEqual(doc.claims[0].lines.map((l) => 'J7507 x 1\nJ7508 x 2\n'.slice(l.range.start, l.range.end)), ['J7507 x 1', 'J7508 x 2']);
});

test('prose: a throwing isDrugName does not break the reader', () => {
  const doc = readProse('J7507 tacrolimus 1 mg', { ...ALL, isDrugName: () => { throw new Error('boom'); } });
  assert.equal(doc.claims[0].lines.length, 1);
});

// slots: '‸' marks where a modifier (prefix '-') and units (' x N units') go
const slotRows = ['Bill J7507‸ today.', 'Bill J7507-KX‸ today.', 'J7507 KX‸ (tacrolimus 1 mg)', '‸'.slice(1) + 'J7507:JW‸'];
for (const marked of slotRows) {
  test(`prose slots: ${JSON.stringify(marked)}`, () => {
    const { text, offset } = caret(marked);
    const line = readProse(text, ALL).claims[0].lines[0];
    assert.deepEqual(line.modifierSlot, { offset, prefix: '-', suffix: '' });
    assert.deepEqual(line.unitsSlot, { offset, prefix: ' x ', suffix: ' units' });
    const withModifier = readProse(insertAt(text, offset, '-GA'), ALL).claims[0].lines[0];
    assert.deepEqual(withModifier.modifiers.map((m) => m.value), [...line.modifiers.map((m) => m.value), 'GA']);
    const withUnits = readProse(insertAt(text, offset, ' x 4 units'), ALL).claims[0].lines[0];
    assert.equal(withUnits.units?.value, 4);
  });
}

test('prose: no units slot when units are written', () => {
  assert.equal(readProse('J7507 x 5').claims[0].lines[0].unitsSlot, undefined);
});

test('prose: a large note is read in one pass', () => {
  const text = 'Patient note: tacrolimus 1 mg daily, billed J7507-KX x 30 units on DOS 2025-11-05. See LCD L33831.\n'.repeat(20000);
  const t0 = performance.now();
  const doc = readProse(text);
  const ms = performance.now() - t0;
  assert.equal(doc.claims[0].lines.length, 20000);
  console.log(`prose: ${(text.length / 1e6).toFixed(1)} MB, 20000 code lines in ${ms.toFixed(0)} ms`);
});
