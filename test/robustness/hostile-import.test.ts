// Issue #19 cases 1, 4, 9 and 14: small hostile release files must be refused fast, with a short
// message that names the file and the limit, and never abort or freeze the process. Each hostile row
// has a well-formed twin that must still import (the guard is not simply "refuse everything").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importRelease } from '../../server/src/codeset/import/release';
import { parseCsv } from '../../server/src/codeset/import/csv';
import { ARCHIVE, MESSAGE, TABLE } from '../../server/src/base/limits';
import { fixture } from '../support/paths';
import { columnName, medianCpuMs, sheetXml, xlsxWorkbook, zipArchive } from '../support/fuzz';

const smallCsv = readFileSync(fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv'));
const smallRows = parseCsv(smallCsv.toString('utf8')).rows.filter((r) => r.length > 1);
/** the small release as a sheet, with one more cell (at `ref`) in the first data row */
const sheetWithCell = (ref: string): string => sheetXml(smallRows).replace('</row>', `</row>`).replace(/(<row r="2">)/, `$1<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`);

interface Row {
  name: string;
  file: string;
  bytes: () => Buffer;
  /** undefined: imports; else the error says this */
  refused?: RegExp;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const rows: Row[] = [
  // case 1: one cell r="ZZZZZZ1" (column 321 million) padded the row until V8 aborted
  { name: 'xlsx cell far past the last column', file: 'HCPC2024_JAN_ANWEB.xlsx', bytes: () => xlsxWorkbook({ sheet: sheetWithCell('ZZZZZZ2') }), refused: /ZZZZZZ2 is past column 2048, the limit for a sheet/ },
  { name: 'xlsx cell at column XFD (Excel\'s last)', file: 'HCPC2024_JAN_ANWEB.xlsx', bytes: () => xlsxWorkbook({ sheet: sheetWithCell('XFD2') }), refused: /XFD2 is past column 2048/ },
  { name: 'xlsx cell ref of 10,000 letters', file: 'HCPC2024_JAN_ANWEB.xlsx', bytes: () => xlsxWorkbook({ sheet: sheetWithCell(`${'Z'.repeat(10_000)}2`) }), refused: /past column 2048/ },
  { name: 'twin: xlsx with an extra cell at column BZ', file: 'HCPC2024_JAN_ANWEB.xlsx', bytes: () => xlsxWorkbook({ sheet: sheetWithCell('BZ2') }) },
  { name: 'twin: the small release as an xlsx', file: 'HCPC2024_JAN_ANWEB.xlsx', bytes: () => xlsxWorkbook({ rows: smallRows }) },
  // case 4: 65,535 directory entries pointing at one member (each was inflated again: ~4.7 h)
  {
    name: 'zip: 65,535 directory entries on one member',
    file: 'HCPC2026_JAN_ANWEB.zip',
    bytes: () => zipArchive([{ name: 'a.txt', data: Buffer.alloc(4 << 20, 0x41), deflate: true }], { aliases: Array.from({ length: 65_534 }, (_, i) => ({ name: `HCPC${i}.txt`, member: 0 })) }),
    refused: new RegExp(`lists 65535 members, more than the ${ARCHIVE.entries}`),
  },
  {
    name: 'zip: 900 entries on one 4 MB member (under the entry limit: each member is read once)',
    file: 'HCPC2026_JAN_ANWEB.zip',
    bytes: () => zipArchive([{ name: 'a.txt', data: Buffer.alloc(4 << 20, 0x41), deflate: true }], { aliases: Array.from({ length: 899 }, (_, i) => ({ name: `HCPC${i}.txt`, member: 0 })) }),
    refused: /no member of the zip is a HCPCS release/,
  },
  { name: 'twin: zip holding the small release', file: 'HCPC2024_JAN_ANWEB.zip', bytes: () => zipArchive([{ name: 'HCPC2024_JAN_ANWEB.csv', data: smallCsv, deflate: true }]) },
  // case 9: a release CSV with one row of millions of columns (5 GB before)
  { name: 'csv: one row of 1 million columns', file: 'HCPC2024_JAN_ANWEB.csv', bytes: () => Buffer.concat([smallCsv, Buffer.from(`J9999,0010,3${','.repeat(1_000_000)}\n`)]), refused: new RegExp(`more than ${TABLE.columnsPerRow} columns, the limit for a table row`) },
  { name: 'twin: csv with 300 trailing empty columns', file: 'HCPC2024_JAN_ANWEB.csv', bytes: () => Buffer.from(smallCsv.toString('utf8').replace(/\n/g, `${','.repeat(300)}\n`)) },
  // case 14: names with ANSI escapes and newlines; a UTF-16 release
  {
    name: 'zip member names with ANSI escapes and newlines',
    file: 'x.zip',
    bytes: () => zipArchive([{ name: '\u001b[2J\u001b[31mevil\nname.txt', data: Buffer.from('not a release'), deflate: false }]),
    refused: /\\x1b\[2J\\x1b\[31mevil\\nname\.txt/,
  },
  { name: 'UTF-16LE release with byte-order mark', file: 'HCPC2024_JAN_ANWEB.csv', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(smallCsv.toString('utf8'), 'utf16le')]) },
  { name: 'UTF-16BE release without a mark', file: 'HCPC2024_JAN_ANWEB.csv', bytes: () => Buffer.from(smallCsv.toString('utf8'), 'utf16le').swap16() },
  { name: 'UTF-16 text that is not a release', file: 'notes.csv', bytes: () => Buffer.from('\uFEFFHCPC,LONG DESCRIPTION\nJ7507,Fake\n', 'utf16le'), refused: /not a CMS HCPCS release/ },
];

/** import once; the helper every row goes through */
function checkImport(row: Row): void {
  const result = importRelease(row.bytes(), `/downloads/${row.file}`);
  if (!row.refused) {
    assert.equal(result.ok, true, `${row.name}: ${result.ok ? '' : result.error}`);
    if (result.ok) assert.ok(result.release.codes.some((c) => c.code === 'J7507'), `${row.name}: J7507 read`);
    return;
  }
  assert.equal(result.ok, false, `${row.name} was accepted`);
  if (result.ok) return;
  assert.match(result.error, row.refused, row.name);
  assert.ok(result.error.startsWith(row.file.replace(/[\u0000-\u001f]/g, '')), `${row.name}: the message names the file: ${result.error.slice(0, 200)}`);
  assert.ok(result.error.length <= MESSAGE.messageChars, `${row.name}: a ${result.error.length}-character message`);
  assert.doesNotMatch(result.error, CONTROL, `${row.name}: control characters are escaped`);
}

for (const row of rows) test(`hostile import: ${row.name}`, () => checkImport(row));

test('columnName (the generator) round-trips the names the importer reads', () => {
  assert.deepEqual([0, 25, 26, 27, 701, 702, 16383].map(columnName), ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
});

// case 4: parts that never close a tag made the XML scan quadratic (1 MB in 29-57 s): 2x input < 3x CPU
const unclosed: { name: string; of: (n: number) => Buffer }[] = [
  { name: 'workbook: <sheet never closed', of: (n) => xlsxWorkbook({ workbook: '<workbook>' + '<sheet name="a" '.repeat(n / 16) }) },
  { name: 'rels: <Relationship never closed', of: (n) => xlsxWorkbook({ rels: '<Relationships>' + '<Relationship Id="r" '.repeat(n / 21) }) },
  { name: 'shared strings: <t> runs without <rPh>', of: (n) => xlsxWorkbook({ rows: smallRows, sharedStrings: '<sst><si>' + '<t>a</t>'.repeat(n / 8) + '</si></sst>' }) },
  { name: 'shared strings: <rPh> never closed', of: (n) => xlsxWorkbook({ rows: smallRows, sharedStrings: '<sst><si><rPh>' + '<t>a</t>'.repeat(n / 8) + '</si></sst>' }) },
  { name: 'sheet: <v> never closed in one cell', of: (n) => xlsxWorkbook({ sheet: '<worksheet><sheetData><row><c r="A1">' + '<v>1'.repeat(n / 4) + '</c></row></sheetData></worksheet>' }) },
  { name: 'sheet: attribute values never closed', of: (n) => xlsxWorkbook({ sheet: '<worksheet><sheetData><row><c ' + ' r="A1'.repeat(n / 6) + '></c></row></sheetData></worksheet>' }) },
];

const MB = 1024 * 1024;
for (const shape of unclosed) {
  test(`linear import: ${shape.name}`, () => {
    const small = shape.of(MB);
    const large = shape.of(2 * MB);
    const run = (bytes: Buffer) => void importRelease(bytes, 'HCPC2024_JAN_ANWEB.xlsx');
    run(small);
    const tSmall = Math.max(medianCpuMs(() => run(small), 3), 20);
    const tLarge = Math.max(medianCpuMs(() => run(large), 3), 20);
    console.log(`${shape.name}: 1 MB ${tSmall.toFixed(1)} ms, 2 MB ${tLarge.toFixed(1)} ms CPU`);
    assert.ok(tLarge / tSmall < 3, `${shape.name}: 2x input took ${(tLarge / tSmall).toFixed(2)}x the CPU time`);
  });
}
