// Diagnosis hover (X12 HI, CSV, FHIR, prose), the card's rows, and diagnosis completion, against
// the committed FY2026 excerpt of the ICD-10-CM order file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, CARET, LEAKS } from './support';
import { hover } from '../../../server/src/features/hover';
import { complete } from '../../../server/src/features/completion';
import { diagnosisCard, NO_ICD10_LOADED } from '../../../server/src/features/diagnosis-card';
import { fixtureDiagnosisCodes } from '../../support/icd10';
import { x12 } from '../checks/harness';

const codes = () => fixtureDiagnosisCodes();
const claim = (hi: string, date = '20251105') => x12(hi, 'LX*1', 'SV1*HC:J7507*125*UN*5***1', `DTP*472*D8*${date}`);
const csvClaim = (dx: string) => `claim_id,hcpcs_code,units,service_date,icd10_dx_1\nC1,J7507,5,2025-11-05,${dx}\n`;
const fhirClaim = (code: string) =>
  `{"resourceType":"Claim","id":"c1","billablePeriod":{"start":"2025-11-05"},"diagnosis":[{"sequence":1,"diagnosisCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"${code}"}]}}],` +
  `"item":[{"sequence":1,"productOrService":{"coding":[{"system":"https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J7507"}]},"servicedDate":"2025-11-05","quantity":{"value":5}}]}\n`;

function hoverText(marked: string, languageId: string, loaded = true): string | undefined {
  const { ctx, carets } = build(marked, { languageId, diagnosisCodes: loaded ? codes() : undefined });
  const h = hover(ctx, carets[0]!);
  return h ? (h.contents as { value: string }).value : undefined;
}

test('diagnosis hover: title, billable on the date, the release', () => {
  const rows: { name: string; text: string; lang: string; expect: RegExp[] | undefined; loaded?: boolean; not?: RegExp }[] = [
    { name: 'X12 HI billable', text: claim(`HI*ABK:E1${CARET}19`), lang: 'x12', expect: [/\*\*E11\.9\*\* — Type 2 diabetes mellitus without complications/, /\*\*Billable:\*\* yes, valid for submission on the date of service 2025-11-05/, /ICD-10-CM FY2026, in force 2025-10-01 to 2026-09-30/] },
    { name: 'X12 HI header', text: claim(`HI*ABK:E${CARET}11`), lang: 'x12', expect: [/\*\*E11\*\* — Type 2 diabetes mellitus/, /\*\*Billable:\*\* no — a category heading/, /E11\.641 Type 2 diabetes mellitus with hypoglycemia with coma/] },
    { name: 'X12 HI shaped like HCPCS (M5416) is still a diagnosis there', text: claim(`HI*ABK:M54${CARET}16`), lang: 'x12', expect: [/Radiculopathy, lumbar region/, /Billable:\*\* yes/] },
    { name: 'X12 HI unknown', text: claim(`HI*ABK:E11${CARET}99`), lang: 'x12', expect: [/\*\*E11\.99\*\* is not an ICD-10-CM code in ICD-10-CM FY2026/] },
    { name: 'X12 HI past the data: the caveat', text: claim(`HI*ABK:E11${CARET}9`, '20261105'), lang: 'x12', expect: [/Billable:\*\* yes/, /lies after 2026-09-30.*a newer ICD-10-CM release may say otherwise/] },
    { name: 'X12 HI before the data: no verdict', text: claim(`HI*ABK:E11${CARET}9`, '20200105'), lang: 'x12', expect: [/Type 2 diabetes mellitus without complications in ICD-10-CM FY2026/, /releases begin 2025-10-01; on the date of service 2020-01-05 another release was in force/], not: /Billable/ },
    { name: 'X12 ICD-9', text: claim(`HI*BK:40${CARET}19`, '20140302'), lang: 'x12', expect: [/ICD-9-CM \(HI qualifier BK\), which is not checked against ICD-10-CM/] },
    { name: 'no list loaded', text: claim(`HI*ABK:E1${CARET}19`), lang: 'x12', loaded: false, expect: [/here is a diagnosis code, not a procedure/, /No ICD-10-CM code list is loaded: set `hcpcs.icd10Path`/] },
    { name: 'CSV diagnosis column, dotted', text: csvClaim(`E11.${CARET}9`), lang: 'csv', expect: [/\*\*E11\.9\*\* — Type 2 diabetes/, /Billable:\*\* yes/] },
    { name: 'FHIR diagnosis', text: fhirClaim(`J45.9${CARET}09`), lang: 'json', expect: [/Unspecified asthma, uncomplicated/, /Billable:\*\* yes/] },
    { name: 'prose, dotted', text: `Assessment: E11.${CARET}9 stable.\n`, lang: 'plaintext', expect: [/\*\*E11\.9\*\* — Type 2 diabetes mellitus without complications/] },
    { name: 'prose, after a cue', text: `Dx: I1${CARET}0, follow up in 3 months.\n`, lang: 'plaintext', expect: [/Essential \(primary\) hypertension/] },
    { name: 'prose, a list after a cue', text: `Diagnoses: E11.9, I10 and J459${CARET}09\n`, lang: 'plaintext', expect: [/Unspecified asthma, uncomplicated/] },
    { name: 'prose, sentence full stop', text: `The ICD-10 code is E11.${CARET}9.\n`, lang: 'plaintext', expect: [/Type 2 diabetes mellitus without complications/] },
  ];
  for (const row of rows) {
    const text = hoverText(row.text, row.lang, row.loaded !== false);
    assert.ok(text, `${row.name}: a hover`);
    for (const e of row.expect ?? []) assert.match(text, e, row.name);
    if (row.not) assert.doesNotMatch(text, row.not, row.name);
    assert.doesNotMatch(text, LEAKS, row.name);
  }
});

test('prose: no diagnosis where it is not certain', () => {
  const rows: { name: string; text: string }[] = [
    { name: 'undotted code without a cue', text: `Patient has I1${CARET}0 noted.\n` },
    { name: 'undotted code far from any cue', text: `Dx reviewed at length with the patient and the family over two visits today and before; then E1${CARET}19\n` },
    { name: 'a dotted code the list does not have', text: `Assessment: E11.${CARET}99 stable.\n` },
    { name: 'lower-case', text: `Assessment: e11.${CARET}9 stable.\n` },
    { name: 'a version number', text: `Release notes for v1.${CARET}2.3\n` },
  ];
  for (const row of rows) assert.equal(hoverText(row.text, 'plaintext'), undefined, row.name);
  // a HCPCS Level II code is never a diagnosis in prose, even after a cue and even when ICD-10-CM has the same letters (M5416)
  for (const text of [`Dx: M54${CARET}16 today\n`, `ICD-10: J75${CARET}07\n`]) {
    const h = hoverText(text, 'plaintext');
    assert.doesNotMatch(h ?? '', /Radiculopathy|ICD-10-CM|diagnosis/, text);
  }
});

test('diagnosis card: never filler', () => {
  const place = { date: '2025-11-05', dateLabel: 'the date of service 2025-11-05', system: 'icd10' as const };
  const rows: [string, RegExp][] = [
    ['E119', /Billable:\*\* yes/],
    ['E11', /Billable:\*\* no/],
    ['W2131', /Struck by shoe cleats.*3 codes/s],
    ['12345', /not shaped like an ICD-10-CM code/],
    ['E1199', /is not an ICD-10-CM code/],
  ];
  for (const [written, expected] of rows) {
    const card = diagnosisCard(codes(), { ...place, written });
    assert.match(card, expected, written);
    assert.doesNotMatch(card, LEAKS, written);
  }
  assert.match(diagnosisCard(undefined, { ...place, written: 'E119' }), new RegExp(NO_ICD10_LOADED.slice(0, 30)));
});

function labels(marked: string, languageId: string, loaded = true): { labels: string[]; newText: string[]; details: string[] } {
  const { ctx, carets } = build(marked, { languageId, diagnosisCodes: loaded ? codes() : undefined });
  const list = complete(ctx, carets[0]!);
  return {
    labels: list.items.map((i) => i.label),
    newText: list.items.map((i) => (i.textEdit as { newText: string } | undefined)?.newText ?? ''),
    details: list.items.map((i) => i.detail ?? ''),
  };
}

test('diagnosis completion: the billable codes under what is typed, with titles', () => {
  const hi = labels(claim(`HI*ABK:E11${CARET}`), 'x12');
  assert.deepEqual(hi.labels, ['E11.641', 'E11.649', 'E11.65', 'E11.69', 'E11.9']);
  assert.deepEqual(hi.newText, ['E11641', 'E11649', 'E1165', 'E1169', 'E119'], 'X12 writes no dot');
  assert.equal(hi.details[4], 'Type 2 diabetes mellitus without complications');
  assert.deepEqual(labels(claim(`HI*ABK:E119*ABF:W2131${CARET}`), 'x12').labels, ['W21.31XA', 'W21.31XD', 'W21.31XS']);
  const rows: { name: string; text: string; lang: string; expect: string[]; loaded?: boolean }[] = [
    { name: 'CSV, dotted cell keeps the dot', text: csvClaim(`E11.6${CARET}`), lang: 'csv', expect: ['E11.641', 'E11.649', 'E11.65', 'E11.69'] },
    { name: 'FHIR diagnosis', text: fhirClaim(`J45${CARET}`), lang: 'json', expect: ['J45.909', 'J45.998'] },
    { name: 'ICD-9 qualifier: nothing', text: claim(`HI*BK:250${CARET}`), lang: 'x12', expect: [] },
    { name: 'no list loaded: nothing', text: claim(`HI*ABK:E11${CARET}`), lang: 'x12', expect: [], loaded: false },
    { name: 'nothing typed: nothing', text: claim(`HI*ABK:${CARET}`), lang: 'x12', expect: [] },
    { name: 'a code position is still HCPCS', text: claim(`HI*ABK:E119~\nLX*2~\nSV1*HC:J75${CARET}`), lang: 'x12', expect: [] },
  ];
  for (const row of rows) {
    const got = labels(row.text, row.lang, row.loaded !== false);
    if (row.name === 'a code position is still HCPCS') assert.ok(!got.labels.some((l) => l.includes('.')), row.name);
    else assert.deepEqual(got.labels, row.expect, row.name);
  }
  const csvDotted = labels(csvClaim(`E11.6${CARET}`), 'csv');
  assert.deepEqual(csvDotted.newText, ['E11.641', 'E11.649', 'E11.65', 'E11.69']);
});
