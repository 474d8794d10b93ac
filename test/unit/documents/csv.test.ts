// CSV / PSV / TSV reader: delimiters, quoting, header names, grouping, mentions, slots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from '../../../server/src/documents/csv';
import { parseDocument } from '../../../server/src/documents/index';
import { caret, checkInvariants, insertAt, summarise } from './support';

interface Row {
  name: string;
  text: string;
  lines: string[];
  claims?: string[];
  mentions?: string[];
  problems?: string[];
}

const rows: Row[] = [
  { name: 'comma, simple header', text: 'HCPCS,Modifier 1,Units,Service Date\nJ7507,KX,5,2025-11-05\n', lines: ['csv J7507:KX u=5 dos=2025-11-05'] },
  { name: 'pipe', text: 'HCPCS_CD|HCPCS_1ST_MDFR_CD|HCPCS_2ND_MDFR_CD|LINE_SRVC_CNT\nJ7507|KX|JW|5\n', lines: ['csv J7507:KX:JW u=5'] },
  { name: 'tab', text: 'Procedure Code\tMOD1\tMOD2\tQty\nJ1100\tJW\t\t2\n', lines: ['csv J1100:JW u=2'] },
  { name: 'semicolon', text: 'CPT/HCPCS;Modifier;Quantity;DOS\nJ7507;KX GA;5;11/05/2025\n', lines: ['csv J7507:KX:GA u=5 dos=2025-11-05'] },
  { name: 'header names with spaces, case and underscores', text: 'hcpcs code , MODIFIER_2, modifier_1 ,Days or Units\nJ7507,JW,KX,3\n', lines: ['csv J7507:KX:JW u=3'] },
  { name: 'CPT-HCPCS Code / proc_cd / PROCEDURE', text: 'CPT-HCPCS Code,x,y\nJ7507,,\n', lines: ['csv J7507'] },
  { name: 'proc_cd', text: 'proc_cd,Service Count,z\nJ7502,4,\n', lines: ['csv J7502 u=4'] },
  { name: 'PROCEDURE', text: 'PROCEDURE,Quantity,z\nJ7502,4,\n', lines: ['csv J7502 u=4'] },
  { name: 'one Modifiers column split on space, comma, colon, hyphen', text: 'HCPCS,Modifiers,Units\nJ7507,"KX, JW",1\nJ7508,KX:GA,1\nJ7509,KX-GA,1\nJ7510,KX GA,1\n', lines: ['csv J7507:KX:JW u=1', 'csv J7508:KX:GA u=1', 'csv J7509:KX:GA u=1', 'csv J7510:KX:GA u=1'] },
  { name: 'modifiers written in the code cell', text: 'HCPCS,Units,x\nJ7507-KX,5,\n', lines: ['csv J7507:KX u=5'] },
  {
    name: 'dates in ISO, MM/DD/YYYY, YYYYMMDD, DD-MMM-YYYY; invalid dates are dropped',
    text: 'HCPCS,Date of Service,x\nJ0001,2025-11-05,\nJ0002,11/05/2025,\nJ0003,20251105,\nJ0004,05-Nov-2025,\nJ0005,2025-02-30,\n',
    lines: ['csv J0001 dos=2025-11-05', 'csv J0002 dos=2025-11-05', 'csv J0003 dos=2025-11-05', 'csv J0004 dos=2025-11-05', 'csv J0005'],
  },
  { name: 'NDC column and LINE_NDC_CD', text: 'HCPCS,NDC,Units\nJ7507,00469-0617-73,5\n', lines: ['csv J7507 u=5 ndc=00469-0617-73'] },
  { name: 'LINE_NDC_CD', text: 'HCPCS_CD|LINE_NDC_CD|LINE_SRVC_CNT\nJ7507|00469061773|5\n', lines: ['csv J7507 u=5 ndc=00469061773'] },
  {
    name: 'description column with a dose; RFC 4180 quotes with delimiter, doubled quote and newline',
    text: 'HCPCS,Description,Units\nJ3490,"tacrolimus 1 mg, ""brand""\nsecond line",5\n',
    lines: ['csv J3490 u=5 desc=tacrolimus 1 mg, "brand"\nsecond line dose=tacrolimus 1 mg'],
  },
  {
    name: 'rows grouped by claim id; claim-level date used when no line date',
    text: 'CLM_ID,CLM_FROM_DT,HCPCS_CD,LINE_SRVC_CNT\nA1,30-May-2015,J7507,1\nB2,01-Jun-2015,J7508,2\nA1,30-May-2015,J7509,3\n',
    lines: ['csv J7507 u=1 dos=2015-05-30', 'csv J7509 u=3 dos=2015-05-30', 'csv J7508 u=2 dos=2015-06-01'].sort(),
    claims: ['A1:2', 'B2:1'],
  },
  { name: 'no claim id column: one claim per coded row', text: 'HCPCS,Units,x\nJ7507,1,\nJ7508,2,\n', lines: ['csv J7507 u=1', 'csv J7508 u=2'], claims: ['-:1', '-:1'] },
  { name: 'rows without a code make no line', text: 'HCPCS,Units,x\n,1,\nJ7508,2,\n\n', lines: ['csv J7508 u=2'] },
  {
    name: 'codes in ICD columns are diagnosis mentions; other columns text; id columns other',
    text: 'HCPCS_CD,ICD_DGNS_CD1,ICD_DGNS_VRSN_CD1,Free Text,PLAN_ID\nG0444,E1022,0,see J7507 note,H1225\n',
    lines: ['csv G0444'],
    mentions: ['E1022:diagnosis', 'J7507:text', 'H1225:other'],
  },
  { name: 'BOM and CRLF', text: '\uFEFFHCPCS,Units,x\r\nJ7507,5,\r\n', lines: ['csv J7507 u=5'] },
  { name: 'unterminated quote: a problem, the rest still read', text: 'HCPCS,Description,Units\nJ7507,5,1\nJ7508,"never closed,1\n', lines: ['csv J7507 u=1 desc=5', 'csv J7508 desc=never closed,1'], problems: ['csv-unterminated-quote'] },
  { name: 'no code column: only mentions', text: 'Name,Note,Other\nx,uses J7507,y\n', lines: [], mentions: ['J7507:text'], problems: ['csv-no-code-column'] },
  { name: 'header only', text: 'HCPCS,Units,Modifier 1\n', lines: [] },
  { name: 'empty', text: '', lines: [] },
];

function checkCsv(row: Row): void {
  const doc = readCsv(row.text);
  const lines = summarise(doc);
  assert.deepEqual(row.claims ? [...lines].sort() : lines, row.lines);
  if (row.claims) assert.deepEqual(doc.claims.map((c) => `${c.id?.value ?? '-'}:${c.lines.length}`), row.claims);
  if (row.mentions) assert.deepEqual(doc.mentions.map((m) => `${m.code.value}:${m.context}`), row.mentions);
  assert.deepEqual(doc.problems.map((p) => p.id), row.problems ?? []);
  checkInvariants(row.text, doc);
}

for (const row of rows) test(`csv: ${row.name}`, () => checkCsv(row));

test('csv: tsv/psv language ids force the delimiter', () => {
  const text = 'HCPCS|Units|x,y\nJ7507|5|a,b\n';
  assert.deepEqual(summarise(parseDocument(text, { languageId: 'psv' })), ['csv J7507 u=5']);
});

// ---- modifier slot: the first empty modifier cell; '‸' marks it ---------------------------------

const slotRows: { name: string; marked: string | undefined; text?: string }[] = [
  { name: 'first empty modifier column', marked: 'HCPCS,Modifier 1,Modifier 2,Units\nJ7507,KX,‸,5\n' },
  { name: 'first of several empty columns', marked: 'HCPCS,MOD1,MOD2,MOD3,MOD4\nJ7507,‸,,,\n' },
  { name: 'empty quoted cell', marked: 'HCPCS,Modifier 1,Units\nJ7507,"‸",5\n' },
  { name: 'single Modifiers column, empty', marked: 'HCPCS,Modifiers,Units\nJ7507,‸,5\n' },
  { name: 'no modifier column: no slot', marked: undefined, text: 'HCPCS,Units,x\nJ7507,5,\n' },
  { name: 'all four full: no slot', marked: undefined, text: 'HCPCS,MOD1,MOD2,MOD3,MOD4\nJ7507,KX,GA,JW,RR\n' },
];

function checkCsvSlot(row: (typeof slotRows)[number]): void {
  if (!row.marked) {
    const doc = readCsv(row.text!);
    assert.equal(doc.claims[0].lines[0].modifierSlot, undefined);
    return;
  }
  const { text, offset } = caret(row.marked);
  const line = readCsv(text).claims[0].lines[0];
  assert.equal(line.modifierSlot?.offset, offset);
  const after = readCsv(insertAt(text, offset, line.modifierSlot!.prefix + 'GA' + line.modifierSlot!.suffix)).claims[0].lines[0];
  assert.deepEqual(after.modifiers.map((m) => m.value), [...line.modifiers.map((m) => m.value), 'GA']);
}

for (const row of slotRows) test(`csv modifier slot: ${row.name}`, () => checkCsvSlot(row));
