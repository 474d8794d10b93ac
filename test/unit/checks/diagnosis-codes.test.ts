// unknown-diagnosis, diagnosis-not-billable: a claim's diagnoses against the ICD-10-CM release in
// force on its dates (the committed FY2026 excerpt unless a row says otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkRule, coreCodeSet, x12 } from './harness';
import { fixtureDiagnosisCodes } from '../../support/icd10';

/** an 837P claim (dated 2025-11-05 unless `date` says otherwise) with an HI segment and one line */
const claim = (hi: string, date = '20251105') => x12(hi, 'LX*1', 'SV1*HC:J7507*125*UN*5***1', `DTP*472*D8*${date}`);
/** a claim CSV export with a diagnosis column */
const csvClaim = (dx: string, date = '2025-11-05') => `claim_id,hcpcs_code,units,service_date,icd10_dx_1\nC1,J7507,5,${date},${dx}\n`;
/** a FHIR Claim with one diagnosis */
const fhirClaim = (code: string, system = 'http://hl7.org/fhir/sid/icd-10-cm', resourceType = 'Claim') =>
  `{"resourceType":"${resourceType}","id":"c1","billablePeriod":{"start":"2025-11-05"},"diagnosis":[{"sequence":1,"diagnosisCodeableConcept":{"coding":[{"system":"${system}","code":"${code}"}]}}],` +
  `"item":[{"sequence":1,"productOrService":{"coding":[{"system":"https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J7507"}]},"servicedDate":"2025-11-05","quantity":{"value":5}}]}\n`;

test('unknown-diagnosis', (t) =>
  checkRule(t, 'unknown-diagnosis', [
    { name: 'X12 principal diagnosis that FY2026 does not have', text: claim('HI*ABK:⟦E1199⟧'), messages: ['E11.99 is not an ICD-10-CM code in ICD-10-CM FY2026 (date of service 2025-11-05)'] },
    { name: 'billable code: silent', text: claim('HI*ABK:E119') },
    { name: 'a header is not unknown (the other rule)', text: claim('HI*ABK:E11') },
    { name: 'second diagnosis of several', text: claim('HI*ABK:E119*ABF:⟦I109⟧*ABF:R0602') },
    { name: 'several known diagnoses: silent', text: claim('HI*ABK:E119*ABF:I10*ABF:Z7982') },
    { name: 'ICD-9 (BK/BF) on an old claim is another code set', text: claim('HI*BK:4019*BF:25000', '20140302') },
    { name: 'ICD-9 (BK) on a FY2026 date is still not judged against ICD-10-CM', text: claim('HI*BK:4019', '20251105') },
    { name: 'a date before the loaded releases: not known here', text: claim('HI*ABK:E1199', '20240105') },
    { name: 'FY2026 covers its first day', text: claim('HI*ABK:⟦E1199⟧', '20251001') },
    { name: 'not the day before', text: claim('HI*ABK:E1199', '20250930') },
    {
      name: 'a date past the newest release: information with the caveat, not certainty',
      text: claim('HI*ABK:⟦E1199⟧', '20261105'),
      messages: ['this date is later: load the current ICD-10-CM release'],
    },
    { name: 'not shaped like ICD-10 in an ICD-10 qualifier', text: claim('HI*ABK:⟦12345⟧'), messages: ['"12345" is not shaped like an ICD-10-CM code'] },
    { name: 'no ICD-10-CM list loaded: nothing fires', icd10: 'none', text: claim('HI*ABK:E1199') },
    { name: 'CSV diagnosis column', text: csvClaim('⟦E11.99⟧') },
    { name: 'CSV diagnosis column, dotted and known', text: csvClaim('E11.9') },
    { name: 'CSV column of unknown system: an ICD-9 shaped code is not judged', text: csvClaim('250.00') },
    { name: 'FHIR Claim diagnosis', text: fhirClaim('⟦E11.99⟧') },
    { name: 'FHIR Claim diagnosis known', text: fhirClaim('E11.9') },
    { name: 'FHIR ICD-9 system is not judged', text: fhirClaim('250.00', 'http://hl7.org/fhir/sid/icd-9-cm') },
    { name: 'FHIR ExplanationOfBenefit (paid history): silent', text: fhirClaim('E11.99', 'http://hl7.org/fhir/sid/icd-10-cm', 'ExplanationOfBenefit') },
    { name: 'a note naming a code: silent (claims only)', text: 'Dx E11.99 noted; billed J7507 x5 on 2025-11-05.\n' },
    { name: 'full release: a real code outside the excerpt is known', icd10: 'full', text: claim('HI*ABK:J449') },
    { name: 'full release: deleted or invented code', icd10: 'full', text: claim('HI*ABK:⟦J4499⟧') },
  ]));

test('diagnosis-not-billable', (t) =>
  checkRule(t, 'diagnosis-not-billable', [
    {
      name: 'a category (E11) billed as a code',
      text: claim('HI*ABK:⟦E11⟧'),
      messages: ['E11 is a category heading in ICD-10-CM FY2026, not billable on date of service 2025-11-05: it needs more characters; 5 billable codes lie under it (E11.641, E11.649, E11.65, …)'],
    },
    { name: 'the billable code under it: silent', text: claim('HI*ABK:E119') },
    { name: 'a subcategory (E11.64)', text: claim('HI*ABK:E119*ABF:⟦E1164⟧'), messages: ['2 billable codes lie under it (E11.641, E11.649)'] },
    { name: 'a seventh-character code: silent', text: claim('HI*ABK:W2131XA') },
    { name: 'its six-character parent is a header', text: claim('HI*ABK:⟦W2131⟧') },
    { name: 'a three-character billable code (I10): silent', text: claim('HI*ABK:I10') },
    { name: 'an unknown code is the other rule', text: claim('HI*ABK:E1199') },
    { name: 'ICD-9 category on an old claim: silent', text: claim('HI*BK:250', '20140302') },
    { name: 'before the loaded releases: silent', text: claim('HI*ABK:E11', '20200105') },
    { name: 'past the newest release: information with the caveat', text: claim('HI*ABK:⟦E11⟧', '20261105'), messages: ['load the current ICD-10-CM release'] },
    { name: 'no list loaded: silent', icd10: 'none', text: claim('HI*ABK:E11') },
    { name: 'CSV diagnosis column', text: csvClaim('⟦J45⟧') },
    { name: 'CSV billable: silent', text: csvClaim('J45.909') },
    { name: 'FHIR Claim', text: fhirClaim('⟦M54.1⟧') },
    { name: 'FHIR EOB: silent', text: fhirClaim('M54.1', 'http://hl7.org/fhir/sid/icd-10-cm', 'ExplanationOfBenefit') },
    { name: 'claim lines on both sides of October 1 that disagree: silent', text: x12('HI*ABK:E11', 'LX*1', 'SV1*HC:J7507*125*UN*5***1', 'DTP*472*D8*20250915', 'LX*2', 'SV1*HC:J7507*125*UN*5***1', 'DTP*472*D8*20251105') },
    { name: 'full release: J44 is a category', icd10: 'full', text: claim('HI*ABK:⟦J44⟧'), messages: ['billable codes lie under it (J44.0'] },
  ]));

test('past the newest release the diagnosis findings are information, never errors; within it they are errors', () => {
  const rows: [string, string, string][] = [
    ['20261105', 'HI*ABK:E1199', 'information'],
    ['20261105', 'HI*ABK:E11', 'information'],
    ['20251105', 'HI*ABK:E1199', 'error'],
    ['20251105', 'HI*ABK:E11', 'error'],
    // a shape error is certain whatever the date
    ['20261105', 'HI*ABK:12345', 'error'],
  ];
  for (const [date, hi, severity] of rows) {
    const found = check(claim(hi, date), { codeset: coreCodeSet(), diagnosisCodes: fixtureDiagnosisCodes() }).filter((f) => f.ruleId.includes('diagnosis'));
    assert.equal(found.length, 1, `${hi} on ${date}`);
    assert.equal(found[0]!.severity, severity, `${hi} on ${date}`);
  }
});

test('one claim with many diagnoses is judged once (on its first line), not once per line', () => {
  const text = x12('HI*ABK:E11*ABF:E1199', 'LX*1', 'SV1*HC:J7507*125*UN*5***1', 'DTP*472*D8*20251105', 'LX*2', 'SV1*HC:J7507*125*UN*5***1', 'DTP*472*D8*20251106');
  const found = check(text, { codeset: coreCodeSet(), diagnosisCodes: fixtureDiagnosisCodes() }).filter((f) => f.ruleId.includes('diagnosis'));
  assert.deepEqual(found.map((f) => f.ruleId).sort(), ['diagnosis-not-billable', 'unknown-diagnosis']);
});
