// hcpcs-check on hostile folders: junk bytes, NULs, empty files, a 10 MB single line, deep JSON, a
// FIFO and symlink loops. It must finish, print valid JSON, exit 0/1 (never a crash), and check
// each file once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, repoRoot } from '../support/paths';

const CLI = join(repoRoot, 'bin', 'hcpcs-check');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** run the CLI with a deadline; a run past it is killed and reported, never waited for */
function runCli(args: string[], cwd: string, deadlineMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hcpcs-cli-hostile-'));
}

const CLAIM = fixture('claims', 'infusion-and-transplant.837');

test('hostile files in a folder: the CLI finishes, prints valid JSON, and does not crash', async () => {
  const dir = tempDir();
  try {
    copyFileSync(CLAIM, join(dir, 'good.837'));
    writeFileSync(join(dir, 'junk.837'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    writeFileSync(join(dir, 'nul.json'), Buffer.alloc(4096));
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'bom-only.edi'), '\uFEFF');
    writeFileSync(join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    writeFileSync(join(dir, 'one-line.edi'), 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~' + 'SV1*HC:J7507*1*UN*5*'.repeat(500_000));
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('hcpcs,units,description\nJ7507,5,caf\xe9 \xff\xfe\n', 'latin1'));
    execFileSync('mkfifo', [join(dir, 'pipe.837')]); // nobody writes to it: reading it would block forever
    const run = await runCli(['--format', 'json', dir], dir, 60_000);
    assert.equal(run.timedOut, false, `the CLI did not finish; stderr:\n${run.stderr.slice(-2000)}`);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code} (${run.signal}); stderr:\n${run.stderr.slice(-2000)}`);
    assert.doesNotMatch(run.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace on stderr');
    const findings = JSON.parse(run.stdout) as { file: string }[];
    assert.ok(findings.some((f) => f.file.endsWith('good.837')), 'the good claim was checked');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// FOUND.md #4 (fixed in 90e5059)
test(
  'symlink loops: each file is checked once and the walk ends',
  async () => {
    const once = tempDir();
    const looped = tempDir();
    try {
      copyFileSync(CLAIM, join(once, 'claim.837'));
      const expected = JSON.parse((await runCli(['--format', 'json', once], once, 30_000)).stdout) as unknown[];
      assert.ok(expected.length > 0, 'the claim has findings to count');

      copyFileSync(CLAIM, join(looped, 'claim.837'));
      symlinkSync('.', join(looped, 'a'));
      const single = await runCli(['--format', 'json', looped], looped, 30_000);
      assert.equal((JSON.parse(single.stdout) as unknown[]).length, expected.length, 'one loop: findings counted once');

      symlinkSync('.', join(looped, 'b'));
      const double = await runCli(['--format', 'json', looped], looped, 8_000);
      assert.equal(double.timedOut, false, 'two loops: the walk ends');
      assert.equal((JSON.parse(double.stdout) as unknown[]).length, expected.length, 'two loops: findings counted once');
    } finally {
      rmSync(once, { recursive: true, force: true });
      rmSync(looped, { recursive: true, force: true });
    }
  },
);
