// Issue #19 cases 6 and 7. A truncated release (the first half of the real CSV: 3,688 codes) was
// accepted, replaced the full one and was cached, making J7507 "unknown"; now a release that does not
// look whole is refused unless confirmed. Two windows loading at once shared one cache slot and one
// release was served under the other's stamp; now entries are keyed by content hash and written
// atomically, one per release.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeSetStore, sourcesKey } from '../../server/src/node/codeset-store';
import { releaseDoubts } from '../../server/src/codeset/import/plausibility';
import { importRelease } from '../../server/src/codeset/import/release';
import { RELEASE } from '../../server/src/base/limits';
import { startSession } from '../support/lsp-session';
import { fixture, releaseFile } from '../support/paths';
import { LOAD_RELEASE_REQUEST } from '../../server/src/protocol';
import { needs } from '../support/needs';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hcpcs-release-cache-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const records = (codes: number, modifiers: number, skipped = 0) => ({
  codes: Array.from({ length: codes }, () => ({})) as never[],
  modifiers: Array.from({ length: modifiers }, () => ({})) as never[],
  problems: Array.from({ length: skipped }, (_, i) => `row ${i}: not a HCPCS record, skipped`),
});

const doubtRows: { name: string; codes: number; modifiers: number; skipped?: number; doubts: RegExp[] }[] = [
  { name: 'a whole release (October 2025)', codes: 8463, modifiers: 383, doubts: [] },
  { name: 'the first half of it', codes: 3688, modifiers: 0, doubts: [/3,688 codes/, /0 modifiers/] },
  { name: 'codes only', codes: 8463, modifiers: 0, doubts: [/0 modifiers/] },
  { name: 'the hand-written 4-code release', codes: 4, modifiers: 3, doubts: [/4 codes/, /3 modifiers/] },
  { name: 'far too many codes', codes: RELEASE.codes.max + 1, modifiers: 383, doubts: [/20,001 codes/] },
  { name: 'whole counts, many rows off the layout', codes: 8463, modifiers: 383, skipped: 120, doubts: [/at least 50 rows that do not match the record layout/] },
  { name: 'whole counts, a few rows off the layout', codes: 8463, modifiers: 383, skipped: 3, doubts: [] },
  { name: 'whole counts, 49 rows off the layout (under the cap)', codes: 8463, modifiers: 383, skipped: 49, doubts: [] },
];
for (const row of doubtRows) {
  test(`plausibility: ${row.name}`, () => {
    const doubts = releaseDoubts(records(row.codes, row.modifiers, row.skipped));
    assert.equal(doubts.length, row.doubts.length, doubts.join('; '));
    row.doubts.forEach((re, i) => assert.match(doubts[i]!, re));
  });
}

test('the real release cut in half is refused unless confirmed; the whole one loads', { skip: needs.october }, () => {
  const whole = readFileSync(releaseFile()!);
  const lines = whole.toString('latin1').split('\n');
  const cases: { name: string; bytes: Buffer; refused: boolean }[] = [
    { name: 'first half by lines', bytes: Buffer.from(lines.slice(0, lines.length / 2).join('\n'), 'latin1'), refused: true },
    { name: 'first half by bytes (cut mid-row)', bytes: whole.subarray(0, whole.length / 2), refused: true },
    { name: 'twin: the whole file', bytes: whole, refused: false },
  ];
  for (const c of cases) {
    const storagePath = mkdtempSync(join(dir, 'store-'));
    const path = join(storagePath, 'HCPC2025_OCT_ANWEB.csv');
    writeFileSync(path, c.bytes);
    const store = new CodeSetStore({ storagePath });
    const result = store.loadReleaseFile(path);
    assert.equal(result.ok, !c.refused, `${c.name}: ${result.ok ? result.message : result.error}`);
    if (!result.ok) {
      assert.equal(result.needsConfirmation, true, c.name);
      assert.match(result.error, /HCPC2025_OCT_ANWEB\.csv does not look like a whole CMS release: [\d,]+ codes/);
      assert.equal(readdirSync(storagePath).includes('releases'), false, `${c.name}: nothing cached`);
      const confirmed = store.loadReleaseFile(path, undefined, { confirmed: true });
      assert.equal(confirmed.ok, true, `${c.name}: loads when confirmed`);
      if (confirmed.ok) assert.match(confirmed.message, /Loaded as confirmed, although/);
    }
  }
});

test('cache entries are named by content hash, one per release id, and the pointer names the last load', () => {
  const storagePath = mkdtempSync(join(dir, 'entries-'));
  const store = new CodeSetStore({ storagePath });
  const small = readFileSync(fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv'), 'utf8');
  const variants = [small, small.replace('Tacrolimus', 'Tacrolimus (v2)'), small.replace('Tacrolimus', 'Tacrolimus (v3)')];
  const keys: string[] = [];
  variants.forEach((text, i) => {
    const path = join(storagePath, `v${i}`, 'HCPC2024_JAN_ANWEB.csv');
    rmSync(join(storagePath, `v${i}`), { recursive: true, force: true });
    mkdirSync(join(storagePath, `v${i}`));
    writeFileSync(path, text);
    assert.equal(store.loadReleaseFile(path, undefined, { confirmed: true }).ok, true);
    // the store's compiler is this bundle (the default): its key is the release's bytes and this file
    keys.push(sourcesKey([Buffer.from(text)], [], __filename));
  });
  const entries = readdirSync(join(storagePath, 'releases')).filter((n) => n.endsWith('.json'));
  assert.deepEqual(entries, [`2024-01.${keys[2]}.json`], 'one entry for the release id, the newest content');
  assert.equal(readFileSync(join(storagePath, 'releases', 'latest'), 'utf8'), keys[2]);
  assert.ok(!readdirSync(join(storagePath, 'releases')).some((n) => n.endsWith('.tmp')), 'no temporary files left');
});

test('two windows loading different releases at once never serve one under the other', async () => {
  const storagePath = mkdtempSync(join(dir, 'race-'));
  const small = readFileSync(fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv'), 'utf8');
  const jan = join(storagePath, 'HCPC2024_JAN_ANWEB.csv');
  const apr = join(storagePath, 'HCPC2024_APR_ANWEB.csv');
  writeFileSync(jan, small);
  writeFileSync(apr, small.replace('Tacrolimus', 'Tacrolimus (April)'));
  const sessions = await Promise.all([startSession({ initializationOptions: { storagePath } }), startSession({ initializationOptions: { storagePath } })]);
  try {
    await Promise.all(sessions.map((s) => s.waitForRelease()));
    for (let round = 0; round < 5; round++) {
      const [a, b] = round % 2 ? [apr, jan] : [jan, apr];
      const answers = await Promise.all([
        sessions[0]!.request<{ ok: boolean; label?: string }>(LOAD_RELEASE_REQUEST, { path: a, confirm: true }),
        sessions[1]!.request<{ ok: boolean; label?: string }>(LOAD_RELEASE_REQUEST, { path: b, confirm: true }),
      ]);
      assert.match(answers[0]!.label ?? '', a === jan ? /January 2024/ : /April 2024/, `round ${round}, window 1`);
      assert.match(answers[1]!.label ?? '', b === jan ? /January 2024/ : /April 2024/, `round ${round}, window 2`);
    }
  } finally {
    await Promise.all(sessions.map((s) => s.stop()));
  }
  // a later start from each path is served the release compiled from that file's bytes
  for (const [path, label] of [[jan, /January 2024/], [apr, /April 2024/]] as const) {
    const session = await startSession({ initializationOptions: { storagePath, releasePath: path } });
    try {
      const announced = await session.waitForRelease();
      assert.match(announced.label, label);
      assert.match(announced.message ?? '', /cached/);
    } finally {
      await session.stop();
    }
  }
});

test('an imported release that is whole has no doubts (the real file, when present)', { skip: needs.october }, () => {
  const real = releaseFile()!;
  const imported = importRelease(readFileSync(real), real);
  assert.equal(imported.ok, true);
  if (imported.ok) assert.deepEqual(releaseDoubts(imported.release), []);
});
