// The CLI never dies on a big result: one file with 500,000 findings is checked and reported up to the
// per-document cap, with one finding saying how many more there are. Before, `located.push(...found)`
// passed one call argument per finding and threw "Maximum call stack size exceeded" (exit 2, no
// report) above about 125,000 findings in one file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';
import { DOCUMENT } from '../../../server/src/base/limits';

const CLI = join(repoRoot, 'dist', 'cli.js');

/** the committed core set, named explicitly: the findings do not depend on what the build compiled (HCPCS_RELEASE) */
const CORE = join(repoRoot, 'data', 'core', 'codeset.json');

/** a terminated code (J7401) and zero units: 2 errors per row in any code set that has J7401 (the core set does) */
const ROW_FINDINGS = 2;
function csvWithFindings(rows: number): string {
  const out = ['Claim ID,Line,Service Date,HCPCS,Units'];
  for (let i = 1; i <= rows; i++) out.push(`C${Math.ceil(i / 4)},${((i - 1) % 4) + 1},01/01/2025,J7401,0`);
  return out.join('\r\n') + '\r\n';
}

test('one file with 500,000 findings: reported up to the cap with a summary finding, summary printed, exit 1', (t) => {
  if (!existsSync(CLI)) return t.skip('dist/cli.js is not built (run node scripts/build.mjs)');
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-large-result-'));
  try {
    const rows = Math.ceil(500_000 / ROW_FINDINGS);
    const file = join(dir, 'many-findings.csv');
    writeFileSync(file, csvWithFindings(rows));
    // stdout straight into a file: tens of MB of report lines, more than a pipe buffer should hold
    const outFile = join(dir, 'report.txt');
    const fd = openSync(outFile, 'w');
    const r = spawnSync(process.execPath, [CLI, '--codeset', CORE, '--today', '2025-11-20', file], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    assert.doesNotMatch(r.stderr, /internal error|Maximum call stack/, r.stderr);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(statSync(outFile).size > 0);
    const text = readFileSync(outFile, 'utf8');
    const lines = text.trimEnd().split('\n');
    const total = rows * ROW_FINDINGS;
    assert.ok(total >= 500_000);
    const cap = DOCUMENT.findings;
    assert.equal(lines.length, cap + 2, 'one line per finding up to the cap, the cap finding and the summary');
    assert.match(lines[cap]!, new RegExp(`information too-many-findings ${total - cap} more findings are not shown: at most ${cap}`));
    assert.match(lines[lines.length - 1]!, new RegExp(`^${cap + 1} problems \\(${cap} errors, 0 warnings, 1 information\\) in 1 file \\(1 file checked\\)\\.$`));
    assert.match(lines[0]!, /^many-findings\.csv:2:\d+: error code-not-effective J7401 /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
