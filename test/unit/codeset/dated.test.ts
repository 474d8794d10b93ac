// Several releases on their own dates: quarters, the release in force, the successor chain, the
// stale-data clause, ASP quarters, NDCs with several codes, and finding the files of a folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { importAspCrosswalk } from '../../../server/src/codeset/import/asp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quarterEnd, quarterFromLabel, quarterOf, quartersBetween } from '../../../server/src/codeset/quarters';
import { aspQuarterClause, staleClause } from '../../../server/src/codeset/staleness';
import { aspFileRole } from '../../../server/src/codeset/import/asp-files';
import { aspFolders, releaseFiles } from '../../../server/src/node/release-sources';
import { coreCodeSet, fullCodeSet } from '../../support/codesets';
import { sharedDir } from '../../support/paths';
import { needs } from '../../support/needs';

test('quarters', () => {
  const rows: [string, string][] = [
    ['2026-02-14', '2026-01'],
    ['2025-12-31', '2025-10'],
    ['2025-10-01', '2025-10'],
    ['2026-07-31', '2026-07'],
  ];
  for (const [date, q] of rows) assert.equal(quarterOf(date), q, date);
  assert.equal(quarterEnd('2025-10'), '2025-12-31');
  assert.equal(quarterEnd('2026-01'), '2026-03-31');
  assert.equal(quarterEnd('2026-04'), '2026-06-30');
  assert.equal(quartersBetween('2025-10', '2026-10'), 4);
  assert.equal(quartersBetween('2026-07', '2026-07'), 0);
  assert.equal(quarterFromLabel('ASP October 2025'), '2025-10');
  assert.equal(quarterFromLabel('Effective January 1, 2026 through March 31, 2026'), '2026-01');
  assert.equal(quarterFromLabel('ASP'), undefined);
});

test('ASP file roles, under both of CMS naming schemes', () => {
  const rows: [string, string | undefined][] = [
    ['asp_pricing.csv', 'pricing'],
    ['asp_crosswalk.csv', 'crosswalk'],
    ['section 508 version of January 2026 Medicare Part B Payment Limit File 121725.csv', 'pricing'],
    ['section 508 version of January 2026 ASP NDC-HCPCS Crosswalk 121725.csv', 'crosswalk'],
    ['noc_pricing.csv', undefined],
    ['noc_crosswalk.csv', undefined],
    ['cms_crosswalk_reference.csv', undefined],
    ['asp_pricing.xlsx', undefined],
  ];
  for (const [name, role] of rows) assert.equal(aspFileRole(name), role, name);
});

test('stale-data clause: after the newest release quarter only (core set: October 2025)', () => {
  const core = coreCodeSet();
  const rows: [string, string | undefined][] = [
    ['2025-11-05', undefined],
    ['2025-12-31', undefined],
    ['2026-01-01', 'facts from the October 2025 release; this date is 1 quarter later: load the current release'],
    ['2026-12-02', 'facts from the October 2025 release; this date is 4 quarters later: load the current release'],
    ['2019-06-01', undefined],
  ];
  for (const [date, clause] of rows) assert.equal(staleClause(core, date), clause, date);
  assert.equal(aspQuarterClause(core), 'payment limits hold only in their quarter; loaded: ASP October 2025 (2025-10-01 to 2025-12-31)');
  assert.equal(core.asp('J7507', '2025-11-05')?.quarter, '2025-10');
  assert.equal(core.asp('J7507', '2005-06-01'), undefined, 'no limit outside its quarter');
  assert.ok(core.asp('J7507'), 'without a date: the newest quarter');
});

test('a folder of files: one release per quarter (the quickest edition), ASP quarter folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-folder-'));
  mkdirSync(join(dir, '2025-10'));
  mkdirSync(join(dir, '2026-01', 'deep'), { recursive: true });
  writeFileSync(join(dir, '2025-10', 'HCPC2025_OCT_ANWEB.xlsx'), 'x');
  writeFileSync(join(dir, '2025-10', 'HCPC2025_OCT_ANWEB.csv'), 'x');
  writeFileSync(join(dir, '2026-01', 'deep', 'HCPC2026_JAN_ANWEB_01122026.xlsx'), 'x');
  writeFileSync(join(dir, 'README.txt'), 'x');
  writeFileSync(join(dir, 'HCPCS2019_recordlayout.txt'), 'x');
  const found = releaseFiles(dir);
  assert.ok(found.ok);
  assert.deepEqual(found.value.map((f) => f.slice(dir.length + 1)), ['2025-10/HCPC2025_OCT_ANWEB.csv', '2026-01/deep/HCPC2026_JAN_ANWEB_01122026.xlsx']);
  const empty = mkdtempSync(join(tmpdir(), 'hcpcs-empty-'));
  const none = releaseFiles(empty);
  assert.ok(!none.ok && none.error.includes('holds no CMS HCPCS release file'));
  const missing = releaseFiles(join(empty, 'nope'));
  assert.ok(!missing.ok && missing.error.includes('cannot be read'));

  mkdirSync(join(dir, 'asp', 'q1'), { recursive: true });
  mkdirSync(join(dir, 'asp', 'q2'), { recursive: true });
  writeFileSync(join(dir, 'asp', 'q1', 'asp_pricing.csv'), 'x');
  writeFileSync(join(dir, 'asp', 'q1', 'noc_pricing.csv'), 'x');
  writeFileSync(join(dir, 'asp', 'q2', 'section 508 version of January 2026 ASP NDC-HCPCS Crosswalk 121725.csv'), 'x');
  const asp = aspFolders(join(dir, 'asp'));
  assert.ok(asp.ok);
  assert.deepEqual(asp.value.map((f) => [f.dir.slice(dir.length + 1), !!f.pricing, !!f.crosswalk]), [['asp/q1', true, false], ['asp/q2', false, true]]);
  assert.ok(!aspFolders(empty).ok);
});

const full = fullCodeSet();
const skip = (full.release.releases ?? []).length >= 3 ? false : 'HCPCS_RELEASE names fewer than the three releases';

test('the release in force answers; a code missing from it is found in the others', { skip }, () => {
  const cs = full!;
  assert.deepEqual(cs.release.releases!.map((r) => r.id), ['2025-10', '2026-01', '2026-07']);
  assert.deepEqual(cs.release.aspQuarters!.map((q) => q.id), ['2025-10', '2026-01']);
  const rows: { code: string; date?: string; release: string; status: string }[] = [
    { code: 'J7505', date: '2025-11-10', release: '2025-10', status: 'active' },
    { code: 'J7505', date: '2026-02-10', release: '2026-01', status: 'terminated' },
    { code: 'J7505', date: '2026-08-01', release: '2026-07', status: 'terminated' },
    { code: 'J7505', date: '2019-03-01', release: '2025-10', status: 'active' },
    { code: 'J7505', release: '2026-07', status: 'terminated' },
    { code: 'J7513', date: '2026-01-01', release: '2026-01', status: 'terminated' },
  ];
  for (const row of rows) {
    const found = cs.lookup(row.code, row.date);
    assert.equal(found?.release?.id, row.release, `${row.code} on ${row.date}`);
    assert.equal(found?.status, row.status, `${row.code} on ${row.date}`);
  }
  // a code added in 2026, asked about in 2025: the newer release answers, not yet effective
  const added = cs.release.releases!.length ? cs.searchPrefix('', 100_000).find((r) => r.addDate && r.addDate >= '2026-01-01' && !r.termDate) : undefined;
  assert.ok(added, 'some code was added in 2026');
  const before = cs.lookup(added.code, '2025-11-01');
  assert.equal(before?.status, 'not-yet-effective', added.code);
});

test('a lookup asked again answers as the first time, on each date, past the number of answers remembered', { skip }, () => {
  const asked = full;
  const rows: { code: string; date?: string; status?: string }[] = [
    { code: 'J7505', date: '2025-11-10', status: 'active' },
    { code: 'J7505', date: '2026-02-10', status: 'terminated' },
    { code: 'J7505', status: 'terminated' },
    { code: 'j7505', date: '2025-11-10', status: 'active' },
    { code: 'C9136', date: '2025-11-10', status: 'terminated' },
    { code: 'Z9999', date: '2025-11-10', status: undefined },
  ];
  const first = rows.map((r) => asked.lookup(r.code, r.date));
  rows.forEach((r, i) => assert.equal(first[i]?.status, r.status, `${r.code} on ${r.date}`));
  // 20,000 other questions (more than are remembered), then the same ones again
  for (let d = 0; d < 20_000; d++) asked.lookup('J7505', `2025-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}T${d}`);
  rows.forEach((r, i) => assert.deepEqual(asked.lookup(r.code, r.date), first[i], `${r.code} on ${r.date}, asked again`));
  assert.deepEqual(first[4]?.activeSuccessor, 'J7205');
});

test('successor chain to a code active on the date; every XREF kept', { skip }, () => {
  const cs = full!;
  const c9136 = cs.lookup('C9136', '2025-11-10')!;
  assert.equal(c9136.successor, 'Q9975');
  assert.equal(c9136.activeSuccessor, 'J7205');
  assert.equal(cs.lookup('Q9975', '2025-11-10')?.activeSuccessor, 'J7205');
  assert.equal(cs.lookup('J7205', '2025-11-10')?.activeSuccessor, undefined, 'an active code has no successor');
  assert.deepEqual(cs.lookup('E1085', '2025-11-10')?.record.xrefs, ['K0002']);
});

test('an NDC keeps every code CMS maps it to, in the full set and the core set', { skip }, () => {
  for (const cs of [full!, coreCodeSet()]) {
    assert.deepEqual(cs.ndcRows('55513-0002-04').map((r) => r.code).sort(), ['J0881', 'J0882'], cs.release.label);
    assert.equal(cs.ndc('55513000204', 'J0881')?.code, 'J0881');
    assert.equal(cs.ndc('55513000204', 'J0882')?.code, 'J0882');
    assert.equal(cs.ndc('55513000204', 'J7507'), undefined);
  }
});

test('every NDC of both real crosswalks answers with all its codes', { skip: needs.allReleases }, () => {
  const files: [string, string][] = [
    ['2025-10', 'asp_crosswalk.csv'],
    ['2026-01', 'section 508 version of January 2026 ASP NDC-HCPCS Crosswalk 121725.csv'],
  ];
  const codesOf = new Map<string, Set<string>>();
  for (const [q, f] of files) {
    const x = importAspCrosswalk(readFileSync(join(sharedDir, 'cms/asp', q, f)));
    assert.ok(x.ok);
    for (const r of x.rows) {
      if (!codesOf.has(r.ndc)) codesOf.set(r.ndc, new Set());
      codesOf.get(r.ndc)!.add(r.code);
    }
  }
  const missing: string[] = [];
  for (const [ndc, codes] of codesOf) {
    const got = new Set(full!.ndcRows(ndc).map((r) => r.code));
    for (const c of codes) if (!got.has(c)) missing.push(`${ndc} ${c}`);
  }
  const several = [...codesOf.values()].filter((s) => s.size > 1).length;
  console.log(`${codesOf.size} NDCs in the two crosswalks; ${several} map to several codes`);
  assert.deepEqual(missing, []);
});

test('P1-P6 are Level II modifiers from the CMS file, not CPT ones', () => {
  const sets = [coreCodeSet(), ...(full ? [full] : [])];
  for (const cs of sets) {
    for (const m of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6']) {
      assert.ok(cs.modifier(m), `${m} in ${cs.release.label}`);
      assert.equal(cs.cptModifier(m), undefined, `${m} is not described as CPT`);
    }
  }
  assert.ok(coreCodeSet().cptModifier('25'), 'CPT modifiers are still recognised');
});
