// hcpcs-check end to end: which files a folder walk checks, and what paid history and docs get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, releaseFile, repoRoot, samplesDir } from '../../support/paths';
import { runCli } from './cli-process';

import { CLI } from './cli-process';
import { needs } from '../../support/needs';

/** runs the CLI (cli-process.ts: the release env is cleared so only flags choose the code set) */
const run = (args: string[], cwd = repoRoot) => runCli(args, { cwd });

interface Located {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
}
const json = (args: string[], cwd?: string) => {
  const r = run(['--format', 'json', ...args], cwd);
  return { ...r, found: JSON.parse(r.stdout || '[]') as Located[], checked: Number(/\((\d+) files? checked\)/.exec(r.stderr)?.[1] ?? NaN) };
};

const skipWithoutBuild = (t: { skip: (m: string) => void }) => {
  if (!existsSync(CLI)) {
    t.skip('dist/cli.js is not built (run node scripts/build.mjs)');
    return true;
  }
  return false;
};

const SUBMISSION_RULES = new Set([
  'duplicate-modifier', 'too-many-modifiers', 'missing-jw-jz', 'jw-jz-conflict', 'jw-jz-not-applicable', 'missing-kx', 'missing-units',
  'zero-units', 'fractional-units', 'units-vs-ndc', 'units-vs-dose', 'missing-ndc', 'invalid-ndc', 'noc-needs-description', 'required-modifier', 'code-not-allowed',
]);

test('a folder walk checks claim formats only; --include, --exclude and .hcpcsrc.json change that; named files are always checked', (t) => {
  if (skipWithoutBuild(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-select-'));
  try {
    cpSync(fixture('checks', 'clean.837'), join(dir, 'claim.837'));
    mkdirSync(join(dir, 'archive'));
    cpSync(fixture('checks', 'clean.837'), join(dir, 'archive', 'old.837'));
    writeFileSync(join(dir, 'export.csv'), 'hcpcs_code,modifier_1,units,service_date\nJ7507,KX,5,2025-11-05\n');
    writeFileSync(join(dir, 'people.csv'), 'name,city\nAnn,Paris\n');
    writeFileSync(join(dir, 'note.md'), 'DOS: 11/05/2025\nDispensed J7507 x 30.\n');
    writeFileSync(join(dir, 'PROVENANCE.md'), '# Samples\n- codes in service positions: `J1550`×1, `J7507`×2\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "x", "description": "J7507 x 5 units" }\n');
    const files = (r: ReturnType<typeof json>) => [...new Set(r.found.map((f) => f.file.slice(dir.length + 1)))].sort();
    const rows: { args: string[]; checked: number; withFindings: string[]; config?: object }[] = [
      { args: [dir], checked: 3, withFindings: [] },
      { args: ['--exclude', 'archive', dir], checked: 2, withFindings: [] },
      { args: ['--include', '*.md', dir], checked: 5, withFindings: ['note.md'] },
      { args: ['--include', '*.md', '--exclude', 'PROVENANCE.md', '--exclude', '*.837', dir], checked: 2, withFindings: ['note.md'] },
      { args: [join(dir, 'note.md'), join(dir, 'package.json')], checked: 2, withFindings: ['note.md'] },
      { args: [dir], config: { include: ['note.md'], exclude: ['archive/**'] }, checked: 3, withFindings: ['note.md'] },
      { args: ['--include', 'PROVENANCE.md', dir], config: { include: ['note.md'] }, checked: 5, withFindings: ['note.md'] },
      // .hcpcsrc.json documentKinds reach the checks: the note forced to reference text gets no claim rules
      { args: ['--include', '*.md', dir], config: { documentKinds: [{ pattern: 'note.md', kind: 'reference' }] }, checked: 5, withFindings: [] },
    ];
    for (const row of rows) {
      const cwd = mkdtempSync(join(tmpdir(), 'hcpcs-cwd-'));
      try {
        if (row.config) writeFileSync(join(cwd, '.hcpcsrc.json'), JSON.stringify(row.config));
        const r = json(row.args, cwd);
        assert.equal(r.checked, row.checked, `${row.args.join(' ')} ${JSON.stringify(row.config ?? {})}\n${r.stderr}`);
        assert.deepEqual(files(r), row.withFindings, row.args.join(' '));
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hcpcs-check ../shared/samples: nothing from PROVENANCE.md, no submission advice on paid history', (t) => {
  if (skipWithoutBuild(t)) return;
  const missing = needs.samples || needs.october;
  if (missing) return t.skip(missing);
  const r = json(['--release', releaseFile()!, samplesDir()!]);
  assert.equal(r.checked, 18, r.stderr);
  assert.deepEqual(r.found.filter((f) => f.file.endsWith('PROVENANCE.md')), []);
  const paid = r.found.filter((f) => /\/(835|fhir|csv)\//.test(f.file) && SUBMISSION_RULES.has(f.ruleId));
  assert.deepEqual(paid.map((f) => `${f.file} ${f.ruleId}`), []);
  // validity is still judged on paid history: the RIF export's G9572 after its end date
  assert.ok(r.found.some((f) => f.file.endsWith('.csv') && f.ruleId === 'code-not-effective'));
});

test("this repository's docs, walked, give no findings; README.md named gives no errors", (t) => {
  if (skipWithoutBuild(t)) return;
  const walked = run(['docs', '.github', 'schemas'].filter((p) => existsSync(join(repoRoot, p))));
  assert.equal(walked.code, 0, walked.stdout + walked.stderr);
  assert.match(walked.stdout, /^No problems found \(0 files checked\)\.\n$/);
  const named = json(['README.md']);
  assert.equal(named.checked, 1);
  assert.deepEqual(named.found.filter((f) => f.severity === 'error'), []);
});
