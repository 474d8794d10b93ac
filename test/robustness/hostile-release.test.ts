// Untrusted release files: anything that is not a CMS HCPCS release is refused with a message that
// names the file, and the index already loaded stays (hover still names the previous release).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startSession, type LspSession } from '../support/lsp-session';
import { releaseFile } from '../support/paths';
import { answer, assertServing, type Answer } from './protocol-helpers';
import { withClaimedSize, zipBomb } from './zip-bomb';
import { LOAD_RELEASE_REQUEST } from '../../server/src/protocol';

let session: LspSession;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hcpcs-hostile-release-'));
  session = await startSession();
  await session.waitForRelease();
});
after(async () => {
  await session?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** deterministic junk bytes (a linear congruential generator, so a failure replays) */
function junk(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// name -> contents (undefined: the path is a folder; null: the path does not exist; 'sparse': a 100 MB empty file)
const hostile: [string, string | Buffer | undefined | null][] = [
  ['notes.txt', 'These are meeting notes, not a code set.\nJ7507 came up twice.\n'],
  ['claims.csv', 'claim_id,service_date,hcpcs,units\nC1,2025-11-05,J7507,5\n'],
  ['header-only.csv', 'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION\n'],
  ['empty.csv', ''],
  ['empty.txt', ''],
  ['fixed-width-junk.txt', ('X'.repeat(320) + '\r\n').repeat(50)],
  ['random.bin', junk(64 * 1024)],
  ['truncated.zip', Buffer.concat([Buffer.from('PK\x03\x04'), junk(2000, 3)])],
  ['fake.xlsx', Buffer.concat([Buffer.from('PK\x03\x04\x14\x00'), junk(500, 11)])],
  ['HCPC2026_JAN_ANWEB.zip', junk(4096, 5)], // a CMS-looking name with junk inside
  ['release.json', JSON.stringify({ codes: [{ code: 'J7507', short: 'Fake' }] })],
  ['utf16.csv', Buffer.from('\uFEFFHCPC,LONG DESCRIPTION\nJ7507,Fake\n', 'utf16le')],
  ['nul.txt', Buffer.alloc(10_000)],
  ['a-folder.csv', undefined],
  ['does-not-exist.csv', null],
  ['HCPC2026_JUL_ANWEB.txt', 'sparse'], // larger than any release
];

test('non-CMS files are refused with a message naming the file; the previous release stays', async () => {
  const real = releaseFile();
  let previous = session.releases[session.releases.length - 1]!.label;
  if (real) {
    const loaded = await answer(session, LOAD_RELEASE_REQUEST, { path: real }, 60_000);
    const result = loaded.result as { ok: boolean; label?: string };
    assert.equal(result?.ok, true, JSON.stringify(loaded));
    previous = result.label!;
  }
  const before = await assertServing(session, 'before the hostile files');
  assert.ok(before.includes(previous), `hover names ${previous}`);

  for (const [name, contents] of hostile) {
    const path = join(dir, name);
    if (contents === undefined) mkdirSync(path);
    else if (contents === 'sparse') {
      writeFileSync(path, '');
      truncateSync(path, 100 * 1024 * 1024); // 100 MB of holes: no disk, no time
    } else if (contents !== null) writeFileSync(path, contents);
    const reply = await answer(session, LOAD_RELEASE_REQUEST, { path }, 30_000);
    const result = reply.result as { ok?: boolean; error?: string } | undefined;
    assert.equal(reply.error, undefined, `${name}: answered with a result, not a protocol error`);
    assert.equal(result?.ok, false, `${name} was accepted as a release: ${JSON.stringify(result)}`);
    assert.ok(typeof result.error === 'string' && result.error.includes(basename(path)), `${name}: the message names the file: ${result.error}`);
    const hover = await assertServing(session, `after ${name}`);
    assert.ok(hover.includes(previous), `${name}: hover still names ${previous}`);
  }
});

// FOUND.md #2 (fixed in a20b9ad)
test('a release path that is a FIFO (or any non-regular file) is refused, not read until it blocks', async () => {
  const fifo = join(dir, 'HCPC2026_JAN_ANWEB.txt');
  execFileSync('mkfifo', [fifo]);
  // nothing writes to the FIFO: a server that opens it for reading blocks its whole event loop
  let reply: Answer | undefined;
  let blocked: unknown;
  try {
    reply = await answer(session, LOAD_RELEASE_REQUEST, { path: fifo }, 5_000);
  } catch (error) {
    blocked = error;
    // release the server (a writer that closes at once gives the reader EOF) so the session can end
    closeSync(openSync(fifo, 'w'));
  }
  assert.equal(blocked, undefined, 'the server stopped answering while it read the FIFO');
  const result = reply?.result as { ok?: boolean; error?: string } | undefined;
  assert.equal(result?.ok, false);
  assert.ok(result.error?.includes(basename(fifo)), `the message names the file: ${result.error}`);
  await assertServing(session, 'after the FIFO');
});

// FOUND.md #3 (fixed in 90e5059)
test('zip bombs (about 550 kB inflating to 540 MB, honest and lying headers) are refused and the server lives', async () => {
  const honest = await zipBomb('HCPC2026_APR_ANWEB.txt', 540);
  const bombs: [string, Buffer][] = [
    ['HCPC2026_APR_ANWEB.zip', honest],
    ['HCPC2026_OCT_ANWEB.zip', withClaimedSize(honest, 4_000)], // claims 4 kB: only an inflate cap stops it
  ];
  const bombed = await startSession();
  const died = new Promise<never>((_, reject) =>
    bombed.process.once('exit', (code, signal) => reject(new Error(`the server exited (code ${code}, signal ${signal}):\n${bombed.stderr().slice(-1500)}`))),
  );
  died.catch(() => undefined);
  try {
    await bombed.waitForRelease();
    for (const [name, bytes] of bombs) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const reply = await Promise.race([answer(bombed, LOAD_RELEASE_REQUEST, { path }, 60_000), died]);
      const result = reply.result as { ok?: boolean; error?: string } | undefined;
      assert.equal(result?.ok, false, `${name}: ${JSON.stringify(reply)}`);
      assert.ok(result.error?.includes(basename(path)), `${name}: the message names the file: ${result.error}`);
      await Promise.race([assertServing(bombed, `after ${name}`), died]);
    }
  } finally {
    if (bombed.process.exitCode === null && bombed.process.signalCode === null) await bombed.stop();
    else bombed.connection.dispose();
  }
});
