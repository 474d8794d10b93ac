// A spawned process's peak RSS (hcpcs-check, the language server): it preloads probes/exit-rss.ts,
// which writes its maxRSS to a file when it exits.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunContext } from '../context';

/** node arguments and environment that make a spawned process write its peak RSS (probes/exit-rss.ts) on exit */
export function peakRssProbe(ctx: RunContext): { nodeArgs: string[]; env: NodeJS.ProcessEnv; read: () => number } {
  const file = join(mkdtempSync(join(tmpdir(), 'hcpcs-rss-')), 'rss');
  return {
    nodeArgs: ['-r', join(ctx.outDir, 'probes', 'exit-rss.js')],
    env: { HCPCS_BENCH_RSS_FILE: file },
    read: () => Number(readFileSync(file, 'utf8')),
  };
}
