// missing-ndc, invalid-ndc, noc-needs-description, drug-mismatch
import { test } from 'node:test';
import { checkRule, csv, fhir, x12 } from './harness';

const line = (...segs: string[]) => x12('LX*1', ...segs);

test('missing-ndc', (t) =>
  checkRule(t, 'missing-ndc', [
    { name: 'drug line without LIN', text: line('SV1*HC:⟦J1745⟧:JZ*300*UN*10***1'), messages: ['J1745 is a drug code'] },
    { name: 'with LIN*N4', text: line('SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*57894003001', 'CTP****1*UN') },
    { name: 'not a drug code', codeset: 'full', text: line('SV1*HC:E0431:RR*59*UN*1***1') },
    { name: 'CSV exports are not asked (not an 837)', text: csv('J1745,JZ,,10,,2025-11-05,infliximab') },
    { name: 'commercial profile: off', text: line('SV1*HC:J1745:JZ*300*UN*10***1'), settings: { profile: 'commercial' } },
  ]));

test('invalid-ndc', (t) =>
  checkRule(t, 'invalid-ndc', [
    { name: '4-4-2 in X12 -> 11 digits', text: line('SV1*HC:J7507:KX*125*UN*5***1', 'LIN**N4*⟦0378-2045-01⟧', 'CTP****10*UN'), messages: ['NDC 0378-2045-01 is 4-4-2; claims need 11 digits (5-4-2): 00378204501'], fixes: ['Write the NDC as 00378204501'] },
    { name: '5-3-2 in X12', text: line('SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*⟦57894-030-01⟧'), fixes: ['Write the NDC as 57894003001'] },
    { name: '5-4-1 in X12', text: line('SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*⟦57894-0030-1⟧'), fixes: ['Write the NDC as 57894003001'] },
    { name: 'hyphenated 5-4-2 in X12: hyphens go', text: line('SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*⟦57894-0030-01⟧'), fixes: ['Write the NDC as 57894003001'] },
    { name: '11 digits', text: line('SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*57894003001') },
    { name: '10 digits without hyphens: ambiguous, no fix', text: line('SV1*HC:J1745:JZ*300*UN*10***1', 'LIN**N4*⟦5789403001⟧'), messages: ['is 10 digits'], fixes: [] },
    { name: 'CSV: hyphenated 5-4-2 is fine', text: csv('J1745,JZ,,10,57894-0030-01,2025-11-05,') },
    { name: 'CSV: 4-4-2 is padded with hyphens kept', text: csv('J7507,KX,,5,⟦0378-2045-01⟧,2025-11-05,'), fixes: ['Write the NDC as 00378-2045-01'] },
    { name: 'letters', text: csv('J7507,KX,,5,⟦ABC⟧,2025-11-05,'), messages: ['is not numeric'] },
  ]));

test('noc-needs-description', (t) =>
  checkRule(t, 'noc-needs-description', [
    { name: 'J3490 with nothing', text: line('SV1*HC:⟦J3490⟧*80*UN*1***1', 'LIN**N4*81298855203'), messages: ['there is no description (SV101-7 or NTE)'] },
    {
      name: 'J3490 with a full SV101-7',
      text: line('SV1*HC:J3490:::::VASOPRESSIN 20 UNITS NDC 81298-8552-03*80*UN*1***1', 'LIN**N4*81298855203', 'CTP****1*UN'),
    },
    { name: 'NTE names drug and dose; LIN has the NDC', text: line('SV1*HC:J3490*80*UN*1***1', 'NTE*ADD*VASOPRESSIN 20 UNITS', 'LIN**N4*81298855203') },
    { name: 'NTE lacks the dose and NDC', text: line('SV1*HC:⟦J3490⟧*80*UN*1***1', 'NTE*ADD*VASOPRESSIN'), messages: ['the description lacks the NDC, dose'] },
    { name: 'NTE without a name', text: line('SV1*HC:⟦J3490⟧*80*UN*1***1', 'NTE*ADD*20 UNITS NDC 81298-8552-03'), messages: ['the description lacks the drug name'] },
    { name: 'not a NOC code', text: line('SV1*HC:J1745:JZ*300*UN*10***1') },
    { name: 'CSV description column', text: csv('J3490,,,1,,2025-11-05,⟦vasopressin⟧'), messages: ['lacks the NDC, dose'] },
  ]));

test('drug-mismatch', (t) =>
  checkRule(t, 'drug-mismatch', [
    {
      name: 'J7520 (tacrolimus): fix to J7507 (same route, same 1 mg unit)',
      text: 'Patient takes ⟦J7520⟧ (tacrolimus) 2 mg daily.',
      messages: ['J7520 is sirolimus, not tacrolimus; codes for tacrolimus: J7503, J7507, J7508'],
      fixes: ['Replace J7520 with J7507 (tacrolimus)'],
      fixMayChange: ['units-vs-dose', 'missing-kx'], // findings on the code now name J7507
    },
    { name: 'J7507 (tacrolimus)', text: 'Patient takes J7507 (tacrolimus) 2 mg daily.' },
    { name: 'a name no code covers is not judged', text: 'Patient takes J7520 (prograf) 2 mg daily.' },
    {
      name: 'X12 NTE names another drug',
      text: line('SV1*HC:⟦J7520⟧:KX*80*UN*2***1', 'NTE*ADD*TACROLIMUS 2 MG'),
      fixes: ['Replace J7520 with J7507 (tacrolimus)'],
      fixMayChange: ['units-vs-dose', 'missing-ndc'],
    },
    {
      name: 'no single same-form same-strength code: no fix (cyclosporine for J7507: 25 mg and 100 mg oral)',
      text: 'Patient takes ⟦J7507⟧ (cyclosporine) daily.',
      fixes: [],
    },
    { name: 'FHIR item text', text: fhir({ code: '⟦J7520⟧', modifiers: ['KX'], quantity: 2, text: 'tacrolimus 2 mg' }), fixMayChange: ['units-vs-dose'] },
  ]));
