// The package as a library: what package.json "exports" points at exists after a build, and a Node
// caller can check a claim with it (code set, service, findings, NDJSON records) without the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fixture, repoRoot } from '../../support/paths';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const entry = join(repoRoot, pkg.exports['.'].default);
const types = join(repoRoot, pkg.exports['.'].types);

test('package.json exports the built library and its types', (t) => {
  if (!existsSync(entry)) return t.skip('dist/lib.js is not built');
  assert.equal(pkg.types, pkg.exports['.'].types);
  assert.ok(existsSync(types), types);
  const declarations = readFileSync(types, 'utf8');
  for (const name of ['createService', 'runChecks', 'parseDocument', 'loadIndex', 'compileIndex', 'importRelease', 'importAsp', 'checkDocument', 'coreCodeSet', 'defaultGuidance']) {
    assert.match(declarations, new RegExp(`\\b${name}\\b`), name);
  }
});

test('library: a claim checked through the exports, as a queue consumer would', (t) => {
  if (!existsSync(entry)) return t.skip('dist/lib.js is not built');
  // resolved by package name, through "exports", the way a dependent package loads it
  const lib = createRequire(join(repoRoot, 'package.json'))(pkg.name);
  const service = lib.createService({ codeset: lib.coreCodeSet(), guidance: lib.defaultGuidance(), settings: lib.defaultSettings, today: () => '2025-11-20' });
  const text = readFileSync(fixture('checks', 'clean.837'), 'utf8');
  const rows: [string, string, string[]][] = [
    ['clean', text, []],
    ['no KX', text.replace('J7507:KX', 'J7507'), ['missing-kx']],
    ['zero units', text.replace('J7507:KX*125*UN*5', 'J7507:KX*125*UN*0'), ['zero-units']],
  ];
  for (const [id, body, rules] of rows) {
    const result = lib.checkDocument(service, { id, languageId: 'x12', text: body });
    assert.deepEqual(result.findings.map((f: { ruleId: string }) => f.ruleId), rules, id);
    const lines = lib.documentLines(result).trimEnd().split('\n').map((l: string) => JSON.parse(l));
    assert.deepEqual(lines.at(-1), { type: 'document', document: id, findings: rules.length });
  }
  // the lower layers are there too: parse, then the rule registry over the model
  const model = lib.parseDocument(text.replace('J7507:KX', 'J7507'), { languageId: 'x12' });
  const findings = lib.runChecks({ document: model, text: text.replace('J7507:KX', 'J7507'), codeset: lib.coreCodeSet(), settings: lib.defaultSettings, today: '2025-11-20' });
  assert.deepEqual(findings.map((f: { ruleId: string }) => f.ruleId), ['missing-kx']);
  assert.throws(() => lib.loadIndex('{"format":"hcpcs-index","version":-1,"codes":[]}'), /compile it again/);
});
