// Untrusted release files: anything that is not a CMS HCPCS release is refused with a message that
// names the file, and the index already loaded stays (hover still names the previous release).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startSession, type LspSession } from '../support/lsp-session';
import { releaseFile } from '../support/paths';
import { answer, assertServing, type Answer } from './protocol-helpers';

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

// name -> contents (undefined: the path is a folder; null: the path does not exist)
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
];

test('non-CMS files are refused with a message naming the file; the previous release stays', async () => {
  const real = releaseFile();
  let previous = session.releases[session.releases.length - 1]!.label;
  if (real) {
    const loaded = await answer(session, 'hcpcs/loadRelease', { path: real }, 60_000);
    const result = loaded.result as { ok: boolean; label?: string };
    assert.equal(result?.ok, true, JSON.stringify(loaded));
    previous = result.label!;
  }
  const before = await assertServing(session, 'before the hostile files');
  assert.ok(before.includes(previous), `hover names ${previous}`);

  for (const [name, contents] of hostile) {
    const path = join(dir, name);
    if (contents === undefined) mkdirSync(path);
    else if (contents !== null) writeFileSync(path, contents);
    const reply = await answer(session, 'hcpcs/loadRelease', { path }, 30_000);
    const result = reply.result as { ok?: boolean; error?: string } | undefined;
    assert.equal(reply.error, undefined, `${name}: answered with a result, not a protocol error`);
    assert.equal(result?.ok, false, `${name} was accepted as a release: ${JSON.stringify(result)}`);
    assert.ok(typeof result.error === 'string' && result.error.includes(basename(path)), `${name}: the message names the file: ${result.error}`);
    const hover = await assertServing(session, `after ${name}`);
    assert.ok(hover.includes(previous), `${name}: hover still names ${previous}`);
  }
});

test('a release path that is a FIFO (or any non-regular file) is refused, not read until it blocks', { todo: 'FOUND.md #2: loadReleaseFile opens a FIFO and blocks the server' }, async () => {
  const fifo = join(dir, 'HCPC2026_JAN_ANWEB.txt');
  execFileSync('mkfifo', [fifo]);
  // nothing writes to the FIFO: a server that opens it for reading blocks its whole event loop
  let reply: Answer | undefined;
  let blocked: unknown;
  try {
    reply = await answer(session, 'hcpcs/loadRelease', { path: fifo }, 5_000);
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
