// Which reader a document gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat } from '../../../server/src/documents/formats';
import { parseDocument } from '../../../server/src/documents/index';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~';

const rows: { name: string; text: string; languageId?: string; uri?: string; format: string }[] = [
  { name: 'ISA at the start, any name', text: ISA + 'GS*HC~', uri: 'file:///a/notes.txt', format: 'x12' },
  { name: 'ISA after a BOM and blank lines', text: '\uFEFF\n\n  ' + ISA, languageId: 'plaintext', format: 'x12' },
  { name: 'ISA on a later line after a banner', text: 'Batch 12\n' + ISA, uri: 'file:///a/batch.dat', format: 'x12' },
  { name: 'the word ISA in prose', text: 'ISA is a segment', format: 'prose' },
  { name: 'an ISA example in a Markdown code fence', text: '# x12-damaged-isa\n\n```x12\n' + ISA + '\n```\n', uri: 'file:///a/page.md', format: 'prose' },
  { name: '...the same interchange after a plain banner', text: '# x12-damaged-isa\n\n' + ISA + '\n', uri: 'file:///a/page.edi', format: 'x12' },
  { name: 'a Markdown table with a code column is a note', text: '| HCPCS | Units | Modifier |\n|---|---|---|\n| J7507 | 5 | KX |\n', uri: 'file:///a/note.md', format: 'prose' },
  { name: '...the same header as a PSV export', text: 'HCPCS|Units|Modifier\nJ7507|5|KX\n', uri: 'file:///a/export.psv', format: 'csv' },
  { name: 'x12 language id without an ISA', text: 'CLM*1~', languageId: 'x12', format: 'x12' },
  { name: '.837 extension', text: 'CLM*1~', uri: 'file:///a/claims.837', format: 'x12' },
  { name: '.835 .x12 .edi extensions', text: 'x', uri: 'file:///a/r.edi', format: 'x12' },
  { name: 'FHIR by resourceType', text: '{"resourceType": "Bundle"}', uri: 'file:///a/x.txt', format: 'fhir' },
  { name: 'FHIR array', text: ' [{"resourceType": "Claim"}]', format: 'fhir' },
  { name: 'json language id without resourceType', text: '{"a": 1}', languageId: 'json', format: 'fhir' },
  { name: 'jsonc', text: '{}', languageId: 'jsonc', format: 'fhir' },
  { name: '.json extension', text: '{}', uri: 'file:///a/b.json', format: 'fhir' },
  { name: 'claim table by header, any name', text: 'HCPCS,Units,Modifier 1\nJ7507,1,KX\n', uri: 'file:///a/b.txt', format: 'csv' },
  { name: 'pipe table by header', text: 'CLM_ID|HCPCS_CD|LINE_SRVC_CNT\n', format: 'csv' },
  { name: 'tab table by header', text: 'Procedure Code\tUnits\tDOS\n', format: 'csv' },
  { name: 'two cells are not a table', text: 'HCPCS,Units\nJ7507,1\n', format: 'prose' },
  { name: 'no code column is not a table by content', text: 'a,b,c\n1,2,3\n', format: 'prose' },
  { name: '...but csv by language id', text: 'a,b,c\n1,2,3\n', languageId: 'csv', format: 'csv' },
  { name: 'tsv / psv language ids', text: 'a\tb', languageId: 'tsv', format: 'csv' },
  { name: 'psv', text: 'a|b', languageId: 'psv', format: 'csv' },
  { name: '.csv .tsv .psv extensions', text: 'a', uri: 'file:///x/y.PSV', format: 'csv' },
  { name: 'markdown', text: '# J7507', languageId: 'markdown', format: 'prose' },
  { name: '.md', text: '# J7507', uri: 'file:///r.md', format: 'prose' },
  { name: 'unknown language and extension', text: 'J7507 x 5', languageId: 'rust', uri: 'file:///a.rs', format: 'prose' },
  { name: 'nothing at all', text: '', format: 'prose' },
];

for (const row of rows) {
  test(`detect: ${row.name}`, () => {
    assert.equal(detectFormat(row.text, { languageId: row.languageId, uri: row.uri }), row.format);
    assert.equal(parseDocument(row.text, { languageId: row.languageId, uri: row.uri }).format, row.format);
  });
}
