// Diagnoses and line pointers as the readers give them: HI composites (qualifier, position, system,
// principal), the problems of HI composites without a known qualifier, SV107 pointers and their
// problems, FHIR item.diagnosisSequence. One row per case, a silent row beside each problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readX12 } from '../../../server/src/documents/x12';
import { readFhir } from '../../../server/src/documents/fhir';
import { readCsv } from '../../../server/src/documents/csv';
import { classifyHeader } from '../../../server/src/documents/csv-columns';
import type { ClaimDocument } from '../../../server/src/model';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~';

/** an 837 (P or I) around claim-level segments */
function x12(body: string[], version = '005010X222A1'): string {
  const segs = [ISA, `GS*HC*S*R*20251105*1200*1*X*${version}~`, `ST*837*0001*${version}~`, 'BHT*0019*00*1*20251105*1200*CH~', 'HL*1**20*1~', 'HL*2*1*22*0~', ...body, 'SE*9*0001~', 'GE*1*1~', 'IEA*1*000000001~'];
  return segs.join('\n') + '\n';
}

const diagnosesOf = (doc: ClaimDocument) => doc.claims[0]!.diagnoses.map((d) => [d.position, d.value, d.qualifier?.value, d.system, d.principal ? 'principal' : ''].join(' ').trim());
const problemsOf = (doc: ClaimDocument, text: string) => doc.problems.map((p) => `${p.id} ${JSON.stringify(text.slice(p.range.start, p.range.end))}`);

interface HiRow {
  name: string;
  hi: string[];
  diagnoses: string[];
  problems?: string[];
}

const hiRows: HiRow[] = [
  { name: 'ICD-10 principal and others', hi: ['HI*ABK:E119*ABF:I10*ABF:Z7982~'], diagnoses: ['1 E119 ABK icd10 principal', '2 I10 ABF icd10', '3 Z7982 ABF icd10'] },
  { name: 'lower-case qualifiers are read', hi: ['HI*abk:E119*abf:I10~'], diagnoses: ['1 E119 abk icd10 principal', '2 I10 abf icd10'] },
  { name: 'ICD-9', hi: ['HI*BK:0340*BF:V7389~'], diagnoses: ['1 0340 BK icd9 principal', '2 V7389 BF icd9'] },
  { name: 'positions run on across HI segments', hi: ['HI*ABK:E119~', 'HI*ABF:I10*ABF:E785~'], diagnoses: ['1 E119 ABK icd10 principal', '2 I10 ABF icd10', '3 E785 ABF icd10'] },
  { name: 'damaged element form, mixed with composites', hi: ['HI*BK*8901*BF*87200*BF:5559~'], diagnoses: ['1 8901 BK icd9 principal', '2 87200 BF icd9', '3 5559 BF icd9'] },
  { name: '837I roles: admitting, reason for visit, external cause', hi: ['HI*ABK:S72001A~', 'HI*ABJ:R52~', 'HI*APR:R52~', 'HI*ABN:W010XXA~'], diagnoses: ['1 S72001A ABK icd10 principal', '2 R52 ABJ icd10', '3 R52 APR icd10', '4 W010XXA ABN icd10'] },
  { name: 'other qualifiers take no position and are silent', hi: ['HI*ABK:E119~', 'HI*BG:09~', 'HI*BH:A1:D8:20250101*BE:A2:::15.31~', 'HI*BP:0BH17EZ~', 'HI*ABF:I10~'], diagnoses: ['1 E119 ABK icd10 principal', '2 I10 ABF icd10'] },
  { name: 'a qualifier without a code is no diagnosis', hi: ['HI*ABK:E119*ABF:~'], diagnoses: ['1 E119 ABK icd10 principal'] },
  { name: 'composite without a qualifier', hi: ['HI*E119*ABF:I10~'], diagnoses: ['1 I10 ABF icd10'], problems: ['x12-hi-qualifier "E119"'] },
  { name: 'composite with an empty qualifier', hi: ['HI*ABK:E119*:I10~'], diagnoses: ['1 E119 ABK icd10 principal'], problems: ['x12-hi-qualifier ":I10"'] },
  { name: 'unknown qualifier', hi: ['HI*ABK:E119*XYZ:I10~'], diagnoses: ['1 E119 ABK icd10 principal'], problems: ['x12-hi-qualifier "XYZ"'] },
  { name: 'a known qualifier alone at the end is silent', hi: ['HI*ABK:E119*BF~'], diagnoses: ['1 E119 ABK icd10 principal'] },
];

for (const row of hiRows) {
  test(`x12 HI: ${row.name}`, () => {
    const text = x12(['CLM*C1*10***11:B:1*Y*A*Y*Y~', ...row.hi, 'LX*1~', 'SV1*HC:J7507*10*UN*1***1~']);
    const doc = readX12(text);
    assert.deepEqual(diagnosesOf(doc), row.diagnoses);
    assert.deepEqual(problemsOf(doc, text), row.problems ?? []);
  });
}

test('x12 HI: a problem message names the qualifier but never the code', () => {
  const text = x12(['CLM*C1*10***11:B:1*Y*A*Y*Y~', 'HI*F1020~', 'HI*XYZ:E119~', 'LX*1~', 'SV1*HC:J7507*10*UN*1***1~']);
  const problems = readX12(text).problems;
  assert.deepEqual(problems.map((p) => `${p.id} ${p.severity}`), ['x12-hi-qualifier warning', 'x12-hi-qualifier warning']);
  const messages = problems.map((p) => p.message);
  assert.equal(messages.length, 2);
  assert.ok(messages.every((m) => !m.includes('F1020') && !m.includes('E119')), messages.join('\n'));
  assert.match(messages[1]!, /"XYZ"/);
});

interface PointerRow {
  name: string;
  sv1: string;
  /** the pointers read, as written; undefined: none at all */
  pointers?: string[];
  problems?: string[];
  /** the claim's HI segment (default HI*ABK:E119*ABF:I10~) */
  hi?: string;
}

const pointerRows: PointerRow[] = [
  { name: 'one pointer', sv1: 'SV1*HC:J7507*10*UN*1***1~', pointers: ['1'] },
  { name: 'four pointers', sv1: 'SV1*HC:J7507*10*UN*1***1:2:3:4~', pointers: ['1', '2', '3', '4'] },
  { name: 'with place of service and emergency indicator after', sv1: 'SV1*HC:99211:25*12.25*UN*1*11**1:2:3**Y~', pointers: ['1', '2', '3'] },
  { name: 'no SV107', sv1: 'SV1*HC:J7507*10*UN*1~' },
  { name: 'empty SV107', sv1: 'SV1*HC:J7507*10*UN*1****Y~' },
  { name: 'SV107 of separators only', sv1: 'SV1*HC:J7507*10*UN*1***:~' },
  { name: 'an empty component is skipped', sv1: 'SV1*HC:J7507*10*UN*1***1::2~', pointers: ['1', '2'] },
  { name: 'out-of-range numbers are read (a rule judges them)', sv1: 'SV1*HC:J7507*10*UN*1***0:13~', pointers: ['0', '13'] },
  { name: 'a letter is reported', sv1: 'SV1*HC:J7507*10*UN*1***A:2~', pointers: ['2'], problems: ['x12-bad-pointer "A"'] },
  { name: 'a comma list is reported', sv1: 'SV1*HC:J7507*10*UN*1***1,2~', pointers: [], problems: ['x12-bad-pointer "1,2"'] },
  { name: 'a decimal is reported', sv1: 'SV1*HC:J7507*10*UN*1***1.5~', pointers: [], problems: ['x12-bad-pointer "1.5"'] },
  { name: 'a long number is reported', sv1: 'SV1*HC:J7507*10*UN*1***12345~', pointers: [], problems: ['x12-bad-pointer "12345"'] },
  { name: "the body's component separator", hi: 'HI*ABK>E119*ABF>I10~', sv1: 'SV1*HC>J7507*10*UN*1***1>2~', pointers: ['1', '2'], problems: ['x12-component-mismatch ">"'] },
];

for (const row of pointerRows) {
  test(`x12 SV107: ${row.name}`, () => {
    const text = x12(['CLM*C1*10***11:B:1*Y*A*Y*Y~', row.hi ?? 'HI*ABK:E119*ABF:I10~', 'LX*1~', row.sv1]);
    const doc = readX12(text);
    const line = doc.claims[0]!.lines[0]!;
    assert.deepEqual(line.diagnosisPointers?.map((p) => text.slice(p.range.start, p.range.end)), row.pointers);
    assert.deepEqual(line.diagnosisPointers?.map((p) => String(p.value)), row.pointers);
    assert.deepEqual(problemsOf(doc, text), row.problems ?? []);
  });
}

test('x12 SV107: a bad pointer is a warning that names the pointer and the separator, and the line is still read', () => {
  const text = x12(['CLM*C1*10***11:B:1*Y*A*Y*Y~', 'HI*ABK:E119~', 'LX*1~', 'SV1*HC:J7507:KX*10*UN*5***A~']);
  const doc = readX12(text);
  assert.deepEqual(doc.problems.map((p) => [p.id, p.severity, p.message]), [['x12-bad-pointer', 'warning', `Diagnosis pointer "A" is not a number: SV107 holds up to four pointers 1 to 12, separated by ':'.`]]);
  const line = doc.claims[0]!.lines[0]!;
  assert.deepEqual([line.code.value, line.modifiers.map((m) => m.value), line.units?.value], ['J7507', ['KX'], 5]);
});

test('x12 SV2 (837I) lines carry no pointers, even with seven elements', () => {
  const text = x12(['CLM*C1*10***14:A:1*Y*A*Y*Y~', 'HI*ABK:E119~', 'LX*1~', 'SV2*0250*HC:J7507*10*UN*1*5*1~'], '005010X223A2');
  const line = readX12(text).claims[0]!.lines[0]!;
  assert.equal(line.diagnosisPointers, undefined);
});

interface FhirRow {
  name: string;
  item: string;
  pointers?: number[];
}

const fhirRows: FhirRow[] = [
  { name: 'diagnosisSequence', item: '"diagnosisSequence": [1, 2]', pointers: [1, 2] },
  { name: 'none', item: '"sequence": 1' },
  { name: 'empty array', item: '"diagnosisSequence": []', pointers: [] },
  { name: 'non-integers are not pointers', item: '"diagnosisSequence": ["1", 1.5, 2]', pointers: [2] },
  { name: 'zero kept for the rule', item: '"diagnosisSequence": [0]', pointers: [0] },
];

for (const row of fhirRows) {
  test(`fhir item.diagnosisSequence: ${row.name}`, () => {
    const text = `{"resourceType": "Claim", "id": "c1", "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}}], "item": [{${row.item}, "productOrService": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J7507"}]}}]}`;
    const doc = readFhir(text);
    const line = doc.claims[0]!.lines[0]!;
    assert.deepEqual(line.diagnosisPointers?.map((p) => p.value), row.pointers);
    for (const p of line.diagnosisPointers ?? []) assert.equal(text.slice(p.range.start, p.range.end), String(p.value));
    assert.deepEqual(diagnosesOf(doc), ['1 E11.9  icd10 principal']); // no HI qualifier in FHIR
  });
}

const pointerHeaders: [string, string][] = [
  ['Diagnosis Pointer', 'diagnosisPointer'],
  ['DX_PTR', 'diagnosisPointer'],
  ['dx pointer 1', 'diagnosisPointer'],
  ['LINE_DGNS_PNTR', 'diagnosisPointer'],
  ['Diagnosis Code Pointer', 'diagnosisPointer'],
  ['Pointers', 'diagnosisPointer'],
  // negative rows: diagnosis columns stay diagnoses
  ['ICD_DGNS_CD1', 'diagnosis'],
  ['LINE_ICD_DGNS_CD', 'diagnosis'],
  ['Diagnosis', 'diagnosis'],
  ['DX1', 'diagnosis'],
  ['PRNCPAL_DGNS_CD', 'diagnosis'],
];

for (const [header, role] of pointerHeaders) {
  test(`csv header ${JSON.stringify(header)} is a ${role} column`, () => assert.equal(classifyHeader(header, 0).role, role));
}

test('csv: a pointer column is never read as diagnosis codes (CMS-1500 letters, numbers)', () => {
  const text = 'claim_id,hcpcs,units,diagnosis pointer,dx1,dx2\nC1,J7507,5,ABCD,E119,I10\nC1,J7502,1,1234,E119,I10\n';
  const doc = readCsv(text);
  assert.deepEqual(diagnosesOf(doc), ['1 E119  unknown principal', '2 I10  unknown']);
  assert.deepEqual(doc.mentions.map((m) => m.code.value).filter((v) => v === 'ABCD' || v === '1234'), []);
  assert.ok(doc.claims[0]!.lines.every((l) => l.diagnosisPointers === undefined));
});
