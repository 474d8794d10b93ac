// Document kinds: what a document is for, by content first, file name second, forced by settings.
// Each row that yields a kind has a negative row of the same shape that must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../../../server/src/documents/index';
import { hasBillingSigns } from '../../../server/src/documents/kind';
import { classifyDocument } from '../../../server/src/documents/index';
import type { DocumentKind } from '../../../server/src/model';
import type { DocumentKindRule } from '../../../server/src/settings';
import { createService } from '../../../server/src/service';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { coreCodeSet } from '../../support/codesets';
import { loadGuidance } from '../../../server/src/features/guidance';
import { samplesDir } from '../../support/paths';
import { defaultSettings } from '../../../server/src/settings';
import { x12 as claim837, csv as claimCsv, fhir as fhirClaim } from '../checks/harness';
import { reasons } from '../../support/needs';

interface KindRow {
  name: string;
  text: string;
  uri?: string;
  languageId?: string;
  documentKinds?: DocumentKindRule[];
  notes?: 'billing-lines' | 'all';
  kind: DocumentKind;
}

function checkKinds(rows: KindRow[]): void {
  for (const row of rows) {
    const doc = parseDocument(row.text, { uri: row.uri, languageId: row.languageId, documentKinds: row.documentKinds, notes: row.notes });
    assert.equal(doc.kind, row.kind, `${row.name}: format ${doc.format}`);
  }
}

const remit835 = (body: string) =>
  [
    'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *251120*0930*^*00501*000000001*0*P*:~',
    'GS*HP*PAYER*PROVIDER*20251120*0930*1*X*005010X221A1~',
    'ST*835*0001~',
    'BPR*I*100*C*ACH~',
    'CLP*T-1*1*125*100**MB~',
    body,
    'SE*9*0001~',
    'GE*1*1~',
    'IEA*1*000000001~',
  ].join('\n');

const eob = (item: string) => `{ "resourceType": "ExplanationOfBenefit", "id": "e1", "item": [${item}] }`;
const fhirItem = '{ "sequence": 1, "productOrService": { "coding": [{ "system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J7507" }] }, "quantity": { "value": 2.5 } }';
const RIF_HEADER = 'CLM_ID|CLM_FROM_DT|CLM_PMT_AMT|NCH_CARR_CLM_ALOWD_AMT|LINE_NUM|HCPCS_CD|LINE_SRVC_CNT|LINE_NDC_CD';

test('kinds by content: X12 ST01', () =>
  checkKinds([
    { name: '837P', text: claim837('LX*1', 'SV1*HC:J7507*125*UN*5***1'), kind: 'claim' },
    { name: '835', text: remit835('SVC*HC:J7507*125*100**5~'), kind: 'remittance' },
    { name: '835 named .837: content wins', text: remit835('SVC*HC:J7507*125*100**5~'), uri: 'file:///x/claims.837', kind: 'remittance' },
    { name: '837 named .835: content wins', text: claim837('LX*1', 'SV1*HC:J7507*125*UN*5***1'), uri: 'file:///x/remit.835', kind: 'claim' },
    { name: 'an "ST*837" inside another segment is not a transaction header', text: remit835('N4*CITY*ST*837011~\nSVC*HC:J7507*125*100**5~'), kind: 'remittance' },
  ]));

test('kinds by content: FHIR resourceType', () =>
  checkKinds([
    { name: 'Claim', text: fhirClaim({ code: 'J7507', quantity: 2.5 }), kind: 'claim' },
    { name: 'ExplanationOfBenefit', text: eob(fhirItem), kind: 'remittance' },
    { name: 'Bundle of EOBs', text: `{ "resourceType": "Bundle", "entry": [{ "resource": ${eob(fhirItem)} }] }`, kind: 'remittance' },
    { name: 'Bundle with a Claim and its EOB: the claim is being sent', text: `{ "resourceType": "Bundle", "entry": [{ "resource": ${eob(fhirItem)} }, { "resource": ${fhirClaim({ code: 'J7507' })} }] }`, kind: 'claim' },
    { name: 'ClaimResponse is adjudicated', text: '{ "resourceType": "ClaimResponse", "id": "r" }', kind: 'remittance' },
    { name: 'EOB named claim.json: content wins', text: eob(fhirItem), uri: 'file:///x/claim.json', kind: 'remittance' },
  ]));

test('kinds by content: export column headers', () =>
  checkKinds([
    { name: 'CCW RIF carrier lines (payment and allowed columns)', text: `${RIF_HEADER}\n1|20180616|50.00|60.00|1|G0444|1|000000000\n`, kind: 'remittance' },
    { name: 'claim-line export', text: claimCsv('J7507,KX,,5,,2025-11-05,tacrolimus'), kind: 'claim' },
    { name: 'one prior-payer paid column is still a claim', text: 'hcpcs_code,units,prior_payer_paid\nJ7507,5,10.00\n', kind: 'claim' },
    { name: 'paid and allowed columns make paid history', text: 'hcpcs_code,units,paid_amount,allowed_amount\nJ7507,5,10.00,12.00\n', kind: 'remittance' },
  ]));

test('kinds by content: prose that bills is a note, prose that describes is reference', () =>
  checkKinds([
    { name: 'units after the code', text: 'Dispensed J7507 x 30 for the month.', kind: 'note' },
    { name: 'the same code without a quantity', text: 'Patient takes tacrolimus (J7507) twice daily.', kind: 'reference' },
    { name: '"120 units of J7507"', text: 'Gave 120 units of J7507 today.', kind: 'note' },
    { name: 'a billing unit is not a quantity', text: 'J1815 is insulin, per 5 units.', kind: 'reference' },
    { name: '"#5" after the code', text: 'J7507 #5', kind: 'note' },
    { name: '"qty 5" after the code', text: 'J7507 tacrolimus qty 5', kind: 'note' },
    { name: 'dose then units', text: 'J7507 tacrolimus 0.5 mg x 5 units', kind: 'note' },
    { name: 'a quantity on the next line does not belong to the code', text: 'J7507 tacrolimus\n5 units of insulin were wasted.', kind: 'reference' },
    { name: 'DOS label with a date', text: 'DOS: 03/04/2025\nTacrolimus J7507 continued.', kind: 'note' },
    { name: '"date of service" as words, no date', text: 'A code is judged on the date of service. J7507 is tacrolimus.', kind: 'reference' },
    { name: 'a pasted claim segment', text: 'Resubmitted: SV1*HC:J7507*59.14*UN*5***1~', kind: 'note' },
    { name: 'a pasted institutional segment', text: 'Resubmitted: SV2*0250*HC:J7507*59.14*UN*5~', kind: 'note' },
    { name: 'a segment name in a sentence', text: 'The SV2 segment carries J7507 on institutional claims.', kind: 'reference' },
    { name: 'the same segment as Markdown inline code', text: 'A service line looks like `SV1*HC:J7507*59.14*UN*5***1~`.', kind: 'reference' },
    { name: 'an example in a code fence', text: 'Example:\n```\nJ7507 x 5 units\n```\nJ7507 is tacrolimus.', kind: 'reference' },
    { name: 'a table with a units column', text: '# Visit\n| Code | Units |\n|---|---|\n| J7507 | 30 |\n', kind: 'note' },
    { name: 'a table without a units column', text: '# Visit\n| Code | Drug |\n|---|---|\n| J7507 | tacrolimus |\n', kind: 'reference' },
    {
      name: 'a guide with one worked example among many codes',
      text: 'J7500, J7501, J7502, J7503, J7504, J7505, J7507, J7508 and J7509 are oral. A dose of 5 mg of J7507 is 5 units.',
      kind: 'reference',
    },
  ]));

test('kinds by file name when the content does not say', () =>
  checkKinds([
    { name: 'prose named like a note', text: 'Tacrolimus (J7507) continued.', uri: 'file:///clinic/visit-note.md', kind: 'note' },
    { name: 'prose named like a guide', text: 'Tacrolimus (J7507) continued.', uri: 'file:///clinic/billing-guide.md', kind: 'reference' },
    { name: '"notebook" is not a note', text: 'Tacrolimus (J7507) continued.', uri: 'file:///clinic/notebook.md', kind: 'reference' },
    { name: 'X12 without a readable ST, named .835', text: 'ISA*00*bad~SVC*HC:J7507*1*1**1~', uri: 'file:///x/payer.835', kind: 'remittance' },
    { name: 'the same, named .edi', text: 'ISA*00*bad~SVC*HC:J7507*1*1**1~', uri: 'file:///x/payer.edi', kind: 'claim' },
    { name: 'a claim export named remittance', text: claimCsv('J7507,KX,,5,,2025-11-05,'), uri: 'file:///x/remittance-2025.csv', kind: 'remittance' },
    { name: 'the same export named claims', text: claimCsv('J7507,KX,,5,,2025-11-05,'), uri: 'file:///x/claims-2025.csv', kind: 'claim' },
  ]));

test('kinds forced by settings (documentKinds globs), first match wins', () => {
  const guide = 'Tacrolimus (J7507) continued.';
  const billed = 'Dispensed J7507 x 30.';
  checkKinds([
    { name: 'folder glob', text: guide, uri: 'file:///w/notes/a.md', documentKinds: [{ pattern: 'notes/**', kind: 'note' }], kind: 'note' },
    { name: 'folder glob does not match another folder', text: guide, uri: 'file:///w/guides/a.md', documentKinds: [{ pattern: 'notes/**', kind: 'note' }], kind: 'reference' },
    { name: 'forced over content', text: billed, uri: 'file:///w/README.md', documentKinds: [{ pattern: 'README.md', kind: 'reference' }], kind: 'reference' },
    { name: 'extension glob with braces', text: claimCsv('J7507,,,5,,2025-11-05,'), uri: 'file:///w/paid/x.PSV', documentKinds: [{ pattern: '**/paid/*.{csv,psv}', kind: 'remittance' }], kind: 'remittance' },
    {
      name: 'first match wins',
      text: guide,
      uri: 'file:///w/notes/a.md',
      documentKinds: [
        { pattern: '*.md', kind: 'claim' },
        { pattern: 'notes/**', kind: 'note' },
      ],
      kind: 'claim',
    },
    { name: 'an invalid glob forces nothing', text: guide, uri: 'file:///w/notes/a.md', documentKinds: [{ pattern: 'notes/{a', kind: 'note' }], kind: 'reference' },
    { name: 'a URI with escapes is matched decoded', text: guide, uri: 'file:///w/my%20notes/a.md', documentKinds: [{ pattern: 'my notes/*', kind: 'note' }], kind: 'note' },
    { name: 'no URI: nothing to match', text: guide, documentKinds: [{ pattern: '**', kind: 'note' }], kind: 'reference' },
  ]);
});

test('hcpcs.notes "all" reads every prose document as a note (the old behaviour)', () =>
  checkKinds([
    { name: 'all', text: 'Tacrolimus (J7507) continued.', notes: 'all', kind: 'note' },
    { name: 'billing-lines', text: 'Tacrolimus (J7507) continued.', notes: 'billing-lines', kind: 'reference' },
    { name: 'all does not change a forced kind', text: 'x', uri: 'file:///a.md', documentKinds: [{ pattern: '*.md', kind: 'reference' }], notes: 'all', kind: 'reference' },
    { name: 'all does not touch structured files', text: remit835('SVC*HC:J7507*125*100**5~'), notes: 'all', kind: 'remittance' },
  ]));

test('hasBillingSigns survives large and odd text', () => {
  assert.equal(hasBillingSigns(''), false);
  assert.equal(hasBillingSigns('J7507 '.repeat(50_000)), false);
  assert.equal(hasBillingSigns('```\n'.repeat(1000)), false);
  assert.equal(classifyDocument('', 'prose'), 'reference');
  assert.equal(classifyDocument('', 'x12'), 'claim');
});

test('the service keeps the kind for windowed X12 files and after an incremental edit', () => {
  const text = remit835('SVC*HC:J7507*125*100**5~');
  const service = createService({ codeset: coreCodeSet(), guidance: loadGuidance({}), settings: { ...defaultSettings, maxValidationBytes: 10 }, today: () => '2025-11-20' });
  const doc = TextDocument.create('file:///w/a.835', 'x12', 1, text);
  assert.equal(service.model(doc).kind, 'remittance');
  const whole = createService({ codeset: coreCodeSet(), guidance: loadGuidance({}), today: () => '2025-11-20' });
  const v1 = TextDocument.create('file:///w/b.835', 'x12', 1, text);
  assert.equal(whole.model(v1).kind, 'remittance');
  whole.findings(v1);
  const v2 = TextDocument.create('file:///w/b.835', 'x12', 2, text.replace('*125*100**5', '*125*100**6'));
  assert.equal(whole.model(v2).kind, 'remittance');
});

test('the settings reach the reader: documentKinds force a kind through the service', () => {
  const service = createService({ codeset: coreCodeSet(), guidance: loadGuidance({}), today: () => '2025-11-20' });
  const doc = TextDocument.create('file:///w/notes/a.md', 'markdown', 1, 'Tacrolimus (J7507) continued.');
  assert.equal(service.model(doc).kind, 'reference');
  service.setSettings({ ...defaultSettings, documentKinds: [{ pattern: 'notes/**', kind: 'note' }] });
  assert.equal(service.model(doc).kind, 'note');
});

/** what each real sample is: read from PROVENANCE.md (kind 837P/835, "research export", EOB) */
const SAMPLE_KINDS: Record<string, DocumentKind> = {
  '835': 'remittance',
  '837i': 'claim',
  '837p': 'claim',
  csv: 'remittance', // CCW RIF carrier files: claims data after adjudication
  fhir: 'remittance', // both are ExplanationOfBenefit
};

test('every real sample gets the kind its PROVENANCE describes; PROVENANCE.md itself is reference', (t) => {
  const dir = samplesDir();
  if (!dir) return t.skip(reasons.samples);
  for (const folder of readdirSync(dir).sort()) {
    const p = join(dir, folder);
    if (!statSync(p).isDirectory()) {
      const doc = parseDocument(readFileSync(p, 'utf8'), { uri: `file://${p}` });
      assert.equal(doc.kind, 'reference', relative(dir, p));
      continue;
    }
    for (const name of readdirSync(p).sort()) {
      const doc = parseDocument(readFileSync(join(p, name), 'utf8'), { uri: `file://${join(p, name)}` });
      assert.equal(doc.kind, SAMPLE_KINDS[folder], `${folder}/${name}`);
    }
  }
});
