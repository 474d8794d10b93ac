// The shipped core set: its shape and size, and every fact in it matching the full release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseFile, repoRoot, excerptRelease } from '../../support/paths';
import { loadIndex, type CompiledIndex } from '../../../server/src/codeset/index';
import { importRelease } from '../../../server/src/codeset/import/release';
import coreJson from '../../../data/core/codeset.json';

const core = loadIndex(coreJson as unknown as CompiledIndex);

test('core set covers the J7500-J7599 family, the listed injectables, NOC codes and drug-line modifiers', () => {
  const list = JSON.parse(readFileSync(join(repoRoot, 'data/core/core-codes.json'), 'utf8')) as { codes: string[]; modifiers: string[] };
  for (const c of list.codes) assert.ok(core.lookup(c), c);
  for (const m of list.modifiers) assert.ok(core.modifier(m), m);
  for (const c of ['J7500', 'J7599', 'J0897', 'J1745', 'J2357', 'J9035', 'J9312', 'J0178', 'J1100', 'J3301', 'J0561', 'J2270', 'J7402']) assert.ok(core.lookup(c), c);
  for (const c of ['J3490', 'J3590', 'J7599', 'J7699', 'J7799', 'J7999', 'J8499', 'J8999', 'J9999']) assert.equal(core.drug(c)?.noc, true, c);
  for (const m of ['JW', 'JZ', 'JG', 'TB', 'KX', 'GA', 'GZ', 'JB', 'JA', 'RT', 'LT', 'RR', 'NU', 'UE', 'XE', 'XP', 'XS', 'XU', 'GY', 'GX', 'KO', 'KP', 'KQ', 'EY', 'CG', 'SL']) assert.ok(core.modifier(m), m);
  assert.ok(core.searchPrefix('J75', 200).length >= 25);
  const size = readFileSync(join(repoRoot, 'data/core/codeset.json')).length;
  assert.ok(size < 300 * 1024, `core set is ${size} bytes`);
});

// the excerpt (test/fixtures/cms) holds every core-set code: a fresh clone runs this too
test('every code and modifier in the core set matches the release', () => {
  const file = releaseFile() ?? excerptRelease;
  const r = importRelease(readFileSync(file), file);
  assert.ok(r.ok);
  assert.equal(core.release.id, r.release.id);
  const codes = new Map(r.release.codes.map((c) => [c.code, c]));
  const mods = new Map(r.release.modifiers.map((m) => [m.code, m]));
  for (const c of core.searchPrefix('', 1000)) assert.deepEqual(c, codes.get(c.code), c.code);
  for (const m of core.allModifiers()) assert.deepEqual(m, mods.get(m.code), m.code);
  assert.equal(core.release.codeCount, core.searchPrefix('', 1000).length);
});
