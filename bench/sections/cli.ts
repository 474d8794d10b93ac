// hcpcs-check for pipelines (issue #18), through the built CLI (dist/cli.js) in child processes:
// the worker pool's speed-up on a folder of claim files, process start to the first NDJSON result with
// a compiled code set, and peak memory while a long NDJSON stream of one-claim documents goes through.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { generate837p } from '../generate/index';
import { summarize } from '../lib/stats';
import { now } from '../lib/timing';
import type { RunContext } from '../context';
import { CLI, CLI_ENV } from '../lib/cli';

const FOLDER_FILES = 200;
const STREAM_DOCUMENTS = 100_000;

/** CPU seconds of this process's waited-for children (user + system), from /proc; undefined without /proc */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime (fields 16 and 17 of stat(5)) in clock ticks of 1/100 s
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** CPU ms of each thread of a running process by thread id (the main thread's id is the pid) */
function threadCpuMs(pid: number, into: Map<string, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      into.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

interface TimedRun {
  wallMs: number;
  /** user + system of the whole process (every thread); undefined without /proc */
  cpuMs?: number;
  /** the main thread's share, sampled every 20 ms (so slightly under) */
  mainCpuMs?: number;
  /** the busiest thread's (the main thread or a worker), sampled likewise */
  busiestCpuMs?: number;
}

/** one run of the CLI to its end, output discarded: wall time, CPU time, the main thread's CPU */
function timeRun(args: string[]): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuMs();
    const t0 = now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: CLI_ENV });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    const threads = new Map<string, number>();
    const poll = setInterval(() => child.pid !== undefined && threadCpuMs(child.pid, threads), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const wallMs = now() - t0;
      if (code !== 0 && code !== 1) return reject(new Error(`hcpcs-check ${args.join(' ')} exited ${code}: ${stderr}`));
      const cpu1 = childrenCpuMs();
      const main = child.pid !== undefined ? threads.get(String(child.pid)) : undefined;
      resolve({ wallMs, cpuMs: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined, mainCpuMs: main, busiestCpuMs: threads.size ? Math.max(...threads.values()) : undefined });
    });
  });
}

const median = (xs: (number | undefined)[]): number | undefined => {
  const known = xs.filter((x): x is number => x !== undefined);
  return known.length ? summarize(known).median : undefined;
};

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
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'ignore'], env: CLI_ENV });
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
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'ignore'], env: CLI_ENV });
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
  const one: TimedRun[] = [];
  const two: TimedRun[] = [];
  const loadBefore = loadavg()[0]!;
  for (let r = 0; r < ctx.reps(5, 1); r++) {
    one.push(await timeRun([...codeset, '--format', 'ndjson', '--jobs', '1', dir]));
    two.push(await timeRun([...codeset, '--format', 'ndjson', '--jobs', '2', dir]));
  }
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
  const folderMB = (FOLDER_FILES * bytesEach) / 1048576;
  const cores = availableParallelism();
  const bounds: Record<string, number | undefined> = {};
  for (const [jobs, runs] of [['1', one], ['2', two]] as const) {
    const cpu = median(runs.map((r) => r.cpuMs));
    const main = median(runs.map((r) => r.mainCpuMs));
    const busiest = median(runs.map((r) => r.busiestCpuMs));
    // on an idle machine a CPU-bound run takes at least its busiest thread's time and its CPU time over the cores
    bounds[jobs] = cpu !== undefined && busiest !== undefined ? Math.max(busiest, cpu / cores) : undefined;
    ctx.report.add({
      section,
      name: `${FOLDER_FILES} claim files (${folderMB.toFixed(0)} MB), --jobs ${jobs}, wall`,
      unit: 'ms',
      stats: summarize(runs.map((r) => r.wallMs)),
      note: cpu === undefined ? 'no /proc for CPU time' : `CPU ${cpu.toFixed(0)} ms (user + system, all threads), main thread ${main?.toFixed(0) ?? '?'} ms = ${main === undefined ? '?' : ((100 * main) / cpu).toFixed(0)}%`,
    });
  }
  const s1 = summarize(one.map((r) => r.wallMs));
  const s2 = summarize(two.map((r) => r.wallMs));
  // the target is "≥ 1.7×": reported as its inverse so the report's "<=" applies
  ctx.report.add({
    section,
    name: 'folder: --jobs 2 time ÷ --jobs 1 time (medians; target speed-up ≥ 1.7× = ratio ≤ 0.588)',
    unit: '×',
    value: s2.median / s1.median,
    target: { stat: 'value', op: '<=', limit: 0.588 },
    note:
      `speed-up ${(s1.median / s2.median).toFixed(2)}×, runs alternated; ${load}` +
      (bounds['1'] !== undefined && bounds['2'] !== undefined ? `; estimate from CPU times for an idle ${cores}-core machine, max(busiest thread, CPU ÷ cores): ${(bounds['1'] / bounds['2']).toFixed(2)}×` : ''),
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
