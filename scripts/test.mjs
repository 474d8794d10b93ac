// npm test: every bundled test under out/test with node's built-in runner, then (HCPCS_E2E=1)
// the real-editor e2e layers. Ends with one plain "N passed, N failed" line for both.
// Usage: node scripts/test.mjs [path filters ...]   e.g. node scripts/test.mjs unit/checks
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
function list(dir) {
  const out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...list(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

/** run a command, echo its output, and return the output */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (c) => { process.stdout.write(c); text += c; });
    child.on('close', (code) => resolve({ code, text }));
  });
}

// out/test/heavy holds the full-size attack inputs of the robustness suite (minutes, GBs): only with
// HCPCS_HEAVY=1 (.ci/run sets it) or when a filter names them
const heavy = (f) => f.includes(`${join('out', 'test', 'heavy')}/`);
const files = list(join(root, 'out/test'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .filter((f) => !heavy(f) || process.env.HCPCS_HEAVY === '1' || filters.some((x) => x.includes('heavy')))
  .sort();
if (files.length === 0) { console.error('no test files matched'); process.exit(1); }
const unit = await run(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files]);
const count = (re, text) => Number(re.exec(text)?.[1] ?? 0);
let passed = count(/^ℹ pass (\d+)$/m, unit.text);
let failed = count(/^ℹ fail (\d+)$/m, unit.text) + (unit.code !== 0 && count(/^ℹ fail (\d+)$/m, unit.text) === 0 ? 1 : 0);
const skipped = count(/^ℹ skipped (\d+)$/m, unit.text);

if (process.env.HCPCS_E2E === '1' && filters.length === 0) {
  const e2e = await run('bash', [join(root, 'scripts/e2e/run.sh')]);
  const m = [...e2e.text.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1); // run.sh's total is its last such line
  passed += Number(m?.[1] ?? 0);
  failed += Number(m?.[2] ?? 0) + (e2e.code !== 0 && !Number(m?.[2] ?? 0) ? 1 : 0);
} else if (filters.length === 0) {
  console.log('e2e: not run (set HCPCS_E2E=1 after `bash scripts/e2e/setup.sh` to run VS Code and Neovim end-to-end tests)');
}
// why tests skipped (a fresh clone without ../shared skips what needs the full CMS release or the samples)
if (skipped) {
  const reasons = new Map();
  for (const m of unit.text.matchAll(/^\s*﹣ .*? # (.+)$/gm)) reasons.set(m[1], (reasons.get(m[1]) ?? 0) + 1);
  const total = passed + failed + skipped;
  console.log(`skipped ${skipped} of ${total} (${((100 * skipped) / total).toFixed(1)}%):`);
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${reason}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
