// Hover and go to definition on a diagnosis pointer (837P SV107, FHIR item.diagnosisSequence): the
// card names the diagnosis the pointer names, or says that it names none; the definition is the
// diagnosis code's range. Anything else under the cursor has no definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { definition } from '../../../server/src/features/definition';
import { locate } from '../../../server/src/features/locate';
import { build, CARET, LEAKS } from './support';

/** an 837P claim with this HI segment and one SV1 line (a caret may sit anywhere) */
function p837(hi: string, sv1: string): string {
  return [
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*P*:~',
    'GS*HC*SENDER*RECEIVER*20251105*1200*1*X*005010X222A1~',
    'ST*837*0001*005010X222A1~',
    'CLM*PCN1001*125***11:B:1*Y*A*Y*Y~',
    hi,
    'LX*1~',
    sv1,
    'DTP*472*D8*20251105~',
    'SE*13*0001~',
    'GE*1*1~',
    'IEA*1*000000001~',
    '',
  ].join('\n');
}

const fhirClaim = (pointers: string) =>
  `{"resourceType": "Claim", "id": "f1", "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}}, {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]}}], "item": [{"sequence": 1, "diagnosisSequence": [${pointers}], "productOrService": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J1745"}]}}]}\n`;

interface Row {
  name: string;
  text: string;
  languageId?: string;
  /** the hover's text (exact), or null for none */
  hover: string | null;
  /** the text the definition's range covers, or null for no definition */
  target: string | null;
}

const rows: Row[] = [
  { name: 'pointer 2 names the ABF diagnosis', text: p837('HI*ABK:E119*ABF:I10~', `SV1*HC:J1745:JZ*300*UN*10***1:${CARET}2~`), hover: '**Diagnosis pointer 2** → **I10** (HI position 2, ABF: other diagnosis)', target: 'I10' },
  { name: 'pointer 1 names the principal diagnosis (caret after the digit)', text: p837('HI*ABK:E119*ABF:I10~', `SV1*HC:J1745:JZ*300*UN*10***1${CARET}:2~`), hover: '**Diagnosis pointer 1** → **E119** (HI position 1, ABK: principal diagnosis)', target: 'E119' },
  { name: 'ICD-9 qualifier', text: p837('HI*BK:4019*BF:25000~', `SV1*HC:J1745:JZ*300*UN*10***${CARET}2~`), hover: '**Diagnosis pointer 2** → **25000** (HI position 2, BF: other diagnosis)', target: '25000' },
  { name: 'across two HI segments', text: p837('HI*ABK:E119~\nHI*BG:09~\nHI*ABF:I10~', `SV1*HC:J1745:JZ*300*UN*10***1:${CARET}2~`), hover: '**Diagnosis pointer 2** → **I10** (HI position 2, ABF: other diagnosis)', target: 'I10' },
  { name: 'damaged element form', text: p837('HI*BK*8901*BF*87200~', `SV1*HC:J1745:JZ*300*UN*10***${CARET}2~`), hover: '**Diagnosis pointer 2** → **87200** (HI position 2, BF: other diagnosis)', target: '87200' },
  { name: 'a position no diagnosis fills', text: p837('HI*ABK:E119*ABF:I10~', `SV1*HC:J1745:JZ*300*UN*10***${CARET}3~`), hover: '**Diagnosis pointer 3** names no diagnosis: there is no HI position 3; the claim lists 2 diagnoses (positions 1-2).', target: null },
  { name: 'outside 1-12', text: p837('HI*ABK:E119~', `SV1*HC:J1745:JZ*300*UN*10***${CARET}13~`), hover: '**Diagnosis pointer 13** names no diagnosis: SV107 pointers are 1-12; the claim lists 1 diagnosis (position 1).', target: null },
  { name: 'a claim without HI', text: p837('REF*D9*X~', `SV1*HC:J1745:JZ*300*UN*10***${CARET}1~`), hover: '**Diagnosis pointer 1** names no diagnosis: there is no HI position 1; the claim lists no diagnosis.', target: null },
  { name: 'FHIR diagnosisSequence', text: fhirClaim(`1, ${CARET}2`), languageId: 'json', hover: '**Diagnosis pointer 2** → **I10** (diagnosis.sequence 2, ICD-10-CM)', target: 'I10' },
  { name: 'FHIR diagnosisSequence naming no diagnosis', text: fhirClaim(`${CARET}3`), languageId: 'json', hover: '**Diagnosis pointer 3** names no diagnosis: there is no diagnosis with sequence 3; the claim lists 2 diagnoses (positions 1-2).', target: null },
];

for (const row of rows) {
  test(`pointer hover and definition: ${row.name}`, () => {
    const { ctx, carets, text } = build(row.text, { languageId: row.languageId ?? 'x12' });
    const at = carets[0]!;
    assert.equal(locate(ctx.model, at).kind, 'pointer');
    const h = hover(ctx, at);
    const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : null;
    assert.equal(value, row.hover);
    if (value) assert.doesNotMatch(value, LEAKS);
    const d = definition(ctx, at);
    if (row.target === null) assert.equal(d, null);
    else {
      assert.ok(d, 'a definition');
      assert.equal(d.uri, ctx.textDocument.uri);
      const start = ctx.textDocument.offsetAt(d.range.start);
      const end = ctx.textDocument.offsetAt(d.range.end);
      assert.equal(text.slice(start, end), row.target);
    }
  });
}

const silent: { name: string; text: string }[] = [
  { name: 'the procedure code', text: p837('HI*ABK:E119~', `SV1*HC:J17${CARET}45:JZ*300*UN*10***1~`) },
  { name: 'the units', text: p837('HI*ABK:E119~', `SV1*HC:J1745:JZ*300*UN*1${CARET}0***1~`) },
  { name: 'the diagnosis itself', text: p837(`HI*ABK:E1${CARET}19~`, 'SV1*HC:J1745:JZ*300*UN*10***1~') },
  { name: 'an unreadable pointer', text: p837('HI*ABK:E119~', `SV1*HC:J1745:JZ*300*UN*10***${CARET}A~`) },
];

for (const row of silent) {
  test(`no definition on ${row.name}`, () => {
    const { ctx, carets } = build(row.text, { languageId: 'x12' });
    assert.notEqual(locate(ctx.model, carets[0]!).kind, 'pointer');
    assert.equal(definition(ctx, carets[0]!), null);
  });
}
