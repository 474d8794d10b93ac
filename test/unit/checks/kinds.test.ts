// Rules by document kind: submission advice on claims and notes, validity and dates on paid history,
// statements of fact on reference text; hcpcs.notes; known fillers; codes older than the release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../server/src/checks/index';
import { parseDocument } from '../../../server/src/documents/index';
import { isNdcFiller, isZeroDate } from '../../../server/src/documents/fillers';
import type { Settings } from '../../../server/src/settings';
import { samplesDir } from '../../support/paths';
import { check, checkRule, coreCodeSet, csv, fhir, fullCodeSet, x12 } from './harness';
import { needs } from '../../support/needs';

/** rules that tell how to fix a claim before it is sent: never on adjudicated history */
const SUBMISSION_RULES = [
  'duplicate-modifier',
  'too-many-modifiers',
  'missing-jw-jz',
  'jw-jz-conflict',
  'jw-jz-not-applicable',
  'missing-kx',
  'missing-units',
  'zero-units',
  'fractional-units',
  'units-vs-ndc',
  'units-vs-dose',
  'missing-ndc',
  'invalid-ndc',
  'noc-needs-description',
  'required-modifier',
  'code-not-allowed',
];
const VALIDITY_RULES = ['unknown-code', 'code-not-effective', 'invalid-modifier', 'modifier-not-effective', 'cpt-code'];
const FACT_RULES = ['drug-mismatch'];
const STATEMENT_RULES = ['fact-billing-unit', 'fact-route', 'fact-modifier', 'fact-code-range', 'fact-code-kind'];
/** a claim's diagnoses and pointers: a note has no diagnosis list or pointer, a remittance is history (837, claim CSV, FHIR Claim) */
const CLAIM_ONLY_RULES = ['invalid-diagnosis-pointer', 'missing-diagnosis-pointer', 'missing-principal-diagnosis', 'unknown-diagnosis', 'diagnosis-not-billable'];
/** a claim's money before it is sent (837): not notes, whose lines carry no totals */
const CLAIM_MONEY_RULES = ['claim-total-mismatch', 'missing-line-charge', 'ndc-quantity-not-positive'];
/** an 835's balancing: only remittances */
const REMIT_MONEY_RULES = ['remit-line-balance', 'remit-claim-balance', 'remit-paid-vs-lines', 'remit-payment-balance'];
/** an amount that is not one, on either */
const AMOUNT_RULES = ['invalid-amount'];
/** an X12 envelope is wrong whoever sent it: on claims and on remittances (notes and reference text have none) */
const ENVELOPE_RULES = ['x12-segment-count', 'x12-transaction-count', 'x12-group-count', 'x12-control-number-mismatch'];

test('every rule declares the kinds it applies to', () => {
  const byId = new Map(rules.map((r) => [r.id, [...r.kinds].sort()]));
  for (const id of SUBMISSION_RULES) assert.deepEqual(byId.get(id), ['claim', 'note'], id);
  for (const id of VALIDITY_RULES) assert.deepEqual(byId.get(id), ['claim', 'note', 'remittance'], id);
  for (const id of FACT_RULES) assert.deepEqual(byId.get(id), ['claim', 'note', 'reference'], id);
  for (const id of STATEMENT_RULES) assert.deepEqual(byId.get(id), ['note', 'reference'], id);
  for (const id of CLAIM_ONLY_RULES) assert.deepEqual(byId.get(id), ['claim'], id);
  for (const id of CLAIM_MONEY_RULES) assert.deepEqual(byId.get(id), ['claim'], id);
  for (const id of REMIT_MONEY_RULES) assert.deepEqual(byId.get(id), ['remittance'], id);
  for (const id of AMOUNT_RULES) assert.deepEqual(byId.get(id), ['claim', 'remittance'], id);
  for (const id of ENVELOPE_RULES) assert.deepEqual(byId.get(id), ['claim', 'remittance'], id);
  const all = [...SUBMISSION_RULES, ...VALIDITY_RULES, ...FACT_RULES, ...STATEMENT_RULES, ...CLAIM_ONLY_RULES, ...CLAIM_MONEY_RULES, ...REMIT_MONEY_RULES, ...AMOUNT_RULES, ...ENVELOPE_RULES];
  assert.deepEqual([...byId.keys()].sort(), all.sort(), 'a new rule needs a row here');
});

interface GateRow {
  name: string;
  text: string;
  uri?: string;
  settings?: Partial<Settings>;
  /** rule ids that must fire */
  fires: string[];
  /** rule ids that must stay silent */
  silent: string[];
  codeset?: 'core' | 'full';
}

function checkGates(rows: GateRow[]): void {
  for (const row of rows) {
    const codeset = row.codeset === 'full' ? fullCodeSet() : coreCodeSet();
    const ids = new Set(check(row.text, { codeset, uri: row.uri, settings: row.settings }).map((f) => f.ruleId));
    for (const id of row.fires) assert.ok(ids.has(id), `${row.name}: ${id} should fire; got ${[...ids].join(', ')}`);
    for (const id of row.silent) assert.ok(!ids.has(id), `${row.name}: ${id} should be silent`);
  }
}

const remit835 = (...segments: string[]) =>
  [
    'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *251120*0930*^*00501*000000001*0*P*:~',
    'GS*HP*PAYER*PROVIDER*20251120*0930*1*X*005010X221A1~',
    'ST*835*0001~',
    'BPR*I*100*C*ACH~',
    'CLP*T-1*1*125*100**MB~',
    ...segments.map((s) => `${s}~`),
    `SE*${4 + segments.length}*0001~`, // ST, BPR, CLP, the segments, SE
    'GE*1*1~',
    'IEA*1*000000001~',
  ].join('\n');
const eob = (code: string, quantity: number, modifiers: string[] = [], date = '2025-11-05') =>
  fhir({ code, quantity, modifiers, date }).replace('"resourceType": "Claim"', '"resourceType": "ExplanationOfBenefit"');
const RIF = (code: string, units: string, ndc: string) =>
  `CLM_ID|CLM_FROM_DT|CLM_PMT_AMT|NCH_CARR_CLM_ALOWD_AMT|HCPCS_CD|HCPCS_1ST_MDFR_CD|LINE_SRVC_CNT|LINE_NDC_CD\n1|20251105|50.00|60.00|${code}||${units}|${ndc}\n`;

test('paid history (835, ExplanationOfBenefit, RIF exports) gets validity and date checks, no submission advice', () =>
  checkGates([
    { name: '837: oral tacrolimus without KX', text: x12('LX*1', 'SV1*HC:J7507*125*UN*5***1'), fires: ['missing-kx'], silent: [] },
    { name: '835: the same line paid', text: remit835('SVC*HC:J7507*125*100**5', 'DTP*472*D8*20251105'), fires: [], silent: ['missing-kx'] },
    { name: '835: a terminated code is still reported', text: remit835('SVC*HC:J7401*125*100**1', 'DTP*472*D8*20250115'), fires: ['code-not-effective'], silent: ['missing-ndc'] },
    { name: '835: JG after its end date is still reported', text: remit835('SVC*HC:J1745:JG*125*100**1', 'DTP*472*D8*20250203'), fires: ['modifier-not-effective'], silent: ['missing-jw-jz'] },
    { name: 'FHIR Claim: 2.5 units', text: fhir({ code: 'J7507', modifiers: ['KX'], quantity: 2.5 }), fires: ['fractional-units'], silent: [] },
    { name: 'FHIR EOB: 2.5 units paid', text: eob('J7507', 2.5, ['KX']), fires: [], silent: ['fractional-units', 'missing-kx'] },
    { name: 'FHIR EOB: a modifier twice and five modifiers', text: eob('J7507', 1, ['KX', 'KX', 'GA', 'GZ', 'TB']), fires: [], silent: ['duplicate-modifier', 'too-many-modifiers'] },
    { name: 'FHIR Claim: the same modifiers', text: fhir({ code: 'J7507', modifiers: ['KX', 'KX', 'GA', 'GZ', 'TB'], quantity: 1 }), fires: ['duplicate-modifier', 'too-many-modifiers'], silent: [] },
    { name: 'FHIR EOB: a terminated code', text: eob('J7401', 1, [], '2025-01-15'), fires: ['code-not-effective'], silent: [] },
    { name: 'RIF export: a bad NDC is paid history', text: RIF('J7507', '5', '1234'), fires: [], silent: ['invalid-ndc', 'missing-kx'] },
    { name: 'claim export: the same bad NDC', text: csv('J7507,KX,,5,1234,2025-11-05,'), fires: ['invalid-ndc'], silent: [] },
    { name: 'RIF export: a terminated code', text: RIF('J7401', '1', ''), fires: ['code-not-effective'], silent: ['missing-ndc'] },
  ]));

test('reference text gets statements of fact only; a note gets rules on what it bills', () =>
  checkGates([
    { name: 'note: billed without KX', text: 'Dispensed J7507 x 30 tacrolimus.', fires: ['missing-kx'], silent: [] },
    { name: 'reference: described', text: 'J7507 is tacrolimus. KX attestation is on file.', fires: [], silent: ['missing-kx'] },
    { name: 'note: NOC billed', text: 'Billed J3490 x 1 today.', fires: ['noc-needs-description'], silent: [] },
    { name: 'reference: NOC described', text: 'J3490 is the NOC code for drugs; describe the drug.', fires: [], silent: ['noc-needs-description'] },
    { name: 'note: an unknown code billed', text: 'Dispensed A1000 x 2.', fires: ['unknown-code'], silent: [], codeset: 'full' },
    { name: 'reference: "see ticket A1000"', text: 'See ticket A1000 for details.', fires: [], silent: ['unknown-code'], codeset: 'full' },
    { name: 'reference: a drug named wrongly is a fact check', text: 'J7520 is tacrolimus.', fires: ['drug-mismatch'], silent: [] },
    { name: 'reference: the drug named rightly', text: 'J7520 is sirolimus.', fires: [], silent: ['drug-mismatch'] },
    { name: 'reference: a pasted segment in inline code', text: 'A line: `SV1*HC:E0431*59.14*UN*1***1~`', fires: [], silent: ['fractional-units'] },
  ]));

/** reference text (one code word in five has a quantity) with one example billing line */
const GUIDE_WITH_EXAMPLE = 'J7507 is tacrolimus. J7508 and J7503 are too. J7520 is sirolimus. Bill J7507 x 30.';

test('forcing a kind by glob changes which rules run', () =>
  checkGates([
    { name: 'a guide forced to note', text: GUIDE_WITH_EXAMPLE, uri: 'file:///w/notes/a.md', settings: { documentKinds: [{ pattern: 'notes/**', kind: 'note' }] }, fires: ['missing-kx'], silent: [] },
    { name: 'the guide elsewhere', text: GUIDE_WITH_EXAMPLE, uri: 'file:///w/guides/a.md', settings: { documentKinds: [{ pattern: 'notes/**', kind: 'note' }] }, fires: [], silent: ['missing-kx'] },
    { name: 'a claim forced to remittance', text: x12('LX*1', 'SV1*HC:J7507*125*UN*5***1'), uri: 'file:///w/paid/a.837', settings: { documentKinds: [{ pattern: 'paid/**', kind: 'remittance' }] }, fires: [], silent: ['missing-kx'] },
    { name: 'a claim forced to reference', text: x12('LX*1', 'SV1*HC:J7401*125*UN*5***1'), uri: 'file:///w/a.837', settings: { documentKinds: [{ pattern: '*.837', kind: 'reference' }] }, fires: [], silent: ['code-not-effective'] },
  ]));

test('hcpcs.notes: off silences prose, all reads every code word (old behaviour), billing-lines is the default', () =>
  checkGates([
    { name: 'billing-lines: a billed line', text: 'Dispensed J7507 x 30.', fires: ['missing-kx'], silent: [] },
    { name: 'off: the same note', text: 'Dispensed J7507 x 30.', settings: { notes: 'off' }, fires: [], silent: ['missing-kx', 'drug-mismatch'] },
    { name: 'off: a wrong drug in prose', text: 'J7520 is tacrolimus.', settings: { notes: 'off' }, fires: [], silent: ['drug-mismatch'] },
    { name: 'off does not touch claims', text: x12('LX*1', 'SV1*HC:J7507*125*UN*5***1'), settings: { notes: 'off' }, fires: ['missing-kx'], silent: [] },
    { name: 'all: a described code', text: 'J7507 is tacrolimus.', settings: { notes: 'all' }, fires: ['missing-kx'], silent: [] },
    { name: 'billing-lines: the described code', text: 'J7507 is tacrolimus.', settings: { notes: 'billing-lines' }, fires: [], silent: ['missing-kx'] },
  ]));

test('known fillers mean none: zero NDCs and zero dates', () =>
  checkGates([
    { name: 'CSV NDC 000000000', text: csv('J1745,JZ,,1,000000000,2025-11-05,'), fires: [], silent: ['invalid-ndc'] },
    { name: 'CSV NDC 00000000000', text: csv('J1745,JZ,,1,00000000000,2025-11-05,'), fires: [], silent: ['invalid-ndc'] },
    { name: 'CSV NDC 00000-0000-00', text: csv('J1745,JZ,,1,00000-0000-00,2025-11-05,'), fires: [], silent: ['invalid-ndc'] },
    { name: 'CSV NDC 0000000001 is a (bad) NDC', text: csv('J1745,JZ,,1,0000000001,2025-11-05,'), fires: ['invalid-ndc'], silent: [] },
    { name: 'CSV blank NDC', text: csv('J1745,JZ,,1, ,2025-11-05,'), fires: [], silent: ['invalid-ndc'] },
    { name: 'X12 LIN filler', text: x12('LX*1', 'SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*00000000000', 'CTP****1*UN'), fires: ['missing-ndc'], silent: ['invalid-ndc', 'units-vs-ndc'] },
    { name: 'X12 LIN 9-digit filler', text: x12('LX*1', 'SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*000000000', 'CTP****1*UN'), fires: [], silent: ['invalid-ndc'] },
    { name: 'X12 LIN 9 digits that are not zeros', text: x12('LX*1', 'SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*123456789', 'CTP****1*UN'), fires: ['invalid-ndc'], silent: [] },
    {
      name: 'FHIR detail NDC filler',
      text: fhir({ code: 'J1745', modifiers: ['JZ'], quantity: 1 }).replace(
        '"quantity": { "value": 1 }',
        '"quantity": { "value": 1 }, "detail": [{ "sequence": 1, "productOrService": { "coding": [{ "system": "http://hl7.org/fhir/sid/ndc", "code": "00000000000" }] } }]',
      ),
      fires: [],
      silent: ['invalid-ndc'],
    },
    {
      name: 'FHIR detail NDC that is not a filler',
      text: fhir({ code: 'J1745', modifiers: ['JZ'], quantity: 1 }).replace(
        '"quantity": { "value": 1 }',
        '"quantity": { "value": 1 }, "detail": [{ "sequence": 1, "productOrService": { "coding": [{ "system": "http://hl7.org/fhir/sid/ndc", "code": "1234" }] } }]',
      ),
      fires: ['invalid-ndc'],
      silent: [],
    },
    { name: 'X12 zero line date: the claim date applies, no bad-date problem', text: x12('LX*1', 'SV1*HC:J7401*250*UN*1***1', 'DTP*472*D8*00000000'), fires: ['code-not-effective'], silent: ['x12-bad-date'] },
    { name: 'X12 date that is not zeros is still reported', text: x12('LX*1', 'SV1*HC:J7507:KX*125*UN*5***1', 'DTP*472*D8*20251399'), fires: ['x12-bad-date'], silent: [] },
    { name: 'CSV zero date: judged on today', text: csv('J7401,,,1,,00000000,'), fires: ['code-not-effective'], silent: [] },
  ]));

test('readers leave a filler NDC out of the model', () => {
  const detail = (ndc: string) =>
    fhir({ code: 'J1745', quantity: 1 }).replace(
      '"quantity": { "value": 1 }',
      `"quantity": { "value": 1 }, "detail": [{ "sequence": 1, "productOrService": { "coding": [{ "system": "http://hl7.org/fhir/sid/ndc", "code": "${ndc}" }] } }]`,
    );
  const rows: [string, string, string | undefined][] = [
    ['CSV zeros', csv('J1745,JZ,,1,000000000,2025-11-05,'), undefined],
    ['CSV an NDC', csv('J1745,JZ,,1,00409123401,2025-11-05,'), '00409123401'],
    ['X12 zeros', x12('LX*1', 'SV1*HC:J1745*300*UN*10***1', 'LIN**N4*00000000000'), undefined],
    ['X12 an NDC', x12('LX*1', 'SV1*HC:J1745*300*UN*10***1', 'LIN**N4*00409123401'), '00409123401'],
    ['FHIR zeros', detail('00000-0000-00'), undefined],
    ['FHIR an NDC', detail('00409-1234-01'), '00409-1234-01'],
  ];
  for (const [name, text, ndc] of rows) assert.equal(parseDocument(text).claims[0]?.lines[0]?.ndc?.value, ndc, name);
  const fillers: [string, boolean][] = [
    ['000000000', true],
    ['00000000000', true],
    ['00000-0000-00', true],
    ['0', true],
    ['', false],
    ['-', false],
    ['00000000001', false],
    ['O0000000000', false],
  ];
  for (const [value, filler] of fillers) assert.equal(isNdcFiller(value), filler, value);
  const dates: [string, boolean][] = [
    ['00000000', true],
    ['0000-00-00', true],
    ['00/00/0000', true],
    ['20250101', false],
    ['', false],
  ];
  for (const [value, zero] of dates) assert.equal(isZeroDate(value), zero, value);
});

test('unknown-code: a code billed before the release may have been deleted; after, it is not a code', (t) =>
  checkRule(t, 'unknown-code', [
    {
      name: 'X12 line from 2004',
      codeset: 'october',
      text: x12('LX*1', 'SV1*HC:⟦J1550⟧*125*UN*1***1', 'DTP*472*D8*20040711'),
      messages: ['J1550 is not in HCPCS Level II, October 2025 (CMS); it may have been deleted before that release (date of service 2004-07-11 is before 2025-10-01)'],
    },
    { name: 'the same code on a date the release covers', codeset: 'october', text: x12('LX*1', 'SV1*HC:⟦J1550⟧*125*UN*1***1', 'DTP*472*D8*20251105'), messages: [/^J1550 is not in HCPCS Level II, October 2025 \(CMS\)$/] },
    { name: 'the day before the release', codeset: 'october', text: x12('LX*1', 'SV1*HC:⟦J1550⟧*125*UN*1***1', 'DTP*472*D8*20250930'), messages: ['may have been deleted before that release'] },
    { name: 'the release date itself', codeset: 'october', text: x12('LX*1', 'SV1*HC:⟦J1550⟧*125*UN*1***1', 'DTP*472*D8*20251001'), messages: [/^J1550 is not in HCPCS Level II, October 2025 \(CMS\)$/] },
    { name: 'FHIR EOB from 2000', codeset: 'october', text: eob('⟦G0001⟧', 1, [], '2000-01-01'), messages: ['date of service 2000-01-01 is before 2025-10-01'] },
    { name: 'a note without a date is judged on today', codeset: 'october', text: 'Dispensed ⟦A1000⟧ x 2.', messages: [/^A1000 is not in HCPCS Level II, October 2025 \(CMS\)$/] },
    { name: 'a malformed code is malformed whatever its date', text: x12('LX*1', 'SV1*HC:⟦478331⟧*12*UN*1***1', 'DTP*472*D8*20040711'), messages: ['is not a HCPCS code'] },
  ]));

/** the rules the issue names as submission advice: none may fire on paid history */
test('the real FHIR EOB samples and the RIF .psv export get no submission-rule findings', (t) => {
  // the whole releases too: silence on every code of the samples, not only on the excerpts' codes
  const missing = needs.samples || needs.allReleases;
  if (missing) return t.skip(missing);
  const dir = samplesDir()!;
  const codeset = fullCodeSet();
  const files = ['fhir', 'csv'].flatMap((d) => readdirSync(join(dir, d)).map((f) => join(dir, d, f)));
  assert.ok(files.some((f) => f.endsWith('.psv')) && files.some((f) => f.includes('ExplanationOfBenefit')), 'the samples are there');
  for (const file of files) {
    if (!statSync(file).isFile()) continue;
    const found = check(readFileSync(file, 'utf8'), { codeset, uri: `file://${file}` });
    const submission = found.filter((f) => SUBMISSION_RULES.includes(f.ruleId));
    assert.deepEqual(
      submission.map((f) => `${f.ruleId} ${f.message}`),
      [],
      file,
    );
  }
});
