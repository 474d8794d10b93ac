// ICD-10-CM: the importer (order file, codes file, CDC zip, folder of releases, bad inputs), the
// compact index and the lookup by date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { icd10ReleaseFromName, importIcd10, parseIcd10Text } from '../../../server/src/codeset/import/icd10cm';
import { DiagnosisCodes, Icd10Release, dottedDiagnosis, isIcd10Shaped, loadDiagnosisCodes, normalizeDiagnosis } from '../../../server/src/codeset/icd10';
import { loadIcd10Path, loadBuiltIcd10 } from '../../../server/src/node/icd10-store';
import { ICD10_FIXTURE, fixtureDiagnosisCodes, icd10Zip } from '../../support/icd10';
import { reasons } from '../../support/needs';
import { writeZip } from './zip-writer';

const fixtureText = () => readFileSync(ICD10_FIXTURE, 'latin1');
const tmp = () => mkdtempSync(join(tmpdir(), 'icd10-'));

test('release from the file name: fiscal year and its dates', () => {
  const rows: [string, string | undefined, string | undefined, string | undefined][] = [
    ['icd10cm-order-2026.txt', 'FY2026', '2025-10-01', '2026-09-30'],
    ['icd10cm_order_2026.txt', 'FY2026', '2025-10-01', '2026-09-30'],
    ['icd10cm-Code Descriptions-2026.zip', 'FY2026', '2025-10-01', '2026-09-30'],
    ['2026-code-descriptions-tabular-order.zip', 'FY2026', '2025-10-01', '2026-09-30'],
    ['april-1-2026-code-descriptions-tabular-order.zip', 'FY2026-04', '2026-04-01', '2026-09-30'],
    ['icd10cm-codes-2025.txt', 'FY2025', '2024-10-01', '2025-09-30'],
    ['codes.txt', undefined, undefined, undefined],
  ];
  for (const [name, id, start, end] of rows) {
    const r = icd10ReleaseFromName(name);
    assert.deepEqual([r?.id, r?.startDate, r?.endDate], [id, start, end], name);
  }
});

test('order file: codes sorted, billable flags, long titles; CRLF read', () => {
  const imported = importIcd10(readFileSync(ICD10_FIXTURE), 'icd10cm-order-2026.txt');
  assert.ok(imported.ok);
  const release = new Icd10Release(imported.index);
  assert.equal(release.info.codeCount, 47);
  assert.equal(release.info.billableCount, 23);
  const rows: [string, string, string | undefined][] = [
    ['E119', 'billable', 'Type 2 diabetes mellitus without complications'],
    ['E11.9', 'billable', 'Type 2 diabetes mellitus without complications'],
    ['e11.9', 'billable', 'Type 2 diabetes mellitus without complications'],
    ['E11', 'header', 'Type 2 diabetes mellitus'],
    ['I10', 'billable', 'Essential (primary) hypertension'],
    ['W2131XA', 'billable', 'Struck by shoe cleats, initial encounter'],
    ['W2131', 'header', 'Struck by shoe cleats'],
    // the long title (col 78-), not the short one: 'Occupant of aircraft injured in oth air transport accidents' is the short
    ['V970', 'header', 'Occupant of aircraft injured in other specified air transport accidents'],
    ['C4A0', 'billable', 'Merkel cell carcinoma of lip'],
    ['E1199', 'absent', undefined],
    ['J7507', 'absent', undefined],
  ];
  for (const [code, kind, title] of rows) {
    const e = release.entry(code);
    assert.equal(e.kind, kind, code);
    assert.equal(e.kind === 'absent' ? undefined : e.title, title, code);
  }
  // tabular order puts C4A after C43; the index is in code order (C43 < C430 < C4A)
  assert.deepEqual(release.billableUnder('C4', 10).map((c) => c.code), ['C430', 'C4A0']);
  assert.deepEqual(release.billableUnder('E116', 10).map((c) => c.code), ['E11641', 'E11649', 'E1165', 'E1169']);
  assert.deepEqual(release.billableUnder('E11.6', 2).map((c) => c.code), ['E11641', 'E11649']);
  assert.deepEqual(release.billableUnder('Q', 10), []);
});

test('codes file (billable only): headers inferred from the codes under them', () => {
  const codes = fixtureText()
    .split('\r\n')
    .filter((l) => l.charAt(14) === '1')
    .map((l) => `${l.slice(6, 13).trim().padEnd(8)}${l.slice(77).trim()}`)
    .join('\r\n');
  const imported = importIcd10(Buffer.from(codes), 'icd10cm-codes-2026.txt');
  assert.ok(imported.ok);
  assert.equal(imported.index.hasHeaders, false);
  const release = new Icd10Release(imported.index);
  assert.equal(release.info.codeCount, 23);
  assert.equal(release.entry('E119').kind, 'billable');
  assert.deepEqual(release.entry('E11'), { code: 'E11', kind: 'header' });
  assert.equal(release.entry('E1199').kind, 'absent');
  assert.equal(release.entry('E1').kind, 'absent', 'two characters are never a category');
});

test('the CDC zip: the order file is read, not the addenda or the codes file', () => {
  const order = readFileSync(ICD10_FIXTURE);
  const zip = writeZip([
    { name: 'icd10cm-codes-addenda-2026.txt', data: Buffer.from('Add:  X999  nothing\r\n') },
    { name: 'icd10cm-codes-2026.txt', data: Buffer.from('A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r\n') },
    { name: 'icd10cm-order-2026.txt', data: order, deflate: true },
    { name: 'icd10OrderFiles.pdf', data: Buffer.from('%PDF') },
  ]);
  const imported = importIcd10(zip, 'icd10cm-Code Descriptions-2026.zip');
  assert.ok(imported.ok, imported.ok ? '' : imported.error);
  assert.equal(imported.index.id, 'FY2026');
  assert.equal(new Icd10Release(imported.index).info.codeCount, 47);
});

test('bad inputs: a clear message, never a throw', () => {
  const rows: [string, Uint8Array, string, RegExp][] = [
    ['not a code file', Buffer.from('hello world\nthis is prose\n'), 'icd10cm-order-2026.txt', /neither an ICD-10-CM order file/],
    ['empty file', Buffer.alloc(0), 'icd10cm-order-2026.txt', /neither an ICD-10-CM order file/],
    ['no year in the name', readFileSync(ICD10_FIXTURE), 'codes.txt', /does not say its fiscal year/],
    ['zip without a code file', writeZip([{ name: 'readme.pdf', data: Buffer.from('%PDF') }]), 'icd10cm-2026.zip', /holds no ICD-10-CM order or codes file/],
    ['truncated zip', writeZip([{ name: 'icd10cm-order-2026.txt', data: readFileSync(ICD10_FIXTURE) }]).subarray(0, 60), 'icd10cm-2026.zip', /damaged|truncated/],
    ['a HCPCS release text', Buffer.from('A0021Ambulance service, outside state per mile, transport (Medicare Administered only)\n'), 'HCPC2026_JAN_ANWEB.txt', /does not say its fiscal year|neither/],
    ['mostly garbage after a good first line', Buffer.from(`${fixtureText().split('\r\n')[0]}\r\n${'garbage line\r\n'.repeat(10)}`), 'icd10cm-order-2026.txt', /not ICD-10-CM rows/],
  ];
  for (const [name, bytes, file, message] of rows) {
    const imported = importIcd10(bytes, file);
    assert.equal(imported.ok, false, name);
    if (!imported.ok) assert.match(imported.error, message, name);
  }
  assert.equal(parseIcd10Text('00001 A00     0 Cholera').ok, true, 'a short order line without the long title is still read');
});

test('loader: a file, a folder of releases (each on its own dates), bad paths', () => {
  const dir = tmp();
  // two fiscal years: FY2026 is the excerpt; "FY2025" here is made up from it for the test (E11.9 absent)
  mkdirSync(join(dir, 'fy2025'));
  mkdirSync(join(dir, 'fy2026'));
  const fy2025 = fixtureText().split('\r\n').filter((l) => !l.includes(' E119 ')).join('\r\n');
  writeFileSync(join(dir, 'fy2025', 'icd10cm-order-2025.txt'), fy2025);
  writeFileSync(join(dir, 'fy2026', 'icd10cm-order-2026.txt'), readFileSync(ICD10_FIXTURE));
  writeFileSync(join(dir, 'fy2026', 'icd10cm-order-addenda-2026.txt'), 'not read');
  writeFileSync(join(dir, 'fy2026', 'notes.txt'), 'not read');
  const loaded = loadIcd10Path(dir);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
  assert.deepEqual(loaded.codes.releases.map((r) => r.info.id), ['FY2025', 'FY2026']);
  assert.match(loaded.message, /Loaded ICD-10-CM FY2025 .*ICD-10-CM FY2026/);
  const rows: [string, string, string | undefined, boolean][] = [
    // date, code, kind (undefined: before the data), past the data
    ['2025-09-30', 'E119', 'absent', false],
    ['2025-10-01', 'E119', 'billable', false],
    ['2026-09-30', 'E119', 'billable', false],
    ['2026-10-01', 'E119', 'billable', true],
    ['2024-10-01', 'E11', 'header', false],
    ['2024-09-30', 'E119', undefined, false],
  ];
  for (const [date, code, kind, past] of rows) {
    const found = loaded.codes.lookup(code, date);
    assert.equal(found.release ? found.entry.kind : undefined, kind, `${code} on ${date}`);
    assert.equal(found.release ? found.pastData : false, past, `${code} on ${date}`);
  }
  const one = loadIcd10Path(join(dir, 'fy2026', 'icd10cm-order-2026.txt'));
  assert.ok(one.ok);
  const bad: [string, RegExp][] = [
    [join(dir, 'missing'), /does not exist/],
    [join(dir, 'fy2026', 'notes.txt'), /does not say its fiscal year/],
    [tmp(), /holds no ICD-10-CM code file/],
    ['/dev/null', /not a regular file/],
  ];
  for (const [path, message] of bad) {
    const r = loadIcd10Path(path);
    assert.equal(r.ok, false, path);
    if (!r.ok) assert.match(r.error, message, path);
  }
  // a symlink loop in the folder is skipped, the releases still load
  symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
  assert.equal(loadIcd10Path(dir).ok, true);
});

test('the compiled index round-trips through JSON; a wrong file is refused', () => {
  const dir = tmp();
  const codes = fixtureDiagnosisCodes();
  const imported = importIcd10(readFileSync(ICD10_FIXTURE), 'icd10cm-order-2026.txt');
  assert.ok(imported.ok);
  writeFileSync(join(dir, 'icd10cm.json'), JSON.stringify(imported.index));
  const built = loadBuiltIcd10(dir);
  assert.ok(built?.ok);
  assert.equal(built.codes.newest.entry('E119').kind, codes.newest.entry('E119').kind);
  assert.equal(loadBuiltIcd10(tmp()), undefined, 'no built list: none, no error');
  writeFileSync(join(dir, 'icd10cm.json'), '{"format":"hcpcs-index"}');
  assert.match((loadBuiltIcd10(dir) as { error: string }).error, /not a compiled ICD-10-CM index/);
  assert.throws(() => loadDiagnosisCodes({ format: 'icd10cm-index-set', version: 1, releases: [] }), /holds no release/);
});

test('code shapes and forms', () => {
  const shaped: [string, boolean][] = [['E119', true], ['E11.9', true], ['I10', true], ['W21.31XA', true], ['S72.001A', true], ['250.00', false], ['4019', false], ['E1', false], ['E11.99999', false], ['J7507', true]];
  for (const [code, ok] of shaped) assert.equal(isIcd10Shaped(code), ok, code);
  assert.equal(normalizeDiagnosis(' e11.9 '), 'E119');
  assert.equal(dottedDiagnosis('W2131XA'), 'W21.31XA');
  assert.equal(dottedDiagnosis('I10'), 'I10');
});

test('the real FY2026 zip: 98,186 codes, 74,719 billable', (t) => {
  const zip = icd10Zip();
  if (!zip) return t.skip(reasons.icd10);
  const loaded = loadIcd10Path(zip);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
  const info = loaded.codes.newest.info;
  assert.deepEqual([info.id, info.codeCount, info.billableCount, info.startDate, info.endDate], ['FY2026', 98186, 74719, '2025-10-01', '2026-09-30']);
  for (const code of ['E119', 'I10', 'J45909', 'M5416', 'Z7982', 'U099']) assert.equal(loaded.codes.newest.entry(code).kind, 'billable', code);
  assert.equal(loaded.codes.newest.entry('A00').kind, 'header');
  assert.ok(new DiagnosisCodes(loaded.codes.releases).newest);
});
