// The longest single steps of a validation in process: each ValidationTask.step(), then the
// publication (findings -> diagnostics -> JSON) of the result. Usage:
//   node out/bench/tools/validation-steps.js [MB=50]
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIndex } from '../../server/src/codeset/index';
import { generate837p, MB, DEFAULT_SEED } from '../generate/index';
import { benchService } from '../lib/service';
import { summarize } from '../lib/stats';
import { now } from '../lib/timing';
import { join } from 'node:path';

const mb = Number(process.argv[2] ?? 50);
const text = generate837p({ seed: DEFAULT_SEED + 1, targetBytes: mb * MB }).text;
const codeset = loadIndex(readFileSync(join(__dirname, '..', '..', '..', 'dist', 'codeset.json'), 'utf8'));
const service = benchService(codeset, { maxValidationBytes: 64 * MB });
const doc = TextDocument.create('file:///big.837', 'x12', 1, text);
const task = service.validation(doc);
const steps: number[] = [];
let t0 = now();
for (;;) {
  const t = now();
  const done = task.step();
  steps.push(now() - t);
  if (done) break;
}
const total = now() - t0;
const s = summarize(steps);
console.log(`${mb} MB: ${steps.length} steps in ${total.toFixed(0)} ms; step p50 ${s.median.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(1)} ms; last step ${steps[steps.length - 1]!.toFixed(1)} ms; ${task.findings?.length} findings`);
t0 = now();
const diagnostics = service.diagnostics(doc);
console.log(`diagnostics(): ${(now() - t0).toFixed(1)} ms for ${diagnostics.length}`);
t0 = now();
const json = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: 1, diagnostics } });
console.log(`JSON.stringify: ${(now() - t0).toFixed(1)} ms, ${(json.length / 1024).toFixed(0)} kB`);
