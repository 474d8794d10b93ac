// Notes read as a coder reads them (default notes: 'billing-lines'): a code is a billed line only
// when the text bills it; every other code is a mention. Each phrasing has a negative row: the same
// text shape without the billing part, which must give a mention and no line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProse } from '../../../server/src/documents/prose';
import { findModifierMentions } from '../../../server/src/documents/prose-modifiers';
import { noteDates } from '../../../server/src/documents/note-dates';
import { checkInvariants, summarise } from './support';

const DRUGS = new Set(['tacrolimus', 'cyclosporine', 'sirolimus', 'penicillin', 'insulin']);
const read = (text: string) => readProse(text, { isDrugName: (w) => DRUGS.has(w) });

interface Row {
  text: string;
  /** summarised billed lines (see summarise) */
  lines: string[];
  /** codes read as mentions (context 'text') */
  mentions?: string[];
}

const rows: Row[] = [
  // units or a quantity next to the code, in any usual order
  { text: 'J7507 x 120', lines: ['prose J7507 u=120'] },
  { text: 'J7507 tacrolimus', lines: [], mentions: ['J7507'] },
  { text: '120 units of J7507', lines: ['prose J7507 u=120'] },
  { text: 'units of J7507', lines: [], mentions: ['J7507'] },
  { text: 'J7507 tacrolimus 5 mg x 5 units', lines: ['prose J7507 u=5 dose=tacrolimus 5 mg'] },
  { text: 'J7507 tacrolimus 5 mg', lines: [], mentions: ['J7507'] },
  { text: 'J7507 tacrolimus 2 x 5 mg capsules', lines: [], mentions: ['J7507'] },
  { text: 'J7507 #5', lines: ['prose J7507 u=5'] },
  { text: 'J7507 # of units varies', lines: [], mentions: ['J7507'] },
  { text: 'J7507 tacrolimus, qty 5', lines: ['prose J7507 u=5 dose=tacrolimus'] },
  { text: 'J7507 tacrolimus, quality matters', lines: [], mentions: ['J7507'] },
  { text: 'J7507 tacrolimus 5 mg, 5 units', lines: ['prose J7507 u=5 dose=tacrolimus 5 mg'] },
  { text: 'J7507 tacrolimus 5 mg daily', lines: [], mentions: ['J7507'] },
  { text: 'J1815 insulin 10 units', lines: [], mentions: ['J1815'] },
  { text: 'J0561 penicillin 600,000 units', lines: [], mentions: ['J0561'] },
  // billing words
  { text: 'Tacrolimus 5 mg daily, billed as J7507.', lines: ['prose J7507 dose=tacrolimus 5 mg'] },
  { text: 'J7507 was submitted on the claim.', lines: ['prose J7507'] },
  { text: 'J7507 is billed per 1 mg.', lines: [], mentions: ['J7507'] },
  { text: 'J7507 should be billed with the KX modifier.', lines: [], mentions: ['J7507'] },
  { text: 'Bill J7507-KX for this patient.', lines: ['prose J7507:KX'] },
  { text: 'How to bill J7507: report one unit per mg.', lines: [], mentions: ['J7507'] },
  { text: 'KX attestation on file for J7507 and J7520.', lines: [], mentions: ['J7507', 'J7520'] },
  // tables with a units column
  { text: '| Code | Drug | Units |\n|---|---|---|\n| J7507 | tacrolimus 1 mg | 30 |', lines: ['prose J7507 u=30 dose=tacrolimus 1 mg'] },
  { text: '| Code | Drug | Notes |\n|---|---|---|\n| J7507 | tacrolimus 1 mg | 30 |', lines: [], mentions: ['J7507'] },
  { text: 'Code\tQty\nJ7520\t4', lines: ['prose J7520 u=4'] },
  { text: 'Code\tDescriptor\nJ7520\tsirolimus', lines: [], mentions: ['J7520'] },
  // an X12 segment pasted in a note: its charge is not units
  { text: 'The payer saw SV1*HC:J7507*59.14*UN*1~ on the claim.', lines: [], mentions: ['J7507'] },
  { text: 'The payer saw J7507 x 1 on the claim.', lines: ['prose J7507 u=1'] },
  // references that are not codes
  { text: 'see ticket A1000 for details', lines: [] },
  { text: 'see A1000 for details', lines: [], mentions: ['A1000'] },
];

for (const row of rows) {
  test(`billing lines: ${JSON.stringify(row.text)}`, () => {
    const doc = read(row.text);
    assert.deepEqual(summarise(doc), row.lines);
    assert.deepEqual(doc.mentions.filter((m) => m.context === 'text').map((m) => m.code.value), row.mentions ?? []);
    // a mention has no slot: no quick fix edits a sentence
    for (const m of doc.mentions) assert.equal((m as unknown as { modifierSlot?: unknown }).modifierSlot, undefined);
    checkInvariants(row.text, doc);
  });
}

test("billing lines: notes: 'all' keeps every code word a line", () => {
  const doc = readProse('J7507 tacrolimus and J7520 sirolimus', { notes: 'all', isDrugName: (w) => DRUGS.has(w) });
  assert.deepEqual(summarise(doc), ['prose J7507 dose=tacrolimus', 'prose J7520 dose=sirolimus']);
});

test('billing lines: mentions keep their sentence and doses for fact checks', () => {
  const text = 'Note. J7520 (tacrolimus) is oral.';
  const m = read(text).mentions[0]!;
  assert.equal(text.slice(m.sentence!.start, m.sentence!.end), 'J7520 (tacrolimus) is oral.');
  assert.deepEqual(m.doses!.map((d) => d.drug?.value), ['tacrolimus']);
});

// a note's own date applies to the lines below it until the next date
const dateRows: { text: string; dates: (string | undefined)[] }[] = [
  { text: '# Visit 2025-11-05\nJ7507 x 30\n', dates: ['2025-11-05'] },
  { text: '# Visit notes\nJ7507 x 30\n', dates: [undefined] },
  { text: 'DOS: 11/05/2025\nJ7507 x 30\n\nDOS: 12/01/2025\nJ7520 x 4\n', dates: ['2025-11-05', '2025-12-01'] },
  { text: 'Date of service - Nov 5, 2025\nJ7507 x 30', dates: ['2025-11-05'] },
  { text: 'Seen Nov 5, 2025 in clinic for follow-up and labs.\nJ7507 x 30', dates: [undefined] },
  { text: '2025-11-05 infusion clinic\nJ7507 x 30\n2025-12-01: refill\nJ7507 x 60', dates: ['2025-11-05', '2025-12-01'] },
  { text: 'Approved on 2025-11-05 by the plan.\nJ7507 x 30', dates: [undefined] },
  { text: 'Date: 2025-11-05\nJ7507 x 30', dates: ['2025-11-05'] },
  { text: 'JG end date 2024-12-31 per CMS.\nJ7507 x 30', dates: [undefined] },
  { text: 'DOS 2025-11-05: J7507 x 5', dates: ['2025-11-05'] },
];
for (const row of dateRows) {
  test(`note dates: ${JSON.stringify(row.text)}`, () => {
    const doc = read(row.text);
    assert.deepEqual(doc.claims[0]!.lines.map((l) => l.serviceDate?.value), row.dates);
    checkInvariants(row.text, doc);
  });
}

test('note dates: mentions get the section date too', () => {
  const doc = read('## 2024-06-01\nJ7507 tacrolimus\n');
  assert.equal(doc.mentions[0]!.serviceDate?.value, '2024-06-01');
  assert.deepEqual(noteDates('no dates here\n'), []);
});

// modifiers written as words
const modifierRows: [string, string[]][] = [
  ['Append modifier JW for the discarded amount.', ['JW']],
  ['Append a modifier for the discarded amount.', []],
  ['The JG modifier is gone.', ['JG']],
  ['The JG is gone.', []],
  ['Use modifiers JW and JZ as needed.', ['JW', 'JZ']],
  ['Use -KX when the attestation is on file.', ['KX']],
  ['Use KX when the attestation is on file.', []],
  ['J7507-KX x 30', []],
  ['COVID-19 and anti-TB and NOC modifier', []],
];
for (const [text, expected] of modifierRows) {
  test(`modifier mentions: ${JSON.stringify(text)}`, () => {
    const found = findModifierMentions(text);
    assert.deepEqual(found.map((m) => m.value), expected);
    for (const m of found) assert.equal(text.slice(m.range.start, m.range.end), m.value);
    const doc = read(text);
    assert.deepEqual((doc.modifierMentions ?? []).map((m) => m.modifier.value), expected);
  });
}

test('billing lines: a modifier word in a billed line\'s own phrase is on that line, not a mention', () => {
  const rows: [string, string[], string[]][] = [
    ['J2920 x 1 unit, modifier JZ, none wasted.', ['prose J2920:JZ u=1'], []],
    ['J2920 x 1 unit. Modifier JZ is for single-dose vials.', ['prose J2920 u=1'], ['JZ']],
    ['J2920 tacrolimus, modifier JZ', [], ['JZ']],
  ];
  for (const [text, lines, words] of rows) {
    const doc = read(text);
    assert.deepEqual(summarise(doc), lines, text);
    assert.deepEqual((doc.modifierMentions ?? []).map((m) => m.modifier.value), words, text);
  }
});

// quoted text is an example or a citation: never a billed line, and marked so fact checks skip it
const quotedRows: [string, string[], boolean[]][] = [
  ['Notes: "J7507 x 5 units" is a billing line.', [], [true]],
  ['Notes: J7507 x 5 units is a billing line.', ['prose J7507 u=5'], []],
  ['Codes: `J1550`×1 and `G9572`×1', [], [true, true]],
  ['Codes: J1550×1', ['prose J1550 u=1'], []],
  ['```\nPatient takes J7520 (tacrolimus) x 5 units.\n```\n', [], [true]],
  ['Patient takes J7520 (tacrolimus) x 5 units.\n', ['prose J7520 u=5 dose=tacrolimus'], []],
  ['Patient takes “J7520” daily.', [], [true]],
  ['Patient takes J7520 daily.', [], [false]],
];
for (const [text, lines, quoted] of quotedRows) {
  test(`quoted text: ${JSON.stringify(text)}`, () => {
    const doc = read(text);
    assert.deepEqual(summarise(doc), lines);
    assert.deepEqual(doc.mentions.map((m) => m.quoted === true), quoted);
  });
}

test('note dates: a DOS inside a sentence dates that sentence only', () => {
  const doc = read('- bill J7507 x 30 units (DOS 2025-11-05).\n- J7502 x 4\n');
  assert.deepEqual(doc.claims[0]!.lines.map((l) => l.serviceDate?.value), ['2025-11-05', undefined]);
});
