// Code-set index load: warm (repeated in this process) and cold (one load in a fresh process,
// as the server does at start). The target is on the cold median: that is what a user waits for.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadIndex } from '../../server/src/codeset/index';
import type { IndexText } from '../lib/codeset';
import { summarize } from '../lib/stats';
import { repeat } from '../lib/timing';
import type { RunContext } from '../context';

const TARGET_MS = 100;

export function measureIndexLoad(ctx: RunContext, name: string, index: IndexText, indexPath: string): void {
  const section = 'Code-set index load';
  const sizeMB = index.json.length / 1024 / 1024;
  const warm = repeat(ctx.reps(10, 3), () => loadIndex(index.json), { warmup: 1 });
  ctx.report.add({ section, name: `${name}: loadIndex from the text (its header parsed; each table when first asked), warm`, unit: 'ms', stats: summarize(warm), note: `${sizeMB.toFixed(1)} MB index text; ${index.source}` });
  const cold: number[] = [];
  const firstLookup: number[] = [];
  const probe = join(ctx.outDir, 'probes', 'load-index.js');
  for (let i = 0; i < ctx.reps(7, 2); i++) {
    const out = JSON.parse(execFileSync(process.execPath, [probe, indexPath], { encoding: 'utf8' })) as { ms: number; firstLookupMs: number };
    cold.push(out.ms);
    firstLookup.push(out.firstLookupMs);
  }
  const lookups = summarize(firstLookup);
  ctx.report.add({
    section,
    name: `${name}: loadIndex in a fresh process (cold)`,
    unit: 'ms',
    stats: summarize(cold),
    target: { stat: 'median', op: '<', limit: TARGET_MS },
    note: `first lookup after it ${lookups.median.toFixed(2)} ms (reads and parses what that lookup needs)`,
  });
  if (index.compileMs !== undefined) {
    ctx.report.add({ section, name: `${name}: import + compile from the CMS files (once, no target)`, unit: 'ms', value: index.compileMs });
  }
}
