// The CMS release importers on the real Oct 2025 files (csv and xlsx), on .txt and .zip
// editions built here from real rows, and on bad inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { octoberRelease } from '../../support/paths';
import { importRelease, type ImportedRelease } from '../../../server/src/codeset/import/release';
import { writeZip } from './zip-writer';
import { codeLines, modifierLines, type SplitStyle } from './release-txt-writer';
import { needs } from '../../support/needs';

/** ../shared's October 2025 .csv, else its committed excerpt: the tests that count the whole file skip without it */
const csvPath = octoberRelease();
const skip = needs.october;
let cached: ImportedRelease | undefined;
function real(): ImportedRelease {
  if (!cached) {
    const r = importRelease(readFileSync(csvPath), csvPath);
    assert.ok(r.ok, r.ok ? '' : r.error);
    cached = r.release;
  }
  return cached;
}

test('Oct 2025 csv: counts, release id and label', { skip }, () => {
  const r = real();
  assert.equal(r.codes.length, 8463);
  assert.equal(r.modifiers.length, 383);
  assert.equal(r.id, '2025-10');
  assert.equal(r.label, 'HCPCS Level II, October 2025 (CMS)');
  assert.equal(r.codes.filter((c) => c.termDate).length + r.modifiers.filter((m) => m.termDate).length, 1225);
  assert.deepEqual(r.problems, []);
  assert.equal(Math.max(...r.codes.map((c) => c.long.length), ...r.modifiers.map((m) => m.long.length)), 4501, 'longest long descriptor');
});

test('Oct 2025 csv: facts from the data', () => {
  const r = real();
  const code = (c: string) => r.codes.find((x) => x.code === c)!;
  const mod = (m: string) => r.modifiers.find((x) => x.code === m)!;
  const rows: [string, unknown, unknown][] = [
    ['J7507 long', code('J7507').long, 'Tacrolimus, immediate release, oral, 1 mg'],
    ['J7520 long', code('J7520').long, 'Sirolimus, oral, 1 mg'],
    ['J7507 pricing', code('J7507').pricing, ['51']],
    ['J7507 add date', code('J7507').addDate, '1995-01-01'],
    ['J7401 terminated', code('J7401').termDate, '2021-03-31'],
    ['J7402 added', code('J7402').addDate, '2021-04-01'],
    ['C9014 xref', code('C9014').xrefs, ['J0567']],
    ['JG terminated', mod('JG').termDate, '2024-12-31'],
    ['TB effective', mod('TB').actionEffectiveDate, '2025-01-01'],
    ['TB not terminated', mod('TB').termDate, undefined],
    ['JW short', mod('JW').short, 'Discarded drug not administe'],
    ['modifier code trimmed', mod('JZ').code, 'JZ'],
    ['no numeric (CPT) codes', r.codes.filter((c) => /^\d/.test(c.code)).length, 0],
  ];
  for (const [what, actual, expected] of rows) assert.deepEqual(actual, expected, what);
});

test('Oct 2025 xlsx gives records identical to the csv', { skip }, () => {
  const xlsxPath = csvPath.replace(/\.csv$/i, '.xlsx');
  const started = performance.now();
  const x = importRelease(readFileSync(xlsxPath), xlsxPath);
  console.log(`xlsx import: ${(performance.now() - started).toFixed(0)} ms`);
  assert.ok(x.ok, x.ok ? '' : x.error);
  assert.equal(x.release.id, '2025-10');
  assert.deepEqual(x.release.codes, real().codes);
  assert.deepEqual(x.release.modifiers, real().modifiers);
});

function buildTxt(style: SplitStyle, newline: string): string {
  const r = real();
  const lines: string[] = [];
  for (const m of r.modifiers) lines.push(...modifierLines(m, style));
  for (const c of r.codes) lines.push(...codeLines(c, style));
  return lines.join(newline) + newline;
}

/** Compares record lists one by one so that a failure names the record, not 8,000 of them. */
function sameRecords<T extends { code: string; long: string }>(actual: T[], expected: T[], looseBlanks: boolean): string[] {
  assert.equal(actual.length, expected.length, 'record count');
  const loosened: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (looseBlanks && a.long !== e.long) {
      // A piece cut inside a run of blanks cannot be told from a padded piece: one blank is kept.
      assert.equal(a.long.replace(/ +/g, ' '), e.long.replace(/ +/g, ' '), e.code);
      assert.deepEqual({ ...a, long: '' }, { ...e, long: '' }, e.code);
      loosened.push(e.code);
      continue;
    }
    assert.deepEqual(a, e, e.code);
  }
  return loosened;
}

for (const [style, newline] of [['chunks', '\r\n'], ['words', '\n']] as [SplitStyle, string][]) {
  test(`.txt edition (${style}, ${JSON.stringify(newline)}) built from the real rows reads back identical`, { skip }, () => {
    const txt = buildTxt(style, newline);
    const r = importRelease(Buffer.from(txt, 'latin1'), 'HCPC2025_OCT_ANWEB.txt');
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.equal(r.release.id, '2025-10');
    assert.deepEqual(r.release.problems, []);
    const loose = style === 'chunks';
    const loosened = [...sameRecords(r.release.modifiers, real().modifiers, loose), ...sameRecords(r.release.codes, real().codes, loose)];
    if (loose) console.log(`.txt cut every 80 characters: ${loosened.length} descriptors had a double blank at a cut (${loosened.join(', ')})`);
    assert.ok(loosened.length <= 10, `too many loosened descriptors: ${loosened.length}`);
    const continued = txt.split(newline).filter((l) => l[10] === '4').length;
    assert.ok(continued > 1000, `continuation records written: ${continued}`);
  });
}

test('.txt tolerance: short trailing lines, junk lines, orphan continuations, trailing blanks', () => {
  const r = real();
  const j7507 = r.codes.find((c) => c.code === 'J7507')!;
  const long = r.codes.reduce((a, b) => (b.long.length > a.long.length ? b : a));
  const lines = [
    'HCPCS RELEASE FILE - JUNK HEADER LINE',
    ...codeLines(j7507, 'words').map((l) => l.trimEnd()), // short lines
    ...codeLines(long, 'words'),
    'J9999' + '00200' + '4' + 'orphan piece',
    '',
    '   ',
  ];
  const out = importRelease(Buffer.from(lines.join('\r\n')), 'HCPC2025_OCT_ANWEB.txt');
  assert.ok(out.ok, out.ok ? '' : out.error);
  assert.deepEqual(out.release.codes, [j7507, long]);
  assert.equal(out.release.problems.length, 2, out.release.problems.join('; '));
  assert.match(out.release.problems[0], /line 1: not a HCPCS record/);
  assert.match(out.release.problems[1], /continuation of J9999/);
});

test('zip editions: the CMS zip with txt (deflated) among other members, and a stored xlsx-free zip', { skip }, () => {
  const txt = Buffer.from(buildTxt('chunks', '\r\n'), 'latin1');
  const zip = writeZip([
    { name: 'HCPC2026_recordlayout.txt', data: Buffer.from('HCPCS CONTRACTOR RECORD LAYOUT\r\n'), deflate: true },
    { name: 'proc_notes_JAN2026.txt', data: Buffer.from('notes\r\n') },
    { name: 'NOC codes_JAN2026.xlsx', data: Buffer.from('not really') },
    { name: 'HCPC2026_JAN_ANWEB_v2.txt', data: txt, deflate: true },
  ]);
  const r = importRelease(zip, '/downloads/HCPC2026_JAN_ANWEB_v2.zip');
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.equal(r.release.id, '2026-01');
  assert.equal(r.release.label, 'HCPCS Level II, January 2026 (CMS, v2)');
  assert.equal(r.release.source, 'HCPC2026_JAN_ANWEB_v2.zip (HCPC2026_JAN_ANWEB_v2.txt)');
  assert.equal(r.release.codes.length, 8463);
  const stored = importRelease(writeZip([{ name: 'sub/HCPC2025_OCT_ANWEB.txt', data: txt }]), 'download.zip');
  assert.ok(stored.ok && stored.release.id === '2025-10' && stored.release.modifiers.length === 383);
});

// Release ids from names, else from contents.
test('release id and label from the file name', () => {
  const rows: [string, string, string][] = [
    ['HCPC2025_OCT_ANWEB.csv', '2025-10', 'HCPCS Level II, October 2025 (CMS)'],
    ['HCPC2026_JAN_ANWEB_v2.txt', '2026-01', 'HCPCS Level II, January 2026 (CMS, v2)'],
    ['hcpc2026_jan_anweb_01122026.zip', '2026-01', 'HCPCS Level II, January 2026 (CMS)'],
    ['C:\\data\\HCPC2026_JUL_ANWEB_06172026.txt', '2026-07', 'HCPCS Level II, July 2026 (CMS)'],
    ['HCPC2026_APR_ANWEB.xlsx', '2026-04', 'HCPCS Level II, April 2026 (CMS)'],
  ];
  const header = 'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD\n';
  const body = 'J7507,0010,3,"Tacrolimus, immediate release, oral, 1 mg",Tacrolimus imme rel oral 1mg,19950101,20140101,,N\n';
  for (const [name, id, label] of rows) {
    const r = importRelease(Buffer.from(header + body), name);
    assert.ok(r.ok, name);
    assert.deepEqual([r.release.id, r.release.label], [id, label], name);
  }
});

test('release id from contents when the name says nothing: quarter of the newest date', () => {
  const header = 'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD\n';
  const rows = [
    'J7507,0010,3,"Tacrolimus, immediate release, oral, 1 mg",Tacrolimus,19950101,20140101,,N',
    'J7521,0010,3,"Tacrolimus, granules, oral suspension, 0.1 mg",Tacrolim granules,20250401,20250401,,N',
    '   TB,0010,7,340b drug,340b drug,20180101,20250101,,N',
  ];
  const r = importRelease(Buffer.from(header + rows.join('\r\n')), 'codes.csv');
  assert.ok(r.ok);
  assert.equal(r.release.id, '2025-04');
  assert.equal(r.release.modifiers[0].code, 'TB');
});

test('bad inputs are refused with a message naming the file and the problem', () => {
  const rows: [string, Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(0), /^empty\.txt: the file is empty/],
    ['claims.csv', Buffer.from('id,name,amount\n1,a,2\n3,b,4\n'), /^claims\.csv: not a CMS HCPCS release/],
    ['notes.txt', Buffer.from('Patient seen today.\nJ7507 x 5 units\n'), /^notes\.txt: not a CMS HCPCS release/],
    ['HCPC2025_OCT_ANWEB.zip', writeZip([{ name: 'HCPC2025_OCT_ANWEB.txt', data: Buffer.from('x'.repeat(400)), deflate: true }]).subarray(0, 60), /^HCPC2025_OCT_ANWEB\.zip: the zip archive is damaged or truncated/],
    ['other.zip', writeZip([{ name: 'readme.md', data: Buffer.from('# hi') }]), /^other\.zip: the zip holds no release file/],
    ['bad.xlsx', writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') }]), /^bad\.xlsx: the workbook's first sheet .* is missing/],
    ['random.bin', Uint8Array.from({ length: 512 }, (_v, i) => (i * 7919) % 251), /^random\.bin: not a CMS HCPCS release/],
    ['header-only.csv', Buffer.from('HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION\n'), /^header-only\.csv: no HCPCS records/],
  ];
  for (const [name, bytes, expected] of rows) {
    const r = importRelease(bytes, join('/some/dir', name));
    assert.equal(r.ok, false, name);
    if (!r.ok) assert.match(r.error, expected, name);
  }
});
