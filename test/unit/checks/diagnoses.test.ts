// invalid-diagnosis-pointer, missing-diagnosis-pointer, missing-principal-diagnosis: one row per case,
// a silent row beside each one that fires (claims only: 837I lines, remittances, CSV stay silent).
import { test } from 'node:test';
import { checkRule, csv, x12 } from './harness';

/** an 837P claim (CLM01 T-1, marked ⟦T-1⟧ when `markClaim`) with these claim-level and line segments */
const p837 = (segments: string[], markClaim = false) => {
  const text = x12(...segments);
  return markClaim ? text.replace('CLM*T-1*', 'CLM*⟦T-1⟧*') : text;
};
const line = (sv1: string) => ['LX*1', sv1, 'DTP*472*D8*20251105'];

/** an 837I (005010X223A2) claim with the given claim-level segments and one SV2 line */
function i837(claim: string[], markClaim = false): string {
  const segs = [
    'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *251120*0930*^*00501*000000001*0*T*:~',
    'GS*HC*TESTSUBMITTER*TESTRECEIVER*20251120*0930*1*X*005010X223A2~',
    'ST*837*0001*005010X223A2~',
    'BHT*0019*00*T1*20251120*0930*CH~',
    'HL*1**20*1~',
    'HL*2*1*22*0~',
    `CLM*${markClaim ? '⟦I-1⟧' : 'I-1'}*100***13:A:1*Y*A*Y*Y~`,
    'DTP*434*RD8*20251105-20251105~',
    ...claim.map((s) => `${s}~`),
    'LX*1~',
    'SV2*0636*HC:J1745*300*UN*10~',
    'DTP*472*D8*20251105~',
    'SE*99*0001~',
    'GE*1*1~',
    'IEA*1*000000001~',
  ];
  return segs.join('\n') + '\n';
}

/** an 835 paying one line (history: no claim rule runs) */
const remittance = [
  'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *251120*0930*^*00501*000000001*0*T*:~',
  'GS*HP*PAYER*PROVIDER*20251120*0930*1*X*005010X221A1~',
  'ST*835*0001~',
  'BPR*I*10*C*CHK************20251120~',
  'CLP*R-1*1*100*10**MB*1~',
  'SVC*HC:J1745*100*10**10~',
  'DTM*472*20251105~',
  'SE*7*0001~',
  'GE*1*1~',
  'IEA*1*000000001~',
].join('\n') + '\n';

const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
/** a FHIR Claim (or EOB) with diagnoses of these sequences and one item pointing at `pointers` */
function fhirClaim(o: { type?: string; sequences?: (number | undefined)[]; principalType?: boolean; pointers?: string }): string {
  const diagnoses = (o.sequences ?? []).map((s, i) => {
    const seq = s === undefined ? '' : `"sequence": ${s}, `;
    const type = o.principalType && i === 0 ? `"type": [{"coding": [{"code": "principal"}]}], ` : '';
    return `{${seq}${type}"diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "${i === 0 ? '⟦E11.9⟧' : 'I10'}"}]}}`;
  });
  const pointers = o.pointers === undefined ? '' : `"diagnosisSequence": [${o.pointers}], `;
  return `{"resourceType": "${o.type ?? 'Claim'}", "id": "f1",${o.sequences ? ` "diagnosis": [${diagnoses.join(', ')}],` : ''} "item": [{"sequence": 1, ${pointers}"productOrService": {"coding": [{"system": "${HCPCS}", "code": "J1745"}]}, "servicedDate": "2025-11-05", "quantity": {"value": 10}}]}\n`;
}
/** fhirClaim without the mark on the first diagnosis (rows where this rule must stay silent on it) */
const plain = (text: string) => text.replace('⟦E11.9⟧', 'E11.9');

test('invalid-diagnosis-pointer', (t) =>
  checkRule(t, 'invalid-diagnosis-pointer', [
    { name: 'pointer 3 of two diagnoses', text: p837(['HI*ABK:E119*ABF:I10', ...line('SV1*HC:J1745:JZ*300*UN*10***⟦3⟧')]), messages: ['Diagnosis pointer 3 names no diagnosis: there is no HI position 3; the claim lists 2 diagnoses (positions 1-2)'] },
    { name: 'pointers 1 and 2 of two diagnoses', text: p837(['HI*ABK:E119*ABF:I10', ...line('SV1*HC:J1745:JZ*300*UN*10***1:2')]) },
    { name: 'the fourth pointer only', text: p837(['HI*ABK:E119*ABF:I10*ABF:E785', ...line('SV1*HC:J1745:JZ*300*UN*10***1:2:3:⟦4⟧')]) },
    { name: 'four pointers of four diagnoses', text: p837(['HI*ABK:E119*ABF:I10*ABF:E785*ABF:Z7982', ...line('SV1*HC:J1745:JZ*300*UN*10***1:2:3:4')]) },
    { name: 'pointer 13 is outside 1-12', text: p837(['HI*ABK:E119*ABF:I10', ...line('SV1*HC:J1745:JZ*300*UN*10***1:⟦13⟧')]), messages: ['Diagnosis pointer 13 is outside 1-12'] },
    { name: 'pointer 12 of twelve diagnoses', text: p837(['HI*ABK:E119*ABF:I10*ABF:E785*ABF:Z7982*ABF:E6601*ABF:R739*ABF:N183*ABF:I509*ABF:J449*ABF:K219*ABF:M170*ABF:G4733', ...line('SV1*HC:J1745:JZ*300*UN*10***12')]) },
    { name: 'pointer 0', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***⟦0⟧')]), messages: ['Diagnosis pointer 0 is outside 1-12'] },
    { name: 'pointer 1', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: 'no HI at all', text: p837([...line('SV1*HC:J1745:JZ*300*UN*10***⟦1⟧')]), messages: ['Diagnosis pointer 1 names no diagnosis: there is no HI position 1; the claim lists no diagnosis'] },
    { name: 'a condition-code HI takes no position', text: p837(['HI*ABK:E119', 'HI*BG:09', ...line('SV1*HC:J1745:JZ*300*UN*10***1:⟦2⟧')]) },
    { name: 'diagnoses across two HI segments', text: p837(['HI*ABK:E119', 'HI*ABF:I10', 'HI*BG:09', ...line('SV1*HC:J1745:JZ*300*UN*10***1:2')]) },
    { name: 'damaged element form: 3 of 3', text: p837(['HI*BK*8901*BF*87200*BF:5559', ...line('SV1*HC:J1745:JZ*300*UN*10***1:2:3')]) },
    { name: 'damaged element form: 4 of 3', text: p837(['HI*BK*8901*BF*87200*BF:5559', ...line('SV1*HC:J1745:JZ*300*UN*10***1:2:3:⟦4⟧')]) },
    { name: 'an unreadable pointer is the reader’s (x12-bad-pointer), not this rule’s', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***A')]) },
    { name: 'FHIR Claim: a sequence no diagnosis has', text: fhirClaim({ sequences: [1], pointers: '1, 2' }).replace('"diagnosisSequence": [1, 2]', '"diagnosisSequence": [1, ⟦2⟧]').replace('⟦E11.9⟧', 'E11.9'), messages: ['Diagnosis pointer 2 names no diagnosis: there is no diagnosis.sequence 2; the claim lists 1 diagnosis (position 1)'] },
    { name: 'FHIR Claim: sequences that exist', text: plain(fhirClaim({ sequences: [1, 2], pointers: '1, 2' })) },
    { name: 'FHIR Claim: 13 is fine when a diagnosis has sequence 13', text: plain(fhirClaim({ sequences: [13], pointers: '13' })) },
    { name: 'FHIR ExplanationOfBenefit (history): silent', text: plain(fhirClaim({ type: 'ExplanationOfBenefit', sequences: [1], pointers: '2' })) },
    { name: 'notes are not claims', text: 'Tacrolimus J7507 x 5 units, diagnosis pointer 3.' },
  ]));

test('missing-diagnosis-pointer', (t) =>
  checkRule(t, 'missing-diagnosis-pointer', [
    { name: 'SV1 without SV107', text: p837(['HI*ABK:E119', ...line('SV1*HC:⟦J1745⟧:JZ*300*UN*10')]), messages: ['The line has no diagnosis pointer'] },
    { name: 'SV1 with SV107', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: 'SV107 empty, later elements written', text: p837(['HI*ABK:E119', ...line('SV1*HC:⟦J1745⟧:JZ*300*UN*10*11****Y')]) },
    { name: 'SV107 written after place of service', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10*11**1**Y')]) },
    { name: 'SV107 of separators only', text: p837(['HI*ABK:E119', ...line('SV1*HC:⟦J1745⟧:JZ*300*UN*10***:')]) },
    { name: 'an unreadable SV107 is the reader’s problem', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***A')]) },
    { name: 'one line of two', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***1'), 'LX*2', 'SV1*HC:⟦J7507⟧*10*UN*1', 'DTP*472*D8*20251105']) },
    { name: 'two lines with pointers', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***1'), 'LX*2', 'SV1*HC:J7507*10*UN*1***1', 'DTP*472*D8*20251105']) },
    { name: '837I SV2 lines have no pointer', text: i837(['HI*ABK:E119']) },
    { name: '835 SVC lines are history', text: remittance },
    { name: 'FHIR items need no diagnosisSequence', text: plain(fhirClaim({ sequences: [1] })) },
    { name: 'CSV rows need no pointer', text: csv('J1745,JZ,,10,,2025-11-05,') },
  ]));

test('missing-principal-diagnosis', (t) =>
  checkRule(t, 'missing-principal-diagnosis', [
    { name: '837P without HI', text: p837(line('SV1*HC:J1745:JZ*300*UN*10***1'), true), messages: ['The claim has no principal diagnosis: add HI*ABK:'] },
    { name: '837P with ABK', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: '837P whose HI holds only ABF', text: p837(['HI*⟦ABF⟧:I10*ABF:E785', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]), messages: ["The claim's first HI diagnosis is not marked principal"] },
    { name: '837P with ABK then ABF', text: p837(['HI*ABK:E119*ABF:I10', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: 'ICD-9 BF only', text: p837(['HI*⟦BF⟧:4019', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: 'ICD-9 BK', text: p837(['HI*BK:4019', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: 'damaged element form BK', text: p837(['HI*BK*8901*BF*87200', ...line('SV1*HC:J1745:JZ*300*UN*10***1')]) },
    { name: 'only a condition-code HI', text: p837(['HI*BG:09', ...line('SV1*HC:J1745:JZ*300*UN*10***1')], true) },
    { name: 'once per claim, not per line', text: p837([...line('SV1*HC:J1745:JZ*300*UN*10***1'), 'LX*2', 'SV1*HC:J7507*10*UN*1***1', 'DTP*472*D8*20251105'], true) },
    { name: 'two lines with a principal diagnosis', text: p837(['HI*ABK:E119', ...line('SV1*HC:J1745:JZ*300*UN*10***1'), 'LX*2', 'SV1*HC:J7507*10*UN*1***1', 'DTP*472*D8*20251105']) },
    { name: '837I without a principal diagnosis', text: i837(['HI*ABF:I10'], false).replace('HI*ABF', 'HI*⟦ABF⟧') },
    { name: '837I with BK in its own HI', text: i837(['HI*BK:3669', 'HI*BF:4019*BF:79431', 'HI*BG:09']) },
    { name: '837I without HI', text: i837([], true) },
    { name: '837I with ABK', text: i837(['HI*ABK:S72001A', 'HI*ABJ:R52']) },
    { name: '835 remittance', text: remittance },
    { name: 'FHIR Claim whose diagnoses start at sequence 2', text: fhirClaim({ sequences: [2, 3] }) },
    { name: 'FHIR Claim with sequence 1', text: plain(fhirClaim({ sequences: [1, 2] })) },
    { name: 'FHIR Claim with type principal', text: plain(fhirClaim({ sequences: [2, 3], principalType: true })) },
    { name: 'FHIR Claim without sequences (position 1 is principal)', text: plain(fhirClaim({ sequences: [undefined, undefined] })) },
    { name: 'FHIR Claim without any diagnosis', text: plain(fhirClaim({})) },
    { name: 'FHIR ExplanationOfBenefit starting at 2', text: plain(fhirClaim({ type: 'ExplanationOfBenefit', sequences: [2] })) },
    { name: 'CSV without diagnosis columns', text: csv('J1745,JZ,,10,,2025-11-05,') },
    { name: 'notes', text: 'Claim for J1745 x 10 units, no diagnosis yet.' },
  ]));
