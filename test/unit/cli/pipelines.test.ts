// hcpcs-check for pipelines, end to end through dist/cli.js: each exit status, each output format
// (NDJSON and SARIF checked against their published schemas), standard input, the compiled code set
// and the worker pool's ordering. The Spark pipe contract is in pipe-contract.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { aspDir, fixture, releaseFile, repoRoot } from '../../support/paths';
import { built, records, runCli } from './cli-process';
import { ndjsonViolations, sarifSchemaViolations } from './schemas';
import { needs } from '../../support/needs';

// the hand-written core set, as a compiled file: the same findings whatever the build compiled
const CORE = 'data/core/codeset.json';
const claims = 'test/fixtures/claims';
const clean = 'test/fixtures/checks/clean.837';
const warningsOnly = 'test/fixtures/checks/folder';

function withTemp(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-pipelines-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('exit status: findings against --fail-on and --max-warnings', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  const rows: [string[], number][] = [
    [[clean], 0],
    [[claims], 1],
    [['--fail-on', 'none', claims], 0],
    [['--fail-on', 'error', warningsOnly], 0],
    [['--fail-on', 'warning', warningsOnly], 1],
    [['--fail-on', 'information', warningsOnly], 1],
    [['--fail-on', 'warning', clean], 0],
    [['--max-warnings', '0', warningsOnly], 1],
    [['--max-warnings', '1', warningsOnly], 0],
    [['--max-warnings', '5', clean], 0],
    [['--fail-on', 'none', '--max-warnings', '0', warningsOnly], 1],
  ];
  for (const [args, code] of rows) {
    const r = runCli(['--codeset', CORE, ...args]);
    assert.equal(r.code, code, `${args.join(' ')}\n${r.stderr}`);
  }
});

test('exit status 2: an explicit --config that cannot be read, is not JSON or fails the schema; the errors are named', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  withTemp((dir) => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const rows: [string, RegExp][] = [
      [join(dir, 'missing.json'), /missing\.json:? cannot be read/],
      [write('trailing.json', '{ "profile": "commercial", }'), /Not valid JSON/],
      [write('empty.json', ''), /Not valid JSON/],
      [write('profile.json', '{ "profile": "comercial" }'), /"profile" must be one of medicare, commercial, none \(did you mean "commercial"\?\)/],
      [write('severity.json', '{ "rules": { "missing-kx": "eror" } }'), /"eror" is not one of off, on, error/],
      [write('unknown.json', '{ "profil": "none" }'), /Unknown setting "profil"/],
      [dir, /not a regular file/],
    ];
    for (const [config, message] of rows) {
      const r = runCli(['--codeset', CORE, '--config', config, clean]);
      assert.equal(r.code, 2, `${config}\n${r.stderr}`);
      assert.match(r.stderr, message, config);
      assert.equal(r.stdout, '', 'nothing is checked with the wrong rules');
    }
    // negative row: a valid config runs (and changes the findings)
    const ok = write('ok.json', '{ "profile": "commercial", "rules": { "missing-kx": "error" } }');
    const r = runCli(['--codeset', CORE, '--config', ok, '--format', 'json', clean]);
    assert.equal(r.code, 0, r.stderr);
    // ./.hcpcsrc.json found by itself (not --config) still only warns
    mkdirSync(join(dir, 'ws'));
    writeFileSync(join(dir, 'ws', '.hcpcsrc.json'), '{ "profile": "comercial" }');
    cpSync(fixture('checks', 'clean.837'), join(dir, 'ws', 'clean.837'));
    const implicit = runCli(['--codeset', join(repoRoot, CORE), 'clean.837'], { cwd: join(dir, 'ws') });
    assert.equal(implicit.code, 0, implicit.stderr);
    assert.match(implicit.stderr, /"profile" must be one of/);
  });
});

test('exit status 2: unreadable --codeset, --release, --asp, an unreadable input, a malformed NDJSON line', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  withTemp((dir) => {
    const index = JSON.parse(readFileSync(join(repoRoot, CORE), 'utf8'));
    writeFileSync(join(dir, 'v99.json'), JSON.stringify({ ...index, version: 99 }));
    writeFileSync(join(dir, 'not-json.json'), '{"format":');
    writeFileSync(join(dir, 'other.json'), '{"hello":1}');
    mkdirSync(join(dir, 'empty-asp'));
    execFileSync('mkfifo', [join(dir, 'fifo.837')]);
    const release = releaseFile();
    const rows: [string[], RegExp, string?][] = [
      [['--codeset', join(dir, 'nope.json'), clean], /--codeset .*nope\.json: cannot be read/],
      [['--codeset', join(dir, 'v99.json'), clean], /--codeset .*v99\.json: compiled index version 99, expected \d+: compile it again; make it with `hcpcs-check compile/],
      [['--codeset', join(dir, 'not-json.json'), clean], /not-json\.json: not valid JSON/],
      [['--codeset', join(dir, 'other.json'), clean], /other\.json: not a compiled HCPCS index/],
      [['--codeset', dir, clean], /not a regular file/],
      [['--release', join(dir, 'nope.csv'), clean], /--release .*nope\.csv: .*nope\.csv cannot be read/],
      [['--release', clean, clean], /--release test\/fixtures\/checks\/clean\.837: /],
      [['--codeset', CORE, fixture('claims', 'billing-note.md'), join(dir, 'fifo.837')], /fifo\.837: cannot be read \(not a regular file\)/],
      [['--codeset', CORE, '--input', 'ndjson', '--format', 'ndjson'], /input line 2: not valid JSON/, '{"id":"a","text":""}\n{oops\n'],
    ];
    if (release) {
      rows.push([['--release', release, '--asp', join(dir, 'no-asp'), clean], /--asp .*no-asp: .*no-asp cannot be read/]);
      rows.push([['--release', release, '--asp', join(dir, 'empty-asp'), clean], /--asp .*empty-asp: .*holds no ASP pricing or NDC-HCPCS crosswalk file/]);
      rows.push([['--release', release, '--asp', join(repoRoot, clean), clean], /--asp .*: .*is not a folder of ASP files/]);
    }
    for (const [args, message, input] of rows) {
      const r = runCli(args, { input });
      assert.equal(r.code, 2, `${args.join(' ')}\n${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
    // --fail-on none: a malformed line is answered (error record) and the run still exits 0
    const r = runCli(['--codeset', CORE, '--input', 'ndjson', '--format', 'ndjson', '--fail-on', 'none'], { input: '{oops\n' });
    assert.equal(r.code, 0, r.stderr);
  });
});

test('compile: -o writes a code set that --codeset loads, with the findings --release gives', { skip: needs.october }, (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  const release = releaseFile()!;
  const asp = aspDir()!;
  withTemp((dir) => {
    const out = join(dir, 'codeset.json');
    const c = runCli(['compile', '--release', release, '--asp', asp, '-o', out]);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stderr, /compiled HCPCS Level II, October 2025 \(CMS\): 8463 codes, 383 modifiers, ASP October 2025; [\d.]+ MB in \d+ ms/);
    const viaCodeset = runCli(['--codeset', out, '--format', 'json', claims]);
    const viaRelease = runCli(['--release', release, '--asp', asp, '--format', 'json', claims]);
    assert.equal(viaCodeset.code, 1, viaCodeset.stderr);
    assert.deepEqual(JSON.parse(viaCodeset.stdout), JSON.parse(viaRelease.stdout));
    assert.match(viaCodeset.stderr, /full CMS release: 8463 codes/);
    const bad = runCli(['compile', '--release', join(repoRoot, clean), '-o', join(dir, 'x.json')]);
    assert.equal(bad.code, 2);
    const unwritable = runCli(['compile', '--release', release, '-o', join(dir, 'no-such-dir', 'x.json')]);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /cannot be written/);
  });
});

test('--format ndjson: every record valid against the schema, documents in input order, summary on stderr', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  // a folder walk reads claim formats; the note is read because --include names it
  const r = runCli(['--codeset', CORE, '--format', 'ndjson', '--include', '*.md', claims, clean]);
  assert.equal(r.code, 1, r.stderr);
  const recs = records(r.stdout);
  for (const rec of recs) assert.deepEqual(ndjsonViolations(rec), [], JSON.stringify(rec));
  const done = recs.filter((x) => x.type === 'document').map((x) => x.document);
  assert.deepEqual(done, [
    `${claims}/billing-note.md`,
    `${claims}/claims-export.csv`,
    `${claims}/infusion-and-transplant.837`,
    `${claims}/transplant-claim.fhir.json`,
    clean,
  ]);
  // findings come before their document's closing record and name a claim where there is one
  const jg = recs.find((x) => x.rule === 'modifier-not-effective' && x.document === `${claims}/infusion-and-transplant.837`)!;
  assert.deepEqual(jg.range1, { start: { line: 38, character: 14 }, end: { line: 38, character: 16 } });
  assert.deepEqual(jg.range0, { start: { line: 37, character: 13 }, end: { line: 37, character: 15 } });
  assert.equal(typeof jg.claim, 'string');
  assert.deepEqual(jg.fixes, ['Replace JG with TB']);
  assert.match(r.stderr, /problems .* \(5 files checked\)/);
  assert.doesNotMatch(r.stdout, /problems/);
});

test('--format sarif validates against the SARIF 2.1.0 schema: %SRCROOT% URIs (also ../), rule help, fixes, --docs-base-url', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  withTemp((dir) => {
    cpSync(fixture('claims', 'infusion-and-transplant.837'), join(dir, 'outside.837'));
    const r = runCli(['--codeset', CORE, '--format', 'sarif', '--docs-base-url', 'https://github.com/acme/hcpcs/blob/v1', claims, join(dir, 'outside.837')]);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(sarifSchemaViolations(log), []);
    const run = log.runs[0];
    assert.deepEqual(Object.keys(run.originalUriBaseIds), ['%SRCROOT%']);
    const locations = run.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation);
    for (const l of locations) {
      assert.equal(l.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(l.uri, /^file:|^\//);
    }
    const outside = relative(repoRoot, join(dir, 'outside.837'));
    assert.ok(locations.some((l: { uri: string }) => l.uri === outside && outside.startsWith('../')), outside);
    const kx = run.tool.driver.rules.find((x: { id: string }) => x.id === 'missing-kx');
    assert.equal(kx.helpUri, 'https://github.com/acme/hcpcs/blob/v1/docs/rules/missing-kx.md');
    assert.equal(kx.shortDescription.text, 'Oral immunosuppressive drug (J7500-J7599) without KX');
    assert.notEqual(kx.fullDescription.text, kx.shortDescription.text);
    const withFix = run.results.find((x: { ruleId: string }) => x.ruleId === 'modifier-not-effective');
    assert.deepEqual(withFix.fixes[0].artifactChanges[0].replacements[0].insertedContent, { text: 'TB' });
    // the schema check is real: a broken log fails it
    assert.notDeepEqual(sarifSchemaViolations({ ...log, version: '2.0.0' }), []);
    assert.notDeepEqual(sarifSchemaViolations({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: 'info' }] }] }), []);
  });
});

test('--stdin / -: one document, its kind detected or given with --language', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  const x12 = readFileSync(fixture('claims', 'infusion-and-transplant.837'), 'utf8');
  const csv = readFileSync(fixture('claims', 'claims-export.csv'), 'utf8');
  const fromFile = runCli(['--codeset', CORE, '--format', 'json', `${claims}/infusion-and-transplant.837`]);
  const rows: [string[], string, RegExp][] = [
    [['--stdin'], x12, /^<stdin>:38:14: error modifier-not-effective/m],
    [['-'], x12, /^<stdin>:38:14: error modifier-not-effective/m],
    [['--stdin'], csv, /^<stdin>:6:34: error jw-jz-conflict/m],
    [['--stdin', '--language', 'csv'], csv, /^<stdin>:6:34: error jw-jz-conflict/m],
  ];
  for (const [args, input, expected] of rows) {
    const r = runCli(['--codeset', CORE, ...args], { input });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, expected);
    assert.match(r.stdout, /\(1 document checked\)\.$/m);
  }
  // the same findings as the file, named <stdin>
  const viaStdin = runCli(['--codeset', CORE, '--format', 'json', '--stdin'], { input: x12 });
  assert.deepEqual(
    JSON.parse(viaStdin.stdout).map((f: { file: string }) => ({ ...f, file: 'x' })),
    JSON.parse(fromFile.stdout).map((f: { file: string }) => ({ ...f, file: 'x' })),
  );
  // negative row: prose given as markdown has no CSV findings
  const prose = runCli(['--codeset', CORE, '--stdin', '--language', 'markdown'], { input: 'Nothing billed today.\n' });
  assert.equal(prose.code, 0);
  assert.equal(prose.stdout, 'No problems found (1 document checked).\n');
});

test('worker pool: the same output in input order for --jobs 1, 2 and 3 (folders and NDJSON streams)', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  withTemp((dir) => {
    // big and small files interleaved, so workers finish out of order
    const big = readFileSync(fixture('claims', 'infusion-and-transplant.837'), 'utf8');
    const sources = ['infusion-and-transplant.837', 'claims-export.csv', 'billing-note.md', 'transplant-claim.fhir.json'];
    const docs: { id: string; text: string; languageId?: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const name = sources[i % sources.length]!;
      const text = i % 5 === 0 ? big.repeat(1) + big.split('\n').slice(3).join('\n').repeat(20) : readFileSync(fixture('claims', name), 'utf8');
      const file = `doc-${String(i).padStart(3, '0')}${name.slice(name.indexOf('.'))}`;
      writeFileSync(join(dir, file), text);
      docs.push({ id: `d${i}`, text, ...(name.endsWith('.csv') ? { languageId: 'csv' } : {}) });
    }
    const ndjson = docs.map((d) => JSON.stringify(d)).join('\n') + '\n';
    const outputs = [1, 2, 3].map((jobs) => runCli(['--codeset', CORE, '--format', 'ndjson', '--jobs', String(jobs), '--include', '*.md', dir]));
    const streams = [1, 2, 3].map((jobs) => runCli(['--codeset', CORE, '--format', 'ndjson', '--jobs', String(jobs), '--input', 'ndjson'], { input: ndjson }));
    for (const r of [...outputs, ...streams]) assert.equal(r.code, 1, r.stderr);
    assert.equal(outputs[1]!.stdout, outputs[0]!.stdout);
    assert.equal(outputs[2]!.stdout, outputs[0]!.stdout);
    assert.equal(streams[1]!.stdout, streams[0]!.stdout);
    assert.equal(streams[2]!.stdout, streams[0]!.stdout);
    const order = records(streams[2]!.stdout).filter((x) => x.type === 'document').map((x) => x.document);
    assert.deepEqual(order, docs.map((d) => d.id));
    const files = records(outputs[2]!.stdout).filter((x) => x.type === 'document').map((x) => String(x.document));
    assert.deepEqual(files, [...files].sort());
    assert.equal(files.length, 40);
    // the text and JSON outputs of a pool are the ones of a single thread too
    const text = [1, 3].map((jobs) => runCli(['--codeset', CORE, '--jobs', String(jobs), '--include', '*.md', dir]).stdout);
    assert.equal(text[1], text[0]);
  });
});
