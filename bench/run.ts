// npm run bench: generates the big claim files, measures load, parse, validation, requests (in
// process and over --stdio), re-validation after an edit and peak memory, prints a table with each
// target's PASS/MISS and writes bench/results.json. BENCH_QUICK=1: small files, few repetitions.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { loadIndex } from '../server/src/codeset/index';
import { repoRoot } from '../test/support/paths';
import { benchFiles, DEFAULT_SEED } from './generate/index';
import { coreIndex, fullIndex, type IndexText } from './lib/codeset';
import { machineInfo } from './lib/machine';
import { Report } from './lib/report';
import { now } from './lib/timing';
import type { BenchFile, RunContext } from './context';
import { measureIndexLoad } from './sections/codeset-load';
import { measureParse, measureValidation } from './sections/parse';
import { measureReaders } from './sections/readers';
import { measureRequests } from './sections/requests';
import { measureEdit } from './sections/edit';
import { measureServerRequests, measureServerStart } from './sections/server';
import { measureMemory } from './sections/memory';
import { measureCli } from './sections/cli';

const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY;
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const generatedDir = join(repoRoot, 'bench', 'generated');
const storagePath = join(generatedDir, 'storage');

function writeIndex(index: IndexText, name: string): string {
  const path = join(generatedDir, name);
  writeFileSync(path, index.json);
  return path;
}

/**
 * The child-process entries are copied next to the generated files first: other engineers'
 * builds rewrite out/ at any moment, and a child must never start from a half-written bundle.
 */
function snapshotProbes(): string {
  const dir = join(generatedDir, 'probes-bundle');
  mkdirSync(join(dir, 'probes'), { recursive: true });
  for (const name of readdirSync(join(__dirname, 'probes')).filter((n) => n.endsWith('.js'))) {
    copyFileSync(join(__dirname, 'probes', name), join(dir, 'probes', name));
  }
  return dir;
}

async function main(): Promise<void> {
  const started = now();
  const machine = machineInfo();
  console.log(`# HCPCS language tools benchmark${quick ? ' (BENCH_QUICK: files 10× smaller, few repetitions: targets not meaningful)' : ''}`);
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB; Node ${machine.node}; ${machine.platform}; ${machine.date}; load average ${machine.loadAverage}; seed ${seed}`);
  mkdirSync(storagePath, { recursive: true });
  const probesDir = snapshotProbes();

  // files
  const files: BenchFile[] = [];
  const t0 = now();
  for (const spec of benchFiles(quick ? 0.1 : 1)) {
    const generated = spec.generate(seed);
    const path = join(generatedDir, spec.fileName);
    writeFileSync(path, generated.text);
    files.push({ spec, path, bytes: generated.text.length, generated: { ...generated, text: '' } }); // read back where needed
  }
  console.log(`generated ${files.length} files in ${((now() - t0) / 1000).toFixed(1)} s under bench/generated/`);

  // code sets
  const full = fullIndex();
  const core = coreIndex();
  const chosen = full ?? core;
  const indexPath = writeIndex(chosen, 'codeset.json');
  writeFileSync(join(storagePath, 'codeset.json'), chosen.json);
  const codeset = loadIndex(chosen.json);
  console.log(`code set: ${codeset.release.label} (${codeset.release.codeCount} codes) from ${chosen.source}`);
  if (!full) console.log('no CMS release found (HCPCS_RELEASE or ../shared): every measurement uses the core set');

  const report = new Report();
  const ctx: RunContext = {
    report,
    quick,
    seed,
    reps: (fullReps, quickReps) => (quick ? quickReps : fullReps),
    files,
    file: (id) => {
      const f = files.find((x) => x.spec.id === id);
      if (!f) throw new Error(`no bench file ${id}`);
      return f;
    },
    codeset,
    indexPath,
    storagePath,
    codesetKind: full ? 'full' : 'core',
    outDir: probesDir,
  };

  if (only === 'stdio') {
    // BENCH_ONLY=stdio: the language-server rows alone (requests over stdio, during a 50 MB validation)
    await measureServerRequests(ctx);
  } else {
    if (full) measureIndexLoad(ctx, 'full release', full, indexPath);
    measureIndexLoad(ctx, 'core set', core, writeIndex(core, 'core-codeset.json'));
    await measureServerStart(ctx);
    measureParse(ctx);
    await measureReaders(ctx);
    measureValidation(ctx);
    measureRequests(ctx);
    measureEdit(ctx);
    await measureServerRequests(ctx);
    measureMemory(ctx);
    await measureCli(ctx);
  }

  const seconds = (now() - started) / 1000;
  const loadAtEnd = Math.round(loadavg()[0] * 100) / 100;
  console.log(`\n# Results (${seconds.toFixed(0)} s; load average ${machine.loadAverage} at start, ${loadAtEnd} at end)\n${report.table()}`);
  const misses = report.misses();
  console.log(`\n${report.rows.filter((r) => r.status).length - misses.length} targets met, ${misses.length} missed${misses.length ? ': ' + misses.map((m) => m.name).join('; ') : ''}`);

  const results = {
    machine: { ...machine, loadAverageAtEnd: loadAtEnd },
    quick,
    seed,
    seconds,
    codeset: { label: codeset.release.label, kind: ctx.codesetKind, source: chosen.source },
    files: files.map((f) => ({ id: f.spec.id, bytes: f.bytes, claims: f.generated.claims, lines: f.generated.lines, problems: f.generated.problems })),
    rows: report.rows,
  };
  writeFileSync(join(repoRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('wrote bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
