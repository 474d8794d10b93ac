// FHIR reader and the position-aware JSON parser under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFhir } from '../../../server/src/documents/fhir';
import { parseJson } from '../../../server/src/base/json';
import { checkInvariants, insertAt, summarise } from './support';

const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';

function item(code: string, extra = '', system = HCPCS): string {
  return `{"sequence": 1, "productOrService": {"coding": [{"system": "${system}", "code": "${code}"}]}${extra}}`;
}
function eob(items: string[], type = 'ExplanationOfBenefit', extra = ''): string {
  return `{"resourceType": "${type}", "id": "e1"${extra}, "item": [${items.join(', ')}]}`;
}

interface Row {
  name: string;
  text: string;
  lines: string[];
  claims?: number;
  containers?: string[];
  problems?: string[];
}

const rows: Row[] = [
  { name: 'R4 EOB with https HCPCS system', text: eob([item('J7507', ', "quantity": {"value": 5}, "servicedDate": "2025-11-05"')]), lines: [`fhir ${HCPCS}:J7507 u=5 dos=2025-11-05`] },
  { name: 'http form of the HCPCS system', text: eob([item('J7507', '', 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets')]), lines: ['fhir http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets:J7507'] },
  { name: 'BlueButton HCPCS system, STU3 "service"', text: '{"resourceType": "ExplanationOfBenefit", "item": [{"service": {"coding": [{"system": "https://bluebutton.cms.gov/resources/codesystem/hcpcs", "code": "G0001"}]}}]}', lines: ['fhir https://bluebutton.cms.gov/resources/codesystem/hcpcs:G0001'] },
  {
    name: 'the HCPCS coding wins over another coding on the same item',
    text: eob([`{"productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "99213"}, {"system": "${HCPCS}", "code": "J7507"}]}}`]),
    lines: [`fhir ${HCPCS}:J7507`],
  },
  { name: 'CPT system', text: eob([item('99213', '', 'http://www.ama-assn.org/go/cpt')]), lines: ['fhir http://www.ama-assn.org/go/cpt:99213'] },
  {
    name: 'modifiers from every coding of every modifier concept',
    text: eob([item('J7507', `, "modifier": [{"coding": [{"system": "${HCPCS}", "code": "KX"}]}, {"coding": [{"code": "JW"}, {"code": "GA"}]}]`)]),
    lines: [`fhir ${HCPCS}:J7507:KX:JW:GA`],
  },
  { name: 'servicedPeriod.start', text: eob([item('J7507', ', "servicedPeriod": {"start": "2025-01-02", "end": "2025-01-09"}')]), lines: [`fhir ${HCPCS}:J7507 dos=2025-01-02`] },
  { name: 'billablePeriod.start is the claim date for items without one', text: eob([item('J7507')], 'Claim', ', "billablePeriod": {"start": "2025-03-01"}'), lines: [`fhir ${HCPCS}:J7507 dos=2025-03-01`] },
  {
    name: 'item text is the description, with doses; NDC from item.detail with its quantity',
    text: eob([`{"productOrService": {"text": "tacrolimus 1 mg", "coding": [{"system": "${HCPCS}", "code": "J3490"}]}, "detail": [{"productOrService": {"coding": [{"system": "http://hl7.org/fhir/sid/ndc", "code": "00469061773"}]}, "quantity": {"value": 5, "unit": "UN"}}]}`]),
    lines: [`fhir ${HCPCS}:J3490 ndc=00469061773 q=5 UN desc=tacrolimus 1 mg dose=tacrolimus 1 mg`],
  },
  { name: 'Claim resource', text: eob([item('J7507')], 'Claim'), lines: [`fhir ${HCPCS}:J7507`] },
  {
    name: 'Bundle of EOBs (entry[].resource); other resources ignored',
    text: `{"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": ${eob([item('J7507')])}}, {"resource": {"resourceType": "Patient", "id": "p"}}, {"resource": ${eob([item('J7508'), item('J7509')], 'Claim')}}]}`,
    lines: [`fhir ${HCPCS}:J7507`, `fhir ${HCPCS}:J7508`, `fhir ${HCPCS}:J7509`],
    claims: 2,
    containers: ['bundle:Bundle (searchset):2'],
  },
  { name: 'NDJSON: one resource per line', text: eob([item('J7507')]) + '\n' + eob([item('J7508')]) + '\n', lines: [`fhir ${HCPCS}:J7507`, `fhir ${HCPCS}:J7508`], claims: 2 },
  { name: 'items without codes make no line', text: eob(['{"sequence": 1}', '{"productOrService": {"text": "x"}}']), lines: [], claims: 1 },
  { name: 'not a claim resource', text: '{"resourceType": "Patient", "id": "x"}', lines: [], claims: 0 },
  { name: 'plain JSON', text: '[1, 2, {"a": null}]', lines: [], claims: 0 },
  { name: 'broken JSON that is not FHIR: no problems (not ours to report)', text: '{"a": [1, 2', lines: [], claims: 0 },
  { name: 'JSONC comments are skipped', text: `// export\n/* one EOB */ ${eob([item('J7507')])}`, lines: [`fhir ${HCPCS}:J7507`] },
  {
    name: 'invalid JSON (missing comma, unclosed): problems plus what could be read',
    text: `{"resourceType": "ExplanationOfBenefit" "item": [${item('J7507')}, ${item('J7508')}`,
    lines: [`fhir ${HCPCS}:J7507`, `fhir ${HCPCS}:J7508`],
    problems: ['json-syntax', 'json-syntax'],
  },
  { name: 'trailing comma', text: eob([item('J7507') + ',']), lines: [`fhir ${HCPCS}:J7507`], problems: ['json-syntax'] },
  { name: 'empty text', text: '', lines: [], claims: 0 },
];

function checkFhir(row: Row): void {
  const doc = readFhir(row.text);
  assert.deepEqual(summarise(doc), row.lines);
  if (row.claims !== undefined) assert.equal(doc.claims.length, row.claims);
  if (row.containers) assert.deepEqual(doc.containers.map((c) => `${c.kind}:${c.label}:${c.claims.length}`), row.containers);
  assert.deepEqual(doc.problems.map((p) => p.id), row.problems ?? []);
  checkInvariants(row.text, doc);
}

for (const row of rows) test(`fhir: ${row.name}`, () => checkFhir(row));

test('fhir: claim id, label and diagnoses', () => {
  const text = `{"resourceType": "ExplanationOfBenefit", "id": "eob-7", "diagnosis": [{"diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F1020"}]}}], "item": [${item('J7507')}]}`;
  const doc = readFhir(text);
  assert.equal(doc.claims[0].id?.value, 'eob-7');
  assert.equal(doc.claims[0].label, 'ExplanationOfBenefit eob-7');
  assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['F1020']);
  assert.deepEqual(doc.mentions.map((m) => `${m.code.value}:${m.context}`), ['F1020:diagnosis']);
});

// ---- modifier slot: inserting there keeps the JSON valid and adds the modifier ------------------

const slotRows: { name: string; text: string }[] = [
  { name: 'append to an existing modifier array', text: eob([item('J7507', `, "modifier": [{"coding": [{"system": "${HCPCS}", "code": "KX"}]}]`)]) },
  { name: 'into an empty modifier array', text: eob([item('J7507', ', "modifier": [ ]')]) },
  { name: 'a new modifier property after the last one', text: eob([item('J7507', ', "quantity": {"value": 1}')]) },
  { name: 'minified', text: eob([item('J7507')]).replace(/\s+/g, '') },
  { name: 'pretty-printed', text: JSON.stringify(JSON.parse(eob([item('J7507', ', "modifier": [{"coding": [{"code": "KX"}]}]')])), null, 2) },
];

for (const row of slotRows) {
  test(`fhir modifier slot: ${row.name}`, () => {
    const line = readFhir(row.text).claims[0].lines[0];
    const slot = line.modifierSlot!;
    assert.ok(slot, 'a slot');
    const edited = insertAt(row.text, slot.offset, slot.prefix + 'GA' + slot.suffix);
    assert.doesNotThrow(() => JSON.parse(edited), edited);
    const after = readFhir(edited);
    assert.deepEqual(after.problems, []);
    assert.deepEqual(after.claims[0].lines[0].modifiers.map((m) => m.value), [...line.modifiers.map((m) => m.value), 'GA']);
  });
}

test('fhir modifier slot: none with four or more modifiers', () => {
  const mods = ['KX', 'GA', 'JW', 'RR'].map((m) => `{"coding": [{"code": "${m}"}]}`).join(', ');
  assert.equal(readFhir(eob([item('J7507', `, "modifier": [${mods}]`)])).claims[0].lines[0].modifierSlot, undefined);
});

// ---- JSON parser ---------------------------------------------------------------------------

test('json: offsets of strings, numbers and members', () => {
  const text = '{"a": "x\\"y", "b": -1.5e2, "c": [true, null]}';
  const { values, problems } = parseJson(text);
  assert.deepEqual(problems, []);
  const root = values[0];
  assert.equal(root.kind, 'object');
  if (root.kind !== 'object') return;
  const a = root.members[0].value!;
  assert.equal(a.kind === 'string' && a.value, 'x"y');
  assert.equal(text.slice(a.start, a.end), '"x\\"y"');
  const b = root.members[1].value!;
  assert.equal(b.kind === 'number' && b.value, -150);
  assert.equal(text.slice(root.members[1].keyStart, root.members[1].keyEnd), 'b');
  assert.equal(root.end, text.length);
});

const jsonErrorRows: { text: string; messages: number }[] = [
  { text: '{"a": 1,}', messages: 1 },
  { text: '{"a" 1}', messages: 1 },
  { text: '{"a": }', messages: 1 },
  { text: '[1 2]', messages: 1 },
  { text: '{"a": [1, 2}', messages: 1 },
  { text: '{"a": "unterminated\n}', messages: 1 },
  { text: '{a: 1}', messages: 1 },
  { text: '{"a": 1, ]', messages: 1 },
  { text: '{"a": 1 "b": 2}', messages: 1 },
  { text: '{"a": 01}', messages: 1 },
  { text: '{"a": tru}', messages: 1 },
  { text: '}', messages: 1 },
  { text: '{"a": 1} x', messages: 1 },
  { text: '[[[', messages: 1 },
];

for (const row of jsonErrorRows) {
  test(`json: error recovery in ${JSON.stringify(row.text)}`, () => {
    const { problems } = parseJson(row.text);
    assert.equal(problems.length, row.messages, JSON.stringify(problems));
    for (const p of problems) assert.ok(p.range.start >= 0 && p.range.end <= row.text.length && p.range.start <= p.range.end);
  });
}

test('json: 100k levels of nesting do not overflow the stack', () => {
  const depth = 100_000;
  const text = '['.repeat(depth) + ']'.repeat(depth);
  const { values, problems } = parseJson(text);
  assert.deepEqual(problems, []);
  assert.equal(values.length, 1);
  const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  assert.deepEqual(parseJson(objects).problems, []);
  const unclosed = readFhir('{"resourceType": "ExplanationOfBenefit", "item": [' + '['.repeat(depth));
  assert.equal(unclosed.problems.length, 1);
});
