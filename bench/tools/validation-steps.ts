// The longest single steps of a publication in process (validation, then findings -> diagnostics ->
// JSON), each ValidationRunner slice being made of such steps. Usage:
//   node out/bench/tools/validation-steps.js [MB=50]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIndex } from '../../server/src/codeset/index';
import { generate837p, MB, DEFAULT_SEED } from '../generate/index';
import { benchService } from '../lib/service';
import { summarize } from '../lib/stats';
import { now } from '../lib/timing';

const mb = Number(process.argv[2] ?? 50);
const text = generate837p({ seed: DEFAULT_SEED + 1, targetBytes: mb * MB }).text;
const codeset = loadIndex(readFileSync(join(__dirname, '..', '..', '..', 'dist', 'codeset.json'), 'utf8'));
const service = benchService(codeset, { maxValidationBytes: 64 * MB });
const doc = TextDocument.create('file:///big.837', 'x12', 1, text);
// what the server does before the first step: classify the document and set up the task
let t = now();
const validation = service.validation(doc);
console.log(`analysis and task set-up: ${(now() - t).toFixed(1)} ms`);
t = now();
doc.positionAt(0);
console.log(`TextDocument line starts (the first position request on the document pays it): ${(now() - t).toFixed(1)} ms`);
const task = service.publication(doc);
const steps: { ms: number; cpuMs: number; phase: string }[] = [];
const cpu0 = process.cpuUsage();
const t0 = now();
for (let done = false; !done; ) {
  const phase = validation.findings ? 'publication' : 'validation';
  t = now();
  const c = process.cpuUsage();
  done = task.step();
  const used = process.cpuUsage(c);
  steps.push({ ms: now() - t, cpuMs: (used.user + used.system) / 1000, phase });
}
const cpu = process.cpuUsage(cpu0);
const s = summarize(steps.map((x) => x.ms));
console.log(
  `${mb} MB: ${steps.length} steps in ${(now() - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ` +
    `step p50 ${s.median.toFixed(2)} p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(1)} ms; ${validation.findings?.length} findings, ${task.result?.diagnostics.length} diagnostics`,
);
const c = summarize(steps.map((x) => x.cpuMs));
console.log(`step CPU time (all threads, GC helpers included): p50 ${c.median.toFixed(2)} p99 ${c.p99.toFixed(2)} max ${c.max.toFixed(1)} ms`);
const longest = [...steps.entries()].sort((a, b) => b[1].cpuMs - a[1].cpuMs).slice(0, 8);
console.log(`longest by CPU: ${longest.map(([i, x]) => `#${i} ${x.phase} ${x.cpuMs.toFixed(1)} ms CPU (${x.ms.toFixed(1)} wall)`).join(', ')}`);
