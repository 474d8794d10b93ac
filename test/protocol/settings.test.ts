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

test('changing hcpcs.releasePath loads that release; a file that is not a release is refused', async (t) => {
  let section: Record<string, unknown> = {};
  const session = await startSession({ configuration: () => section });
  try {
    const first = await session.waitForRelease();
    const smallRelease = fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv');
    section = { releasePath: smallRelease };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
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
    const answer = await first.request<{ ok: boolean; label?: string }>(LOAD_RELEASE_REQUEST, { path: smallRelease });
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
      assert.match(announced.label, /January 2024/);
      return announced.message ?? '';
    } finally {
      await session.stop();
    }
  };
  assert.doesNotMatch(await startMessage(), /cached/, 'the first start imports the file');
  assert.match(await startMessage(), /cached/, 'the second start reuses the compiled index');
  utimesSync(release, new Date(), new Date(Date.now() + 60_000));
  assert.doesNotMatch(await startMessage(), /cached/, 'a changed file is imported again');
});
