// Summarises a .cpuprofile (from node --cpu-prof): self time by function and file, top N, so a
// hot spot can be named precisely (file:function, % of time). Usage: node cpuprofile-summary.js FILE [N]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = '25'] = process.argv.slice(2);

// bundles carry source maps: name the original file and line, not the bundle's
const maps = new Map<string, SourceMap | undefined>();
function original(url: string, line: number, column: number): string {
  if (!maps.has(url)) {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    maps.set(url, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined);
  }
  const entry = maps.get(url)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) return `${entry.originalSource.replace(/^.*?\/(server|bench|test)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
  return `${url.replace(/^.*\/out\//, 'out/')}:${line + 1}`;
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byNode.get(id);
  if (!node) return;
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const where = url && !url.startsWith('node:') ? original(url, lineNumber, columnNumber) : url || '(native)';
  const key = `${functionName || '(anonymous)'}  ${where}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of rows) console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
