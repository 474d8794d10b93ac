// The loaded code set: lookups by date, searches, drugs, related codes, ASP and NDC answers, on
// the shipped core set (always) and on the Oct 2025 release + ASP (../shared's files, else their committed excerpts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { octoberAsp, octoberRelease } from '../../support/paths';
import { compileIndex, loadIndex, type CompiledIndex } from '../../../server/src/codeset/index';
import { importRelease } from '../../../server/src/codeset/import/release';
import { importAsp } from '../../../server/src/codeset/import/asp';
import type { CodeSet } from '../../../server/src/codeset/types';
import coreJson from '../../../data/core/codeset.json';
import { needs } from '../../support/needs';

const core = loadIndex(coreJson as unknown as CompiledIndex);
const skip = needs.october;
let fullJson: string | undefined;
/** the October 2025 release + ASP: ../shared's files, else their committed excerpts (every code named below) */
function full(): CodeSet {
  if (!fullJson) {
    const r = importRelease(readFileSync(octoberRelease()), octoberRelease());
    const a = importAsp(readFileSync(join(octoberAsp(), 'asp_pricing.csv')), readFileSync(join(octoberAsp(), 'asp_crosswalk.csv')));
    assert.ok(r.ok && a.ok);
    fullJson = JSON.stringify(compileIndex(r.release, a.asp));
  }
  return loadIndex(fullJson);
}

/** code, date -> 'status' or 'status>successor'; undefined = unknown */
function checkLookups(cs: CodeSet, rows: [string, string | undefined, string | undefined][]): void {
  for (const [code, date, expected] of rows) {
    const l = cs.lookup(code, date);
    assert.equal(l ? `${l.status}${l.successor ? `>${l.successor}` : ''}` : undefined, expected, `${code} on ${date}`);
  }
}

function checkSearch(cs: CodeSet, rows: [string, string[]][]): void {
  for (const [query, expected] of rows) assert.deepEqual(cs.searchWords(query, 10).map((c) => c.code), expected, query);
}

test('core set: release info and lookups', () => {
  assert.equal(core.isFull, false);
  assert.equal(core.release.kind, 'core');
  assert.match(core.release.label, /October 2025/);
  checkLookups(core, [
    ['J7507', '2025-11-05', 'active'],
    ['j7507', undefined, 'active'],
    ['J7401', '2021-03-31', 'active'],
    ['J7401', '2021-04-01', 'terminated'],
    ['J7402', '2021-03-31', 'not-yet-effective'],
    ['J7521', '2025-03-31', 'not-yet-effective'],
    ['J7521', '2025-04-01', 'active'],
    ['E0431', '2025-01-01', undefined],
  ]);
  const mods: [string, string, string | undefined][] = [
    ['JG', '2024-12-31', 'active'],
    ['JG', '2025-01-01', 'terminated'],
    ['TB', '2025-01-01', 'active'],
    ['jz', '2025-06-01', 'active'],
    ['QQ', '2025-06-01', undefined],
  ];
  for (const [m, date, expected] of mods) assert.equal(core.modifier(m, date)?.status, expected, `${m} on ${date}`);
  assert.deepEqual(core.cptModifier('25')?.code, '25');
  assert.equal(core.cptModifier('JW'), undefined);
});

test('core set: search, drugs, related, ASP', () => {
  checkSearch(core, [
    ['tacro', ['J7503', 'J7507', 'J7508', 'J7521', 'J7525']],
    ['omalizumab', ['J2357']],
    ['sirolimus oral', ['J7520']],
    ['zzzz', []],
    ['', []],
  ]);
  assert.deepEqual(core.searchPrefix('j750', 3).map((c) => c.code), ['J7500', 'J7501', 'J7502']);
  assert.deepEqual(core.codesForDrug('tacrolimus'), ['J7503', 'J7507', 'J7508', 'J7521', 'J7525']);
  assert.deepEqual(core.codesForDrug('tacro'), ['J7503', 'J7507', 'J7508', 'J7521', 'J7525']);
  assert.deepEqual(core.codesForDrug('tac'), []);
  assert.equal(core.isDrugName('tacrolimus'), true);
  assert.equal(core.isDrugName('oral'), false);
  assert.deepEqual(core.drug('J7507'), { code: 'J7507', drugs: ['tacrolimus'], noc: false, route: 'oral', unit: { amount: 1, unit: 'mg', text: '1 mg', kind: 'amount', source: 'asp' } });
  assert.equal(core.drug('J3490')?.noc, true);
  const related = core.related('J7507', 6);
  assert.deepEqual(related.slice(0, 4).map((r) => `${r.code}:${r.kind}`), ['J7503:same-drug', 'J7508:same-drug', 'J7521:same-drug', 'J7525:same-drug']);
  assert.ok(related.slice(4).every((r) => r.kind === 'family' && r.code.startsWith('J75')));
  assert.equal(related.length, 6);
  assert.deepEqual(core.related('J7401', 1), [{ code: 'J7402', kind: 'same-drug', short: 'Mometasone sinus sinuva' }]);
  assert.equal(core.asp('J7507')?.dosage, '1 MG');
  assert.equal(core.ndc('00378-2045-01')?.code, 'J7507');
});

test('full release + ASP: load time and counts', { skip }, () => {
  const cs = full();
  const times: number[] = [];
  let again = cs;
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    again = loadIndex(fullJson!);
    times.push(performance.now() - started);
  }
  console.log(`full index: ${(fullJson!.length / 1048576).toFixed(2)} MB JSON, loadIndex (JSON.parse included) ms: ${times.map((t) => t.toFixed(1)).join(', ')}`);
  assert.equal(again.release.codeCount, 8463);
  assert.equal(cs.isFull, true);
  assert.equal(cs.release.asp, 'ASP October 2025');
  assert.equal(cs.allModifiers().length, 383);
});

test('October release + ASP: lookups, search, related, ASP and NDC answers', () => {
  const cs = full();
  assert.equal(cs.isFull, true);
  assert.equal(cs.release.asp, 'ASP October 2025');
  checkLookups(cs, [
    ['J7505', '2025-11-01', 'active'], // Oct 2025 does not yet carry the 2025-12-31 termination
    ['J7513', '2025-11-01', 'active'],
    ['J7401', '2025-01-01', 'terminated'], // no XREF names J7402 in this release
    ['C9014', '2025-01-01', 'terminated>J0567'],
    ['J7528', '2026-01-01', undefined], // added in Jan 2026, after this release
    ['Q5103', '2025-01-01', 'active'],
  ]);
  checkSearch(cs, [
    ['tacro', ['J7503', 'J7507', 'J7508', 'J7521', 'J7525']],
    ['tacrolimus oral', ['J7507', 'J7503', 'J7508', 'J7521']],
  ]);
  const omalizumab = cs.searchWords('inj omalizumab', 5).map((c) => c.code);
  assert.equal(omalizumab[0], 'J2357');
  assert.deepEqual(cs.related('C9014', 2).map((r) => `${r.code}:${r.kind}`)[0], 'J0567:successor');
  assert.ok(cs.related('J0567', 5).some((r) => r.code === 'C9014' && r.kind === 'predecessor'));
  assert.equal(cs.asp('J0561')?.dosage, '100,000 UNITS');
  assert.equal(cs.asp('90371'), undefined, 'no CPT rows');
  const x = cs.ndc('00378204501');
  assert.deepEqual([x?.code, x?.billUnits, x?.billUnitsPerPackage], ['J7507', 50, 50]);
  assert.equal(cs.isDrugName('omalizumab'), true);
  assert.ok(cs.codesForDrug('rituximab').includes('J9312'));
});
