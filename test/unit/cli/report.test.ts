// The CLI's pure parts: argument table, line/column location, text summary, SARIF shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../../server/src/checks/report/args';
import { lineLocator, locate, summarize } from '../../../server/src/checks/report/located';
import { formatFindingLine, formatSummary } from '../../../server/src/checks/report/text';
import { toSarif } from '../../../server/src/checks/report/sarif';
import type { Finding } from '../../../server/src/checks/types';
import { sarifViolations } from './sarif-shape';
import { sarifSchemaViolations } from './schemas';

test('parseArgs', () => {
  const rows: [string[], object | string][] = [
    [['a.837'], { command: 'check', format: 'text', paths: ['a.837'], progress: false, stdin: false, input: 'files', failOn: 'error', jobs: undefined, maxWarnings: undefined }],
    [['--format', 'ndjson', 'a'], { format: 'ndjson' }],
    [['--stdin'], { stdin: true, paths: [] }],
    [['-'], { stdin: true, paths: [] }],
    [['--stdin', '--language', 'csv'], { stdin: true, language: 'csv' }],
    [['--input', 'ndjson'], { input: 'ndjson', paths: [] }],
    [['--input=ndjson', '--format=ndjson', '--jobs=3'], { input: 'ndjson', format: 'ndjson', jobs: 3 }],
    [['--codeset', 'cs.json', 'a'], { codeset: 'cs.json' }],
    [['--max-warnings', '0', 'a'], { maxWarnings: 0 }],
    [['--fail-on', 'warning', 'a'], { failOn: 'warning' }],
    [['--fail-on', 'none', 'a'], { failOn: 'none' }],
    [['--docs-base-url', 'https://github.com/acme/x/blob/main', 'a'], { docsBaseUrl: 'https://github.com/acme/x/blob/main/' }],
    [['compile', '--release', 'r.csv', '--asp', 'asp', '-o', 'cs.json'], { command: 'compile', release: 'r.csv', asp: 'asp', output: 'cs.json', paths: [] }],
    [['compile', '--release=r.zip', '--output=cs.json'], { command: 'compile', output: 'cs.json' }],
    [['compile', '-o', 'cs.json'], 'compile needs --release FILE'],
    [['compile', '--release', 'r.csv'], 'compile needs -o FILE (where the code set is written)'],
    [['compile', '--release', 'r.csv', '-o', 'x', 'a.837'], 'compile reads only --release and --asp; no PATH or standard input'],
    [['compile', '--release', 'r.csv', '-o', 'x', '--codeset', 'y'], 'compile makes a code set from --release; --codeset is for checking'],
    [['-o', 'x', 'a'], '-o/--output is for `hcpcs-check compile`'],
    [['--codeset', 'cs.json', '--release', 'r.csv', 'a'], '--codeset and --release both choose the code set: give one'],
    [['--stdin', '--input', 'ndjson'], '--stdin reads one document, --input ndjson a stream of them: give one'],
    [['--stdin', 'a.837'], 'standard input and PATHs cannot be checked in one run'],
    [['--language', 'csv', 'a.csv'], '--language names the language of the --stdin document'],
    [['--stdin', '--language', 'cobol'], '--language must be one of x12, csv, tsv, psv, json, jsonc, plaintext, markdown, not "cobol"'],
    [['--input', 'csv'], '--input must be ndjson, not "csv" (give files and folders as PATHs)'],
    [['--jobs', '0', 'a'], '--jobs must be a whole number from 1 to 64, not "0"'],
    [['--jobs', '2.5', 'a'], '--jobs must be a whole number from 1 to 64, not "2.5"'],
    [['--max-warnings', '-1', 'a'], '--max-warnings must be a whole number, 0 or more, not "-1"'],
    [['--max-warnings', 'ten', 'a'], '--max-warnings must be a whole number, 0 or more, not "ten"'],
    [['--fail-on', 'eror', 'a'], '--fail-on must be error, warning, information or none, not "eror"'],
    [['--docs-base-url', 'docs/', 'a'], '--docs-base-url must be an http(s) URL, not "docs/"'],
    [['--format', 'json', 'a', 'b'], { format: 'json', paths: ['a', 'b'] }],
    [['--format=sarif', 'a'], { format: 'sarif' }],
    [['--config', 'c.json', '--release', 'r.zip', '--asp', 'asp/', 'a'], { config: 'c.json', release: 'r.zip', asp: 'asp/' }],
    [['--today', '2025-11-05', 'a'], { today: '2025-11-05' }],
    [['--progress', 'a'], { progress: true }],
    [['--', '--not-a-flag'], { paths: ['--not-a-flag'] }],
    [['--help'], { help: true, paths: [] }],
    [['--version'], { version: true }],
    [[], 'no PATH given (or --stdin, --input ndjson)'],
    [['--format', 'xml', 'a'], '--format must be text, json, sarif or ndjson, not "xml"'],
    [['--format'], '--format needs a value'],
    [['--verbose', 'a'], 'unknown option --verbose'],
    [['--progress=yes', 'a'], '--progress takes no value'],
    [['--today', 'yesterday', 'a'], '--today must be a date like 2025-11-05, not "yesterday"'],
  ];
  for (const [argv, expected] of rows) {
    const parsed = parseArgs(argv);
    if (typeof expected === 'string') assert.deepEqual(parsed, { ok: false, message: expected }, argv.join(' '));
    else {
      assert.ok(parsed.ok, argv.join(' '));
      if (parsed.ok) for (const [k, v] of Object.entries(expected)) assert.deepEqual((parsed.options as unknown as Record<string, unknown>)[k], v, `${argv.join(' ')}: ${k}`);
    }
  }
});

test('lineLocator: 1-based lines and UTF-16 columns over LF, CRLF and CR', () => {
  const rows: [string, number, [number, number]][] = [
    ['abc', 0, [1, 1]],
    ['abc', 3, [1, 4]],
    ['a\nbc', 2, [2, 1]],
    ['a\r\nbc', 4, [2, 2]],
    ['a\rbc', 2, [2, 1]],
    ['é\u{1F600}x', 3, [1, 4]],
    ['a\n', 99, [2, 1]],
  ];
  for (const [text, offset, [line, character]] of rows) assert.deepEqual(lineLocator(text)(offset), { line, character }, JSON.stringify(text));
});

const finding = (start: number, end: number, severity: Finding['severity'], ruleId = 'missing-kx'): Finding => ({
  ruleId,
  severity,
  message: `${ruleId} message`,
  range: { start, end },
  related: [{ range: { start: 0, end: 1 }, message: 'here' }],
  fixes: [{ title: 'Add modifier KX', edits: [{ range: { start: end, end }, newText: ':KX' }], preferred: true }],
});

test('text lines and summary', () => {
  const text = 'LX*1~\nSV1*HC:J7507*125*UN*5~\n';
  const located = locate('a.837', text, [finding(13, 18, 'warning'), finding(13, 18, 'error', 'unknown-code')]);
  assert.equal(formatFindingLine(located[0]!), 'a.837:2:8: warning missing-kx missing-kx message');
  assert.deepEqual(located[0]!.fixes[0]!.edits[0]!.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 13 } });
  assert.equal(formatSummary(summarize(located, 3)), '2 problems (1 error, 1 warning) in 1 file (3 files checked).');
  assert.equal(formatSummary(summarize([], 1)), 'No problems found (1 file checked).');
});

test('SARIF output has the required 2.1.0 structure', () => {
  const text = 'LX*1~\nSV1*HC:J7507*125*UN*5~\n';
  const findings = locate('dir/a b.837', text, [finding(13, 18, 'warning'), finding(0, 2, 'information', 'x12-damaged-isa')]);
  const sarif = toSarif({
    toolName: 'hcpcs-check',
    toolVersion: '0.1.0',
    rules: [{ id: 'missing-kx', title: 'Oral immunosuppressive drug without KX', defaultSeverity: 'warning', helpUri: 'file:///x/docs/rules/missing-kx.md' }],
    findings,
    srcRoot: 'file:///work/',
    artifactUri: (f) => f.split('/').map(encodeURIComponent).join('/'),
  }) as { runs: { results: { ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
  assert.deepEqual(sarifViolations(sarif), []);
  const run = sarif.runs[0]!;
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['missing-kx', 'x12-damaged-isa']);
  assert.deepEqual(run.results.map((r) => [r.ruleIndex, r.level]), [[0, 'warning'], [1, 'note']]);
  assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation.artifactLocation, { uri: 'dir/a%20b.837', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(sarifSchemaViolations(sarif), []);
});

test('the SARIF shape check catches what it must', () => {
  const rows: [unknown, RegExp][] = [
    [{ version: '2.0.0', $schema: 'https://x', runs: [] }, /version/],
    [{ version: '2.1.0', $schema: 'https://x' }, /runs must be an array/],
    [{ version: '2.1.0', $schema: 'https://x', runs: [{ tool: { driver: { rules: [] } } }] }, /driver.name/],
    [{ version: '2.1.0', $schema: 'https://x', runs: [{ tool: { driver: { name: 't', rules: [{ id: 'a', helpUri: 'docs/a.md' }] } } }] }, /helpUri/],
    [{ version: '2.1.0', $schema: 'https://x', runs: [{ tool: { driver: { name: 't', rules: [] } }, results: [{ ruleId: 'a', level: 'info', message: { text: 'm' }, locations: [] }] }] }, /level/],
    [
      { version: '2.1.0', $schema: 'https://x', runs: [{ tool: { driver: { name: 't', rules: [] } }, results: [{ ruleId: 'a', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] },
      /startLine/,
    ],
    [{ version: '2.1.0', $schema: 'https://x', runs: [{ tool: { driver: { name: 't', rules: [{ id: 'b' }] } }, results: [{ ruleId: 'a', ruleIndex: 0, message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 1 } } }] }] }] }, /ruleIndex/],
  ];
  for (const [log, problem] of rows) assert.match(sarifViolations(log).join('\n'), problem);
});
