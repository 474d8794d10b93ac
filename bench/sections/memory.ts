// Peak memory per file: each file in a fresh child process (parse + full validation), so one
// file's peak does not hide in another's. maxRSS is the process's high-water mark.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { RunContext } from '../context';
import { peakRssProbe } from '../lib/peak-rss';
import { CLI, CLI_ENV } from '../lib/cli';

interface ProbeResult {
  bytes: number;
  diagnostics: number;
  parseMs: number;
  validateMs: number;
  baselineRssMB: number;
  heapAfterParseMB: number;
  heapAfterValidationMB: number;
  heapCommittedMB: number;
  maxRssMB: number;
}

function probe(ctx: RunContext, path: string, languageId: string, mode: 'full' | 'limit'): ProbeResult {
  const script = join(ctx.outDir, 'probes', 'memory.js');
  const out = execFileSync(process.execPath, ['--expose-gc', script, path, languageId, ctx.indexPath, mode], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out) as ProbeResult;
}

export function measureMemory(ctx: RunContext): void {
  const section = 'Peak memory per file (fresh process: load code set, parse, validate)';
  const runs: { id: string; mode: 'full' | 'limit' }[] = [
    ...ctx.files.map((f) => ({ id: f.spec.id, mode: 'full' as const })),
    { id: '837p-50mb', mode: 'limit' },
  ];
  // hcpcs-check on the 50 MB file as a pipeline runs it: its own process, the built code set
  const big = ctx.file('837p-50mb');
  const rss = peakRssProbe(ctx);
  execFileSync(process.execPath, [...rss.nodeArgs, CLI, '--codeset', ctx.indexPath, '--today', '2025-11-20', '--format', 'json', '--fail-on', 'none', big.path], {
    env: { ...CLI_ENV, ...rss.env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  ctx.report.add({
    section,
    name: 'hcpcs-check on the 837p-50mb file (--codeset, --format json), peak RSS',
    unit: 'MB',
    value: rss.read(),
    target: { stat: 'value', op: '<', limit: 300 },
    note: 'the built CLI in its own process: reads the file, checks every claim, writes the findings shown',
  });
  for (const { id, mode } of runs) {
    const file = ctx.file(id);
    const r = probe(ctx, file.path, file.spec.languageId, mode);
    const label = mode === 'limit' ? `${id}: default settings (above 16 MB: claims checked as read and dropped, windowed requests)` : `${id}: parse + full validation`;
    ctx.report.add({
      section,
      name: `${label}, peak RSS`,
      unit: 'MB',
      value: r.maxRssMB,
      target: id === '837p-50mb' && mode === 'full' ? { stat: 'value', op: '<', limit: 300 } : undefined,
      note:
        `heap after parse ${r.heapAfterParseMB.toFixed(0)} MB, after validation ${r.heapAfterValidationMB.toFixed(0)} MB, ` +
        `committed ${r.heapCommittedMB.toFixed(0)} MB; baseline RSS ${r.baselineRssMB.toFixed(0)} MB; ` +
        `file ${(r.bytes / 1048576).toFixed(0)} MB; ${r.diagnostics} diagnostics`,
    });
  }
}
