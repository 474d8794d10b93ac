// Hand-written edge-case files under test/fixtures/documents: what each reader finds in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../server/src/documents/index';
import { fixture } from '../../support/paths';
import { checkInvariants, summarise } from './support';

const rows: { file: string; format: string; lines: string[]; problems?: string[]; mentions?: string[] }[] = [
  {
    file: 'cr-only.edi',
    format: 'x12',
    lines: [
      'SV1 HC:J7507:KX u=30 UN dos=2025-11-01',
      'SV1 HC:J3490 u=1 UN dos=2025-11-03 ndc=N4 00469061773 q=60 UN desc=TACROLIMUS 0.5MG notes=tacrolimus 0.5 mg capsules dose=tacrolimus 0.5 mg dose=tacrolimus 0.5 mg',
    ],
    mentions: ['T8619:diagnosis'],
  },
  { file: 'two-interchanges.edi', format: 'x12', lines: ['SV1 HC:J1100:JW u=2 UN', 'SV2 HC:J7507:KX u=4 UN dos=2025-02-01'] },
  { file: 'damaged-isa.edi', format: 'x12', lines: ['SV1 HC:E0431:RR u=1 UN dos=2025-11-05'], problems: ['x12-damaged-isa', 'x12-missing-trailer'] },
  {
    file: 'notes.md',
    format: 'prose',
    lines: ['prose J7507:KX u=30 dos=2025-11-05 dose=tacrolimus 1 mg', 'prose J7502 u=4 dose=cyclosporine 375 mg dose=100 mg', 'prose J7515 u=5'],
    mentions: ['H1225:other', '99213:text'],
  },
  {
    file: 'claims.csv',
    format: 'csv',
    lines: [
      'csv J7507:KX u=30 dos=2025-11-05 ndc=00469-0617-73 desc=tacrolimus 1 mg, 30 caps dose=tacrolimus 1 mg',
      'csv J1100:JW u=2 dos=2025-11-05 desc=dexamethasone 1 mg dose=dexamethasone 1 mg',
      'csv E0431:RR u=1 dos=2025-11-06',
    ],
    mentions: ['T8619:diagnosis', 'T8619:diagnosis'],
  },
  {
    file: 'claim.json',
    format: 'fhir',
    lines: [
      'fhir https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets:J7507:KX u=30 dos=2025-11-05 desc=tacrolimus 1 mg dose=tacrolimus 1 mg',
      'fhir http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets:J1100 u=2 dos=2025-11-06',
    ],
    mentions: ['T8619:diagnosis'],
  },
];

for (const row of rows) {
  test(`fixture ${row.file}`, () => {
    const text = readFileSync(fixture('documents', row.file), 'utf8');
    const doc = parseDocument(text, { uri: `file:///fixtures/${row.file}` });
    assert.equal(doc.format, row.format);
    assert.deepEqual(summarise(doc), row.lines);
    assert.deepEqual(doc.problems.map((p) => p.id), row.problems ?? []);
    if (row.mentions) assert.deepEqual(doc.mentions.map((m) => `${m.code.value}:${m.context}`), row.mentions);
    checkInvariants(text, doc);
  });
}
