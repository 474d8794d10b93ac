// Finds what keeps the language server from answering while a big document validates: runs the built
// server under `node --cpu-prof` with bench/probes/long-task-hook.js preloaded, opens a small and a
// big 837, sends hovers on the small one until the big one's diagnostics arrive, then prints every
// event-loop callback longer than a threshold with the functions that filled it (profile samples
// taken during it).
// Usage: node out/bench/tools/long-tasks.js [smallMB=10] [bigMB=50] [thresholdMs=15] [profileDir]
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { startSession } from '../../test/support/lsp-session';
import { generate837p, MB, DEFAULT_SEED } from '../generate/index';
import { createRng } from '../generate/prng';
import { hoverOffsets } from '../lib/positions';
import { summarize } from '../lib/stats';
import { now } from '../lib/timing';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const [smallMb = '10', bigMb = '50', threshold = '15', dirArg] = process.argv.slice(2);
const dir = dirArg ?? '/tmp/hcpcs-long-tasks';

async function run(): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const small = generate837p({ seed: DEFAULT_SEED, targetBytes: Number(smallMb) * MB });
  const big = generate837p({ seed: DEFAULT_SEED + 1, targetBytes: Number(bigMb) * MB });
  const storage = join(__dirname, '..', '..', '..', 'bench', 'generated', 'storage');
  const s = await startSession({
    nodeArgs: ['--require', join(__dirname, '..', 'probes', 'long-task-hook.js'), '--cpu-prof', `--cpu-prof-dir=${dir}`],
    env: { HCPCS_LONG_TASK_MS: threshold, HCPCS_LONG_TASK_FILE: join(dir, 'tasks.json') },
    initializationOptions: existsSync(storage) ? { storagePath: storage } : {},
  });
  const uri = s.open('small.837', 'x12', small.text);
  await s.diagnostics(uri);
  const doc = TextDocument.create(uri, 'x12', 1, small.text);
  const positions = hoverOffsets(createRng(1), small.codeOffsets, 200).map((o) => doc.positionAt(o));
  const hover = (i: number) => s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
  const t0 = now();
  const bigUri = s.open('big.837', 'x12', big.text);
  let published: number | undefined;
  // the hook slows the server down: wait past the session's own timeout
  void (async () => {
    for (let i = 0; i < 20 && published === undefined; i++) await s.diagnostics(bigUri).then(() => (published = now() - t0), () => undefined);
  })();
  await hover(0);
  const samples: number[] = [];
  for (let i = 0; published === undefined && i < 50_000; i++) {
    const t = now();
    await hover(i);
    samples.push(now() - t);
  }
  const stats = summarize(samples);
  await s.stop();
  return `hovers during the big validation: n ${stats.n}, p50 ${stats.median.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms; published after ${published?.toFixed(0)} ms`;
}

const maps = new Map<string, SourceMap | undefined>();
function where(frame: ProfileNode['callFrame']): string {
  const { functionName, url, lineNumber, columnNumber } = frame;
  if (!url || url.startsWith('node:')) return `${functionName || '(anonymous)'} ${url || ''}`.trim();
  if (!maps.has(url)) {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    maps.set(url, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined);
  }
  const entry = maps.get(url)?.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  const file = entry?.originalSource ? `${entry.originalSource.replace(/^.*?\/(server|node_modules)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}` : url.replace(/^.*\//, '');
  return `${functionName || '(anonymous)'} ${file}`;
}

interface LongTask {
  type: string;
  startUs: number;
  endUs: number;
}

/** each long callback with the project functions that filled it (inclusive and self time of its samples) */
function describe(profile: Profile, tasks: LongTask[]): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const dt of profile.timeDeltas) times.push((t += dt));
  return tasks.map((task) => {
    const inclusive = new Map<string, number>();
    const selfTime = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i]! < task.startUs || times[i]! > task.endUs) continue;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      let id: number | undefined = profile.samples[i];
      const leaf = where(byId.get(id!)!.callFrame);
      selfTime.set(leaf, (selfTime.get(leaf) ?? 0) + dt);
      const seen = new Set<string>();
      while (id !== undefined) {
        const key = where(byId.get(id)!.callFrame);
        if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
        seen.add(key);
        id = parent.get(id);
      }
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .filter(([k]) => !/^\((root|program)\)/.test(k))
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `      ${v.toFixed(1).padStart(7)} ms  ${k}`)
        .join('\n');
    const ms = (task.endUs - task.startUs) / 1000;
    return `${ms.toFixed(1)} ms ${task.type} at +${((task.startUs - profile.startTime) / 1000).toFixed(0)} ms\n    inclusive:\n${top(inclusive, 16)}\n    self:\n${top(selfTime, 6)}`;
  });
}

run()
  .then((summary) => {
    const file = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile in ${dir}`);
    const long = JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8')) as LongTask[];
    console.log(describe(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, long).join('\n'));
    console.log(`\n${long.length} callbacks over ${threshold} ms: ${long.map((t) => ((t.endUs - t.startUs) / 1000).toFixed(0)).join(', ')}\n${summary}`);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
