// Settings over the protocol: a new hcpcs.releasePath is loaded at once, a bad one is refused and
// the code set in use stays.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession } from '../support/lsp-session';
import { fixture } from '../support/paths';
import { LOAD_RELEASE_REQUEST } from '../../server/src/protocol';

/** a temp folder removed when the test ends (they were left behind in the temp directory) */
function tempDir(t: TestContext, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// The hand-written release has 4 codes: as hcpcs.releasePath it is refused as not whole (issue #19
// case 6) until the user confirms it once; the confirmed load is cached by content, so the same
// file named in settings afterwards loads.
test('changing hcpcs.releasePath loads that release; a file that is not a release is refused', async (t) => {
  let section: Record<string, unknown> = {};
  const storagePath = tempDir(t, 'hcpcs-storage-');
  const session = await startSession({ configuration: () => section, initializationOptions: { storagePath } });
  const shown: string[] = [];
  session.connection.onNotification('window/showMessage', (p: { message?: string }) => void shown.push(String(p.message)));
  try {
    const first = await session.waitForRelease();
    const smallRelease = fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv');
    section = { releasePath: smallRelease };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const refused = await session.request<{ ok: boolean; needsConfirmation?: boolean }>(LOAD_RELEASE_REQUEST, { path: smallRelease });
    assert.deepEqual([refused.ok, refused.needsConfirmation], [false, true], 'an unconfirmed partial release is refused');
    // the settings change is handled after the configuration is pulled: wait for its message
    for (const until = Date.now() + 20_000; !shown.length && Date.now() < until; ) await new Promise((r) => setImmediate(r));
    assert.ok(shown.some((m) => /does not look like a whole CMS release: 4 codes/.test(m)), `the settings load says why: ${shown.join(' | ')}`);
    const confirmed = await session.request<{ ok: boolean; label?: string }>(LOAD_RELEASE_REQUEST, { path: smallRelease, confirm: true });
    assert.equal(confirmed.ok, true);
    const loaded = await session.waitForRelease((r) => r.label !== first.label);
    assert.match(loaded.label, /January 2024/);

    const notRelease = join(tempDir(t, 'hcpcs-'), 'claims.csv');
    writeFileSync(notRelease, 'claim_id,hcpcs,units\nC1,J7507,5\n');
    section = { releasePath: notRelease };
    const before = session.releases.length;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // the refusal is shown to the user; the release in use is still the January 2024 one
    const answer = await session.request<{ ok: boolean; label?: string }>(LOAD_RELEASE_REQUEST, { path: smallRelease });
    assert.equal(answer.ok, true);
    assert.equal(session.releases.length, before + 1, 'only the explicit load announced a release');
    assert.match(session.releases.at(-1)!.label, /January 2024/);
  } finally {
    await session.stop();
  }
});

test('a release loaded by command is cached in the storage folder and is there after a restart', async (t) => {
  const storagePath = tempDir(t, 'hcpcs-storage-');
  const smallRelease = fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv');
  const first = await startSession({ initializationOptions: { storagePath } });
  try {
    await first.waitForRelease();
    const answer = await first.request<{ ok: boolean; label?: string }>(LOAD_RELEASE_REQUEST, { path: smallRelease, confirm: true });
    assert.equal(answer.ok, true);
  } finally {
    await first.stop();
  }
  const second = await startSession({ initializationOptions: { storagePath } });
  try {
    const release = await second.waitForRelease();
    assert.match(release.label, /January 2024/, 'the restarted server loads the cached index');
  } finally {
    await second.stop();
  }
});

test('a release set at start is compiled once: later starts reuse the cache until the file changes', async (t) => {
  const storagePath = tempDir(t, 'hcpcs-storage-');
  const release = join(tempDir(t, 'hcpcs-release-'), 'HCPC2024_JAN_ANWEB.csv');
  writeFileSync(release, readFileSync(fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv')));
  const startMessage = async () => {
    const session = await startSession({ initializationOptions: { storagePath, releasePath: release } });
    try {
      const announced = await session.waitForRelease();
      return announced.message ?? '';
    } finally {
      await session.stop();
    }
  };
  // the small release is not whole: the first start refuses it; the user confirms it once
  assert.match(await startMessage(), /does not look like a whole CMS release/, 'the first start asks for confirmation');
  const session = await startSession({ initializationOptions: { storagePath } });
  try {
    await session.waitForRelease();
    const confirmed = await session.request<{ ok: boolean }>(LOAD_RELEASE_REQUEST, { path: release, confirm: true });
    assert.equal(confirmed.ok, true);
  } finally {
    await session.stop();
  }
  assert.match(await startMessage(), /January 2024.*\(compiled from .*, cached\)/, 'later starts reuse the compiled index');
  utimesSync(release, new Date(), new Date(Date.now() + 60_000));
  assert.match(await startMessage(), /cached/, 'the cache is keyed by content: a new time stamp alone changes nothing');
  writeFileSync(release, readFileSync(release, 'utf8').replace('Tacrolimus', 'Tacrolimus (edited)'));
  assert.match(await startMessage(), /does not look like a whole CMS release/, 'changed content is imported again (and needs confirming again)');
});
