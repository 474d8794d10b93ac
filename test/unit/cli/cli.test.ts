// hcpcs-check end to end: `node dist/cli.js` (built by scripts/build.mjs) over fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aspDir, fixture, releaseFile, repoRoot } from '../../support/paths';
import { sarifViolations } from './sarif-shape';
import { runCli } from './cli-process';

import { CLI } from './cli-process';
import { needs } from '../../support/needs';
const claims = 'test/fixtures/claims';

/** runs the CLI (cli-process.ts: the release env is cleared so only flags choose the code set) */
const run = (args: string[], cwd = repoRoot) => runCli(args, { cwd });

const skipWithoutBuild = (t: { skip: (m: string) => void }) => {
  if (!existsSync(CLI)) {
    t.skip('dist/cli.js is not built (run node scripts/build.mjs)');
    return true;
  }
  return false;
};

test('text output over the demo claims: findings, summary, exit 1', (t) => {
  if (skipWithoutBuild(t)) return;
  // notes are read from a folder only when included (issue #12: folders are walked for claim formats)
  const r = run(['--include', '*.md', claims]);
  assert.equal(r.code, 1, r.stderr);
  const expected = [
    'test/fixtures/claims/infusion-and-transplant.837:21:8: warning missing-kx J7507 is an oral immunosuppressive drug',
    'test/fixtures/claims/infusion-and-transplant.837:24:9: error invalid-ndc NDC 0378-2045-01 is 4-4-2; claims need 11 digits (5-4-2): 00378204501',
    'test/fixtures/claims/infusion-and-transplant.837:27:8: warning drug-mismatch J7520 is sirolimus, not tacrolimus',
    'test/fixtures/claims/infusion-and-transplant.837:33:8: warning missing-jw-jz J1745 is a separately payable Part B injectable',
    'test/fixtures/claims/infusion-and-transplant.837:38:14: error modifier-not-effective JG was terminated on 2024-12-31; date of service 2025-02-03; use TB',
    'test/fixtures/claims/infusion-and-transplant.837:43:8: error code-not-effective J7401 was terminated on 2021-03-31; date of service 2025-10-14',
    'test/fixtures/claims/infusion-and-transplant.837:46:8: error noc-needs-description J3490 is not otherwise classified',
    'test/fixtures/claims/claims-export.csv:3:35: error fractional-units 3.75 units of J7502: bill whole units, rounded up to 4',
    'test/fixtures/claims/claims-export.csv:6:34: error jw-jz-conflict JW and JZ on one line',
    'test/fixtures/claims/transplant-claim.fhir.json:23:30: warning units-vs-dose 3 mg ÷ 1 mg per unit = 3 units, but the line bills 5',
    'test/fixtures/claims/billing-note.md:6:56: warning drug-mismatch J7520 is sirolimus, not tacrolimus',
  ];
  const lines = r.stdout.trimEnd().split('\n');
  for (const e of expected) assert.ok(lines.some((l) => l.startsWith(e)), `missing: ${e}\n${r.stdout}`);
  for (const l of lines.slice(0, -1)) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|information|hint) [a-z0-9-]+ \S/);
  assert.match(lines[lines.length - 1]!, /^\d+ problems \(\d+ errors, \d+ warnings\) in 4 files \(4 files checked\)\.$/);
  assert.match(r.stderr, /code set: HCPCS Level II/);
});

test('a clean file exits 0', (t) => {
  if (skipWithoutBuild(t)) return;
  const r = run(['test/fixtures/checks/clean.837']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'No problems found (1 file checked).\n');
});

test('warnings alone exit 0', (t) => {
  if (skipWithoutBuild(t)) return;
  const r = run(['test/fixtures/checks/folder']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /claim-without-extension:\d+:\d+: warning missing-kx/);
});

test('folders: recursion, content detection (ISA without an extension), other files ignored', (t) => {
  if (skipWithoutBuild(t)) return;
  const r = run(['--format', 'json', 'test/fixtures/checks/folder']);
  const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
  assert.deepEqual([...files], ['test/fixtures/checks/folder/nested/claim-without-extension']);
  assert.match(r.stderr, /1 problem .*\(1 file checked\)/);
});

test('bad usage exits 2 with a usage message', (t) => {
  if (skipWithoutBuild(t)) return;
  const rows: [string[], RegExp][] = [
    [['--frobnicate', claims], /unknown option --frobnicate/],
    [['test/fixtures/no-such-folder'], /no-such-folder: no such file or folder/],
    [[], /no PATH given/],
    [['--format', 'xml', claims], /--format must be text, json, sarif or ndjson/],
    [['--config', 'test/fixtures/checks/missing.json', claims], /cannot be read/],
    [['--release', 'test/fixtures/checks/clean.837', claims], /release/],
    [['--asp', 'test/fixtures/no-such-asp-folder', claims], /asp test\/fixtures\/no-such-asp-folder: .*cannot be read/],
  ];
  for (const [args, message] of rows) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}\n${r.stderr}`);
    assert.match(r.stderr, message);
    if (!args.includes('--config') && !args.includes('--release') && !args.includes('--asp') && !args[0]?.includes('no-such')) assert.match(r.stderr, /Usage: hcpcs-check/);
  }
});

test('--help and --version exit 0', (t) => {
  if (skipWithoutBuild(t)) return;
  assert.match(run(['--help']).stdout, /Usage: hcpcs-check \[options\] PATH/);
  assert.equal(run(['--version']).code, 0);
});

test('--format json: findings with file, 1-based range, rule, severity, message, fixes', (t) => {
  if (skipWithoutBuild(t)) return;
  const r = run(['--format', 'json', `${claims}/infusion-and-transplant.837`]);
  assert.equal(r.code, 1);
  const findings = JSON.parse(r.stdout) as {
    file: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    ruleId: string;
    severity: string;
    message: string;
    fixes: { title: string; edits: { range: unknown; newText: string }[] }[];
  }[];
  const jg = findings.find((f) => f.ruleId === 'modifier-not-effective')!;
  assert.deepEqual(jg.range, { start: { line: 38, character: 14 }, end: { line: 38, character: 16 } });
  assert.equal(jg.file, `${claims}/infusion-and-transplant.837`);
  assert.equal(jg.severity, 'error');
  assert.deepEqual(jg.fixes.map((f) => [f.title, f.edits.map((e) => e.newText)]), [['Replace JG with TB', ['TB']]]);
  assert.match(r.stderr, /problems/);
});

test('--format sarif: SARIF 2.1.0 with rules, descriptions, relative URIs and results', (t) => {
  if (skipWithoutBuild(t)) return;
  const r = run(['--format', 'sarif', '--include', '*.md', claims]);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.deepEqual(sarifViolations(log), []);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'hcpcs-check');
  const kx = driver.rules.find((x: { id: string }) => x.id === 'missing-kx');
  // the package's repository URL is a placeholder: no helpUri is invented (and never a file:// path)
  assert.equal(kx.helpUri, undefined);
  assert.match(kx.fullDescription.text, /J7500/);
  assert.match(kx.help.markdown, /^# `missing-kx`/);
  const levels = new Set(log.runs[0].results.map((x: { level: string }) => x.level));
  assert.deepEqual([...levels].sort(), ['error', 'warning']);
  const uris = new Set(log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri));
  assert.ok(uris.has('test/fixtures/claims/billing-note.md'));
});

test('--config: a commercial profile drops the Medicare-only rules; a broken file stops the run (exit 2)', (t) => {
  if (skipWithoutBuild(t)) return;
  const medicare = run([`${claims}/infusion-and-transplant.837`]).stdout;
  const commercial = run(['--config', 'test/fixtures/checks/hcpcsrc-commercial.json', `${claims}/infusion-and-transplant.837`]).stdout;
  assert.match(medicare, / missing-kx /);
  assert.doesNotMatch(commercial, / missing-kx | missing-ndc | missing-jw-jz /);
  assert.match(commercial, / modifier-not-effective /);
  const broken = run(['--config', 'test/fixtures/checks/hcpcsrc-broken.json', `${claims}/infusion-and-transplant.837`]);
  assert.match(broken.stderr, /"profile" must be one of/);
  assert.match(broken.stderr, /Unknown rule id "missing-kz"/);
  assert.equal(broken.code, 2, 'an explicit config with problems is not run with the defaults');
  assert.equal(broken.stdout, '');
});

test('--release/--asp load the full CMS release and say so', { skip: needs.october }, (t) => {
  if (skipWithoutBuild(t)) return;
  const r = run(['--release', releaseFile()!, '--asp', aspDir()!, '--format', 'json', 'test/fixtures/checks/clean.837']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /code set: HCPCS Level II, October 2025 \(CMS\) \(full CMS release: 8463 codes, 383 modifiers, ASP October 2025\)/);
  assert.deepEqual(JSON.parse(r.stdout), []);
});

test('--progress: a progress line for more than 20 files', (t) => {
  if (skipWithoutBuild(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-cli-'));
  try {
    for (let i = 0; i < 21; i++) cpSync(fixture('checks', 'clean.837'), join(dir, `c${String(i).padStart(2, '0')}.837`));
    const quiet = run([dir]);
    assert.doesNotMatch(quiet.stderr, /21\/21 files/, 'stderr is not a TTY: no progress unless asked');
    const r = run(['--progress', dir]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /hcpcs-check: 21\/21 files/);
    assert.equal(r.stdout, 'No problems found (21 files checked).\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
