// Which files a folder walk reads (pure: checks/report/file-selection.ts), the globs it uses, the
// --include/--exclude arguments, the .hcpcsrc.json keys and the editor settings for kinds and notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, isPathMatcher, pathOfUri } from '../../../server/src/base/globs';
import { isClaimFormat, isExcludedFolder, isSelected, type FileSelection } from '../../../server/src/checks/report/file-selection';
import { parseArgs } from '../../../server/src/checks/report/args';
import { parseConfig, mergeSettings } from '../../../server/src/checks/config';
import { defaultSettings, settingsFromEditor } from '../../../server/src/settings';

test('globs match a path tail at a folder boundary, ignoring case', () => {
  const rows: [string, string, boolean][] = [
    ['*.md', 'README.md', true],
    ['*.md', 'docs/rules/a.md', true],
    ['*.md', 'docs/rules/a.mdx', false],
    ['*.MD', 'notes/a.md', true],
    ['notes/**', 'notes/a.md', true],
    ['notes/**', 'w/notes/deep/a.md', true],
    ['notes/**', 'keynotes/a.md', false],
    ['notes', 'notes/a.md', true],
    ['notes', 'notes.md', false],
    ['/notes/*.md', '/notes/a.md', true],
    ['/notes/*.md', '/w/notes/a.md', false],
    ['**/*.{csv,psv}', 'exports/a.psv', true],
    ['**/*.{csv,psv}', 'a.csv', true],
    ['**/*.{csv,psv}', 'a.tsv', false],
    ['a?.txt', 'ab.txt', true],
    ['a?.txt', 'a/.txt', false],
    ['*.md', 'C:\\work\\notes\\a.md', true],
    ['a+b(1).md', 'a+b(1).md', true],
    ['a+b(1).md', 'aab1.md', false],
  ];
  for (const [glob, path, expected] of rows) {
    const m = compileGlob(glob);
    assert.ok(isPathMatcher(m), glob);
    assert.equal(m(path), expected, `${glob} on ${path}`);
  }
  for (const bad of ['', '   ', 'notes/{a,b', 'x'.repeat(501)]) assert.ok(!isPathMatcher(compileGlob(bad)), JSON.stringify(bad.slice(0, 20)));
  assert.equal(pathOfUri('file:///w/my%20notes/a.md'), '/w/my notes/a.md');
  assert.equal(pathOfUri('file:///w/bad%E0%A4%A.md'), '/w/bad%E0%A4%A.md');
  assert.equal(pathOfUri('untitled:Untitled-1'), 'untitled:Untitled-1');
});

const X12_HEAD = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251120*0930*^*00501*000000001*0*T*:~GS*HC~ST*837*0001~';

test('claim formats by content, X12 by extension too', () => {
  const rows: [string, string, boolean][] = [
    ['a.837', X12_HEAD, true],
    ['a.edi', 'ISA damaged', true],
    ['a.835', '', true],
    ['no-extension', X12_HEAD, true],
    ['no-extension', 'plain words', false],
    ['claim.txt', X12_HEAD, true],
    ['note.txt', 'Dispensed J7507 x 30.', false],
    ['README.md', '# HCPCS\nJ7507 is tacrolimus.', false],
    ['PROVENANCE.md', '# Sample claim files\n- codes: `J1550`', false],
    ['export.csv', 'hcpcs_code,units,service_date\nJ7507,5,2025-11-05\n', true],
    ['people.csv', 'name,city,zip\nAnn,Paris,75001\n', false],
    ['rif.psv', 'CLM_ID|HCPCS_CD|LINE_SRVC_CNT\n1|G0444|1\n', true],
    ['rif.tsv', 'CLM_ID\tHCPCS_CD\tLINE_SRVC_CNT\n1\tG0444\t1\n', true],
    ['claim.json', '{ "resourceType": "Claim", "item": [] }', true],
    ['eob.ndjson', '{"resourceType":"ExplanationOfBenefit"}\n', true],
    ['package.json', '{ "name": "x", "version": "1.0.0" }', false],
    ['tsconfig.json', '{ "compilerOptions": {} }', false],
  ];
  for (const [name, head, expected] of rows) assert.equal(isClaimFormat(name, head), expected, name);
});

test('include and exclude globs decide before the content; exclude wins', () => {
  const none: FileSelection = { include: [], exclude: [] };
  const withNotes: FileSelection = { include: ['notes/**/*.md'], exclude: [] };
  const both: FileSelection = { include: ['*.md'], exclude: ['archive/**', 'PROVENANCE.md'] };
  let asked = 0;
  const head = (text: string) => () => {
    asked++;
    return text;
  };
  const rows: [string, FileSelection, string, boolean][] = [
    ['notes/visit.md', none, 'Dispensed J7507 x 30.', false],
    ['notes/visit.md', withNotes, 'Dispensed J7507 x 30.', true],
    ['docs/visit.md', withNotes, 'Dispensed J7507 x 30.', false],
    ['a.837', withNotes, X12_HEAD, true],
    ['README.md', both, '', true],
    ['PROVENANCE.md', both, '', false],
    ['archive/old.837', both, X12_HEAD, false],
    ['archive/old.md', both, '', false],
  ];
  for (const [path, selection, text, expected] of rows) assert.equal(isSelected(path, head(text), selection), expected, `${path} ${JSON.stringify(selection)}`);
  asked = 0;
  isSelected('README.md', head(''), both);
  isSelected('archive/old.837', head(X12_HEAD), both);
  assert.equal(asked, 0, 'the file is not read when a glob decides');
  assert.equal(isExcludedFolder('archive', both), true);
  assert.equal(isExcludedFolder('archive2', both), false);
  assert.equal(isExcludedFolder('archive', none), false);
});

test('--include and --exclude: repeatable, validated', () => {
  const ok = parseArgs(['--include', '*.md', '--include=notes/**', '--exclude', 'archive/**', '.']);
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.deepEqual(ok.options.include, ['*.md', 'notes/**']);
    assert.deepEqual(ok.options.exclude, ['archive/**']);
  }
  const none = parseArgs(['.']);
  assert.ok(none.ok && none.options.include.length === 0 && none.options.exclude.length === 0);
  const rows: [string[], RegExp][] = [
    [['--include', '.'], /no PATH given|--include/],
    [['--include'], /--include needs a value/],
    [['--exclude', 'a/{b', '.'], /--exclude: .*'\{' without its '\}'/],
    [['--include='], /--include needs a value/],
  ];
  for (const [args, message] of rows) {
    const r = parseArgs(args);
    assert.ok(!r.ok, args.join(' '));
    if (!r.ok) assert.match(r.message, message);
  }
});

test('.hcpcsrc.json: documentKinds, notes, include, exclude', () => {
  const rows: { text: string; settings: object; problems: RegExp[] }[] = [
    {
      text: '{ "documentKinds": [{ "pattern": "notes/**", "kind": "note" }, { "pattern": "paid/*.csv", "kind": "remittance" }] }',
      settings: { documentKinds: [{ pattern: 'notes/**', kind: 'note' }, { pattern: 'paid/*.csv', kind: 'remittance' }] },
      problems: [],
    },
    { text: '{ "documentKinds": [{ "pattern": "notes/**", "kind": "notes" }] }', settings: { documentKinds: [] }, problems: [/"kind" must be one of claim, remittance, note, reference \(did you mean "note"\?\)/] },
    { text: '{ "documentKinds": [{ "pattern": "notes/{a", "kind": "note" }] }', settings: { documentKinds: [] }, problems: [/Invalid glob/] },
    { text: '{ "documentKinds": [{ "kind": "note" }] }', settings: { documentKinds: [] }, problems: [/needs a "pattern"/] },
    { text: '{ "documentKinds": [{ "pattern": "a/**" }] }', settings: { documentKinds: [] }, problems: [/needs a "kind"/] },
    { text: '{ "documentKinds": [{ "pattern": "a/**", "kind": "note", "why": 1 }] }', settings: { documentKinds: [{ pattern: 'a/**', kind: 'note' }] }, problems: [/unknown property "why"/] },
    { text: '{ "documentKinds": { "notes/**": "note" } }', settings: {}, problems: [/must be an array/] },
    { text: '{ "notes": "off" }', settings: { notes: 'off' }, problems: [] },
    { text: '{ "notes": "billing-lines" }', settings: { notes: 'billing-lines' }, problems: [] },
    { text: '{ "notes": "al" }', settings: {}, problems: [/"notes" must be one of off, billing-lines, all \(did you mean "all"\?\)/] },
    { text: '{ "include": ["notes/**/*.md"], "exclude": ["archive/**"] }', settings: { include: ['notes/**/*.md'], exclude: ['archive/**'] }, problems: [] },
    { text: '{ "include": ["ok/*", "bad/{"] }', settings: { include: ['ok/*'] }, problems: [/Invalid glob/] },
    { text: '{ "exclude": "archive" }', settings: {}, problems: [/must be an array/] },
    { text: '{ "inclde": [] }', settings: {}, problems: [/Unknown setting "inclde" \(did you mean "include"\?\)/] },
  ];
  for (const row of rows) {
    const parsed = parseConfig(row.text);
    assert.deepEqual(parsed.settings, row.settings, row.text);
    assert.equal(parsed.problems.length, row.problems.length, `${row.text}: ${parsed.problems.map((p) => p.message).join('; ')}`);
    row.problems.forEach((re, i) => assert.match(parsed.problems[i]!.message, re));
  }
  const merged = mergeSettings(defaultSettings, { include: ['a'], notes: 'all' }, { exclude: ['b'] });
  assert.deepEqual([merged.include, merged.exclude, merged.notes], [['a'], ['b'], 'all']);
  assert.deepEqual(defaultSettings.include, [], 'merging does not modify the defaults');
});

test('editor settings: hcpcs.notes and hcpcs.documentKinds, invalid entries left out', () => {
  const rows: [unknown, Pick<ReturnType<typeof settingsFromEditor>, 'notes' | 'documentKinds'>][] = [
    [{}, { notes: 'billing-lines', documentKinds: [] }],
    [{ notes: 'all' }, { notes: 'all', documentKinds: [] }],
    [{ notes: 'some' }, { notes: 'billing-lines', documentKinds: [] }],
    [{ notes: 3 }, { notes: 'billing-lines', documentKinds: [] }],
    [{ documentKinds: [{ pattern: 'notes/**', kind: 'note' }] }, { notes: 'billing-lines', documentKinds: [{ pattern: 'notes/**', kind: 'note' }] }],
    [
      { documentKinds: [{ pattern: '', kind: 'note' }, { pattern: 'a', kind: 'memo' }, null, 'x', { pattern: 'b/**', kind: 'reference' }] },
      { notes: 'billing-lines', documentKinds: [{ pattern: 'b/**', kind: 'reference' }] },
    ],
    [{ documentKinds: { pattern: 'a', kind: 'note' } }, { notes: 'billing-lines', documentKinds: [] }],
  ];
  for (const [section, expected] of rows) {
    const s = settingsFromEditor(section);
    assert.deepEqual({ notes: s.notes, documentKinds: s.documentKinds }, expected, JSON.stringify(section));
  }
});
