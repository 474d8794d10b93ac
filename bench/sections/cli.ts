// hcpcs-check for pipelines (issue #18), through the built CLI (dist/cli.js) in child processes:
// the worker pool's speed-up on a folder of claim files, process start to the first NDJSON result with
// a compiled code set, and peak memory while a long NDJSON stream of one-claim documents goes through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../test/support/paths';
import { generate837p } from '../generate/index';
import { summarize } from '../lib/stats';
import { now } from '../lib/timing';
import type { RunContext } from '../context';

const CLI = join(repoRoot, 'dist', 'cli.js');
const FOLDER_FILES = 200;
const STREAM_DOCUMENTS = 100_000;

/** one wall-clock run of the CLI to its end, output discarded */
function timeRun(args: string[]): number {
  const t0 = now();
  const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`hcpcs-check ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function claimFolder(ctx: RunContext, bytesEach: number): string {
  const dir = join(ctx.outDir, '..', 'cli-claims');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FOLDER_FILES; i++) {
    writeFileSync(join(dir, `claims-${String(i).padStart(3, '0')}.837`), generate837p({ seed: ctx.seed + i, targetBytes: bytesEach }).text);
  }
  return dir;
}

/** spawn to the first record on stdout, one document written at once */
function firstResult(args: string[], line: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    let seen = false;
    child.stdout.once('data', () => {
      seen = true;
      resolve(now() - t0);
      child.stdin.end();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!seen) reject(new Error(`hcpcs-check exited ${code} without a result`));
    });
    child.stdin.write(line);
  });
}

/** streams `count` one-claim documents through one process; peak RSS from /proc while it is still running */
function streamPeakRss(args: string[], docs: string[], count: number): Promise<{ peakMB?: number; seconds: number; records: number }> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    let answered = 0;
    let peakMB: number | undefined;
    let tail = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const text = tail + chunk;
      const cut = text.lastIndexOf('\n');
      tail = text.slice(cut + 1);
      for (let i = text.indexOf('"type":"document"'); i >= 0 && i < cut; i = text.indexOf('"type":"document"', i + 1)) answered++;
      if (answered === count && peakMB === undefined) {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) peakMB = Number(m[1]) / 1024;
        } catch {
          // no /proc: the row says so
        }
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ peakMB, seconds: (now() - t0) / 1000, records: answered }));
    let i = 0;
    const pump = () => {
      while (i < count) {
        const ok = child.stdin.write(`{"id":"doc-${i}","text":${docs[i % docs.length]}}\n`);
        i++;
        if (!ok) return void child.stdin.once('drain', pump);
      }
    };
    pump();
  });
}

export async function measureCli(ctx: RunContext): Promise<void> {
  const section = 'hcpcs-check for pipelines (dist/cli.js in child processes)';
  if (!existsSync(CLI)) {
    console.log(`${section}: dist/cli.js is not built; skipped`);
    return;
  }
  const codeset = ['--codeset', ctx.indexPath, '--today', '2025-11-20'];

  // 1. the pool on a folder: --jobs 2 against --jobs 1, alternated so a busy moment hits both
  const bytesEach = ctx.quick ? 20_000 : 100_000;
  const dir = claimFolder(ctx, bytesEach);
  const one: number[] = [];
  const two: number[] = [];
  for (let r = 0; r < ctx.reps(3, 1); r++) {
    one.push(timeRun([...codeset, '--format', 'ndjson', '--jobs', '1', dir]));
    two.push(timeRun([...codeset, '--format', 'ndjson', '--jobs', '2', dir]));
  }
  const s1 = summarize(one);
  const s2 = summarize(two);
  const folderMB = (FOLDER_FILES * bytesEach) / 1048576;
  ctx.report.add({ section, name: `${FOLDER_FILES} claim files (${folderMB.toFixed(0)} MB), --jobs 1, wall`, unit: 'ms', stats: s1 });
  ctx.report.add({ section, name: `${FOLDER_FILES} claim files (${folderMB.toFixed(0)} MB), --jobs 2, wall`, unit: 'ms', stats: s2 });
  // the target is "≥ 1.7×": reported as its inverse so the report's "<=" applies
  ctx.report.add({
    section,
    name: 'folder: --jobs 2 time ÷ --jobs 1 time (medians; target speed-up ≥ 1.7× = ratio ≤ 0.588)',
    unit: '×',
    value: s2.median / s1.median,
    target: { stat: 'value', op: '<=', limit: 0.588 },
    note: `speed-up ${(s1.median / s2.median).toFixed(2)}×`,
  });

  // 2. start to first result with the compiled code set, default jobs and one thread
  const doc = JSON.stringify(generate837p({ seed: ctx.seed, targetBytes: 1 }).text);
  const line = `{"id":"first","text":${doc}}\n`;
  for (const jobs of ['default', '1']) {
    const samples: number[] = [];
    for (let r = 0; r < ctx.reps(7, 2); r++) {
      samples.push(await firstResult([...codeset, '--input', 'ndjson', '--format', 'ndjson', ...(jobs === '1' ? ['--jobs', '1'] : [])], line));
    }
    ctx.report.add({
      section,
      name: `process start to first NDJSON result, --codeset, --jobs ${jobs}`,
      unit: 'ms',
      stats: summarize(samples),
      target: jobs === 'default' ? { stat: 'median', op: '<', limit: 300 } : undefined,
    });
  }

  // 3. a long stream of one-claim documents through one process (as under Spark's pipe)
  const docs = Array.from({ length: 64 }, (_, i) => JSON.stringify(generate837p({ seed: ctx.seed + 1000 + i, targetBytes: 1 }).text));
  const count = ctx.quick ? STREAM_DOCUMENTS / 10 : STREAM_DOCUMENTS;
  for (const jobs of ['default', '1']) {
    const r = await streamPeakRss([...codeset, '--input', 'ndjson', '--format', 'ndjson', '--fail-on', 'none', ...(jobs === '1' ? ['--jobs', '1'] : [])], docs, count);
    ctx.report.add({
      section,
      name: `NDJSON stream of ${count.toLocaleString('en-US')} one-claim documents, --jobs ${jobs}, peak RSS`,
      unit: 'MB',
      value: r.peakMB,
      // the target is on the command line the Spark recipe runs (--jobs 1: Spark's task slots use the cores)
      target: jobs === '1' ? { stat: 'value', op: '<', limit: 200 } : undefined,
      note: `${r.records} answered in ${r.seconds.toFixed(1)} s (${Math.round(r.records / r.seconds)} documents/s)${r.peakMB === undefined ? '; no /proc to read peak RSS from' : ''}`,
    });
  }
}
