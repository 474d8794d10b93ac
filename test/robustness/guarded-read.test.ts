// Issue #19 case 2: every path the server reads (release, ASP files, config) goes through one guarded
// reader: a regular file within the budget of its kind, symlinks resolved and checked, never a FIFO or
// a device (a FIFO blocked the server forever, /dev/zero grew memory without limit, a 600 MB ASP
// file aborted the process, a 2.1 GB one at start-up left the release never announced).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGuarded } from '../../server/src/node/guarded-read';
import { CodeSetStore } from '../../server/src/node/codeset-store';
import { readWorkspaceConfig } from '../../server/src/node/workspace-config';
import { FILE_BYTES, type FileKind } from '../../server/src/base/limits';
import { startSession } from '../support/lsp-session';
import { fixture, releaseFile } from '../support/paths';
import { PROBE_837_NO_KX } from './protocol-helpers';
import { needs } from '../support/needs';

const GB = 1024 * 1024 * 1024;
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hcpcs-guarded-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

type Make = (path: string) => void;
const sparse = (bytes: number): Make => (path) => {
  writeFileSync(path, '');
  truncateSync(path, bytes); // holes: no disk, no time
};
const text = (contents: string): Make => (path) => writeFileSync(path, contents);
const fifo: Make = (path) => execFileSync('mkfifo', [path]);
const link = (target: string): Make => (path) => symlinkSync(target, path);

interface Row {
  name: string;
  kind: FileKind;
  make: Make;
  /** undefined: read; else the error says this */
  refused?: RegExp;
  missing?: boolean;
}

const rows: Row[] = [
  { name: 'regular ASP file', kind: 'asp', make: text('HCPCS Code,Payment Limit\nJ9035,1.00\n') },
  { name: '600 MB ASP file (sparse)', kind: 'asp', make: sparse(600 * 1024 * 1024), refused: /is 600 MB, larger than the 16 MB limit for an ASP file/ },
  { name: '2.1 GB ASP file (sparse)', kind: 'asp', make: sparse(Math.floor(2.1 * GB)), refused: /is 2150\.4 MB, larger than the 16 MB limit for an ASP file/ },
  { name: 'ASP file exactly at the limit', kind: 'asp', make: sparse(FILE_BYTES.asp) },
  { name: 'ASP file one byte over', kind: 'asp', make: sparse(FILE_BYTES.asp + 1), refused: /larger than the 16 MB limit/ },
  { name: 'FIFO as the ASP file', kind: 'asp', make: fifo, refused: /is a named pipe \(FIFO\), not a regular file/ },
  { name: 'symlink to /dev/zero', kind: 'asp', make: link('/dev/zero'), refused: /links to \/dev\/zero\) is a device, not a regular file/ },
  { name: 'symlink to a FIFO', kind: 'release', make: (p) => { fifo(`${p}.pipe`); link(`${p}.pipe`)(p); }, refused: /FIFO/ },
  { name: 'symlink to a regular file', kind: 'release', make: (p) => { text('data')(`${p}.real`); link(`${p}.real`)(p); } },
  { name: 'dangling symlink', kind: 'config', make: link('/nonexistent/hcpcs/target'), refused: /does not exist/, missing: true },
  { name: 'symlink loop', kind: 'config', make: (p) => { link(`${p}.b`)(p); link(p)(`${p}.b`); }, refused: /symlink loop/ },
  { name: 'folder', kind: 'release', make: (p) => mkdirSync(p), refused: /is a folder, not a regular file/ },
  { name: 'missing file', kind: 'asp', make: () => undefined, refused: /does not exist/, missing: true },
  { name: '300 kB config', kind: 'config', make: sparse(300 * 1024), refused: /300 kB, larger than the 256 kB limit for a config file/ },
  { name: 'ANSI escape in the file name', kind: 'asp', make: sparse(FILE_BYTES.asp + 1), refused: /\\x1b\[31m/ },
];

/** make the path, read it through the guard; the helper every row goes through */
function checkRead(row: Row, index: number): void {
  const path = join(dir, row.name.startsWith('ANSI') ? `\u001b[31masp${index}.csv` : `file${index}`);
  row.make(path);
  const read = readGuarded(path, row.kind);
  if (!row.refused) {
    assert.equal(read.ok, true, `${row.name}: ${read.ok ? '' : read.error}`);
    return;
  }
  assert.equal(read.ok, false, `${row.name} was read`);
  if (read.ok) return;
  assert.match(read.error, row.refused, row.name);
  assert.doesNotMatch(read.error, /[\u0000-\u001f]/, `${row.name}: control characters escaped`);
  assert.equal(read.missing === true, row.missing === true, `${row.name}: missing flag`);
}

rows.forEach((row, i) => test(`guarded read: ${row.name}`, () => checkRead(row, i)));

test('/proc files (size 0, content on read) are read up to the budget, not by their reported size', () => {
  const read = readGuarded('/proc/self/status', 'config');
  assert.equal(read.ok, true, read.ok ? '' : read.error);
  if (read.ok) assert.match(read.bytes.toString('utf8'), /^Name:/);
});

// the ASP folder goes through the guard: a hostile ASP file is left out with a note, the release loads
const aspRows: { name: string; make: Make; note?: RegExp }[] = [
  { name: '600 MB asp_pricing.csv', make: sparse(600 * 1024 * 1024), note: /asp_pricing\.csv is 600 MB, larger than the 16 MB limit for an ASP file/ },
  { name: 'FIFO asp_pricing.csv', make: fifo, note: /asp_pricing\.csv is a named pipe/ },
  { name: 'asp_pricing.csv -> /dev/zero', make: link('/dev/zero'), note: /asp_pricing\.csv \(it links to \/dev\/zero\) is a device/ },
  { name: 'twin: a real-shaped asp_pricing.csv', make: text('"Effective October 1, 2025 through December 31, 2025"\nHCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit\nJ9035,Bevacizumab,10 MG,70.123\n') },
];

aspRows.forEach((row, i) =>
  test(`ASP folder: ${row.name}`, () => {
    const asp = join(dir, `asp-${i}`);
    mkdirSync(asp);
    row.make(join(asp, 'asp_pricing.csv'));
    // the hand-written release is not whole (4 codes): loaded as the user confirmed it
    const loaded = new CodeSetStore().loadReleaseFile(fixture('e2e-workspace', 'release', 'HCPC2024_JAN_ANWEB.csv'), asp, { confirmed: true });
    assert.equal(loaded.ok, true, loaded.ok ? '' : loaded.error);
    if (!loaded.ok) return;
    if (row.note) assert.match(loaded.message, row.note);
    else assert.match(loaded.message, /ASP October 2025/);
  }),
);

test('config: a FIFO named .hcpcsrc.json is refused with its path, the defaults apply', () => {
  const folder = join(dir, 'config-fifo');
  mkdirSync(folder);
  fifo(join(folder, '.hcpcsrc.json'));
  const config = readWorkspaceConfig([folder]);
  assert.equal(config.settings, undefined);
  assert.match(config.problems.join(' '), new RegExp(`${join(folder, '.hcpcsrc.json').replace(/[.]/g, '\\.')} is a named pipe.*the defaults apply`));
});

// the whole release: an excerpt would be held back as not looking whole
test('start-up with a 2.1 GB asp_pricing.csv: the release is announced and .hcpcsrc.json applied', { skip: needs.october }, async () => {
  const real = releaseFile()!;
  const folder = join(dir, 'startup');
  const asp = join(folder, 'asp');
  mkdirSync(asp, { recursive: true });
  sparse(Math.floor(2.1 * GB))(join(asp, 'asp_pricing.csv'));
  const release = join(folder, 'HCPC2025_OCT_ANWEB.csv');
  copyFileSync(real, release);
  writeFileSync(join(folder, '.hcpcsrc.json'), '{ "forbiddenCodes": ["J7507"] }');
  const session = await startSession({ workspaceFolder: folder, initializationOptions: { releasePath: release, aspPath: asp } });
  try {
    const announced = await session.waitForRelease();
    assert.match(announced.label, /October 2025/);
    assert.match(announced.message ?? '', /asp_pricing\.csv is 2150\.4 MB, larger than the 16 MB limit for an ASP file/);
    const uri = session.open('probe.837', 'x12', PROBE_837_NO_KX);
    const codes = (await session.diagnostics(uri)).map((d) => d.code);
    assert.ok(codes.includes('code-not-allowed'), `the config's forbiddenCodes apply: ${codes.join(', ')}`);
  } finally {
    await session.stop();
  }
});

