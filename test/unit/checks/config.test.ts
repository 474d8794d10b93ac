// parseConfig / mergeSettings, the JSON Schema, and the registry's settings handling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, mergeSettings } from '../../../server/src/checks/config';
import { rules, ruleIds, effectiveSeverity, runChecks } from '../../../server/src/checks/index';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import { repoRoot } from '../../support/paths';
import { check, coreCodeSet, unmark, x12 } from './harness';

interface ConfigRow {
  name: string;
  /** JSON with the expected problem ranges marked ⟦ ⟧ */
  text: string;
  settings: Partial<Settings>;
  messages?: RegExp[];
}

const rows: ConfigRow[] = [
  { name: 'empty object', text: '{}', settings: {} },
  { name: 'profile', text: '{ "profile": "commercial" }', settings: { profile: 'commercial' } },
  { name: 'bad profile', text: '{ "profile": ⟦"medicaid"⟧ }', settings: {}, messages: [/"profile" must be one of medicare, commercial, none/] },
  {
    name: 'rules in every accepted form',
    text: '{ "rules": { "missing-kx": "off", "cpt-code": "information", "units-vs-dose": true, "missing-ndc": { "severity": "error" }, "zero-units": "on" } }',
    settings: {
      rules: {
        'missing-kx': { enabled: false },
        'cpt-code': { enabled: true, severity: 'information' },
        'units-vs-dose': { enabled: true },
        'missing-ndc': { enabled: true, severity: 'error' },
        'zero-units': { enabled: true },
      },
    },
  },
  { name: 'unknown rule id, with a suggestion', text: '{ "rules": { ⟦"missing-kz"⟧: "off" } }', settings: { rules: {} }, messages: [/Unknown rule id "missing-kz" \(did you mean "missing-kx"\?\)/] },
  { name: 'bad severity', text: '{ "rules": { "missing-kx": ⟦"warn"⟧ } }', settings: { rules: {} }, messages: [/did you mean "warning"/] },
  { name: 'wrong type for a rule', text: '{ "rules": { "missing-kx": ⟦3⟧ } }', settings: { rules: {} } },
  { name: 'rules not an object', text: '{ "rules": ⟦[]⟧ }', settings: {}, messages: [/"rules" must be an object, not an array/] },
  {
    name: 'requiredModifiers, long and short forms',
    text: '{ "requiredModifiers": [{ "pattern": "J75*", "modifiers": ["kx"] }] }',
    settings: { requiredModifiers: [{ pattern: 'J75*', modifiers: ['KX'] }] },
  },
  { name: 'requiredModifiers short form', text: '{ "requiredModifiers": { "E0431": ["RR", "KX"] } }', settings: { requiredModifiers: [{ pattern: 'E0431', modifiers: ['RR', 'KX'] }] } },
  { name: 'bad pattern', text: '{ "requiredModifiers": { ⟦"J75["⟧: ["KX"] } }', settings: { requiredModifiers: [] }, messages: [/Invalid code pattern/] },
  { name: 'bad modifier', text: '{ "requiredModifiers": [{ "pattern": "J75*", "modifiers": [⟦"KXX"⟧] }] }', settings: { requiredModifiers: [] } },
  { name: 'allowed/forbidden codes', text: '{ "allowedCodes": ["J7500-J7599"], "forbiddenCodes": ["S9*", ⟦"J7599-J7500"⟧] }', settings: { allowedCodes: ['J7500-J7599'], forbiddenCodes: ['S9*'] }, messages: [/runs backwards/] },
  { name: 'four characters without a wildcard', text: '{ "forbiddenCodes": [⟦"J750"⟧] }', settings: { forbiddenCodes: [] }, messages: [/not a 5-character code/] },
  { name: 'jwJzCodes', text: '{ "jwJzCodes": { "add": ["J3490"], "remove": ["J0897"] } }', settings: { jwJzCodes: { add: ['J3490'], remove: ['J0897'] } } },
  { name: 'jwJzCodes unknown key', text: '{ "jwJzCodes": { ⟦"plus"⟧: [] } }', settings: { jwJzCodes: { add: [], remove: [] } } },
  { name: 'inlayHints and maxValidationBytes', text: '{ "inlayHints": { "enabled": false }, "maxValidationBytes": 1000 }', settings: { inlayHints: { enabled: false }, maxValidationBytes: 1000 } },
  { name: 'negative maxValidationBytes', text: '{ "maxValidationBytes": ⟦-1⟧ }', settings: {} },
  { name: 'unknown key, with a suggestion', text: '{ ⟦"profil"⟧: "none" }', settings: {}, messages: [/Unknown setting "profil" \(did you mean "profile"\?\)/] },
  { name: 'comments are allowed', text: '{\n  // payer: example\n  "profile": "none" /* validity only */\n}', settings: { profile: 'none' } },
  { name: '$schema is accepted', text: '{ "$schema": "./schemas/hcpcsrc.schema.json" }', settings: {} },
  { name: 'not JSON: the defaults apply', text: '{ "profile": "none"⟦,⟧ }', settings: {}, messages: [/Not valid JSON: Trailing comma/] },
  { name: 'unterminated string', text: '{ "profile": ⟦"none }⟧', settings: {}, messages: [/Unterminated string/] },
  { name: 'top level not an object', text: '⟦[1, 2]⟧', settings: {}, messages: [/The configuration must be an object/] },
  { name: 'duplicate key: the last wins', text: '{ "profile": "none", ⟦"profile"⟧: "commercial" }', settings: { profile: 'commercial' } },
  { name: 'empty file', text: '⟦⟧', settings: {} },
];

test('parseConfig', async (t) => {
  for (const row of rows) {
    await t.test(row.name, () => {
      const { text, ranges } = unmark(row.text);
      const parsed = parseConfig(text);
      assert.deepEqual(parsed.settings, row.settings);
      assert.deepEqual(
        parsed.problems.map((p) => text.slice(p.range.start, p.range.end)),
        ranges.map((r) => text.slice(r.start, r.end)),
        parsed.problems.map((p) => p.message).join('\n'),
      );
      row.messages?.forEach((m, i) => assert.match(parsed.problems[i]!.message, m));
    });
  }
});

test('parseConfig never throws on junk', () => {
  for (const junk of ['', '{', '[[[[[[', '{"a":', '"\\u12"', '{"rules":{"x":{"enabled":"yes"}}}', '['.repeat(500), '\u0000\uFFFF', '{"profile": 1e999}']) {
    const parsed = parseConfig(junk);
    assert.ok(Array.isArray(parsed.problems));
  }
});

test('mergeSettings: later layers win, rules merge by id, inputs untouched', () => {
  const base = mergeSettings(defaultSettings, { rules: { 'missing-kx': { enabled: false } }, allowedCodes: ['J75*'] });
  const merged = mergeSettings(base, { rules: { 'cpt-code': { enabled: true } }, profile: 'none' }, undefined, { allowedCodes: [] });
  assert.deepEqual(merged.rules, { 'missing-kx': { enabled: false }, 'cpt-code': { enabled: true } });
  assert.equal(merged.profile, 'none');
  assert.deepEqual(merged.allowedCodes, []);
  assert.deepEqual(base.allowedCodes, ['J75*']);
  assert.deepEqual(defaultSettings.rules, {});
  assert.deepEqual(mergeSettings(defaultSettings), defaultSettings);
});

test('registry: every rule has an id, a docs page, a profile and a unique id', () => {
  assert.equal(new Set(ruleIds).size, ruleIds.length);
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
    assert.ok(existsSync(join(repoRoot, rule.docs)), `${rule.docs} exists`);
    const page = readFileSync(join(repoRoot, rule.docs), 'utf8');
    for (const heading of ['## What it checks', '## Why payers reject it', '## Example that fires', '## Example that does not fire', '## Fix', '## Configure']) {
      assert.ok(page.includes(heading), `${rule.docs} has "${heading}"`);
    }
    assert.ok(rule.profiles.length > 0);
    assert.ok(rule.description.length > 10);
  }
  const fixed = ['unknown-code', 'code-not-effective', 'invalid-modifier', 'modifier-not-effective', 'duplicate-modifier', 'too-many-modifiers', 'missing-jw-jz', 'jw-jz-conflict', 'jw-jz-not-applicable', 'missing-kx', 'missing-units', 'zero-units', 'fractional-units', 'units-vs-ndc', 'units-vs-dose', 'missing-ndc', 'invalid-ndc', 'noc-needs-description', 'drug-mismatch', 'cpt-code', 'required-modifier', 'code-not-allowed', 'fact-billing-unit', 'fact-route', 'fact-modifier', 'fact-code-range', 'fact-code-kind'];
  assert.deepEqual([...ruleIds].sort(), [...fixed].sort());
});

test('the JSON Schema names exactly the rule ids and the settings keys', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/hcpcsrc.schema.json'), 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...ruleIds].sort());
  const keys = Object.keys(schema.properties).filter((k) => k !== '$schema').sort();
  assert.deepEqual(keys, Object.keys(defaultSettings).sort());
});

test('effectiveSeverity: explicit settings beat the profile; defaults otherwise', () => {
  const kx = rules.find((r) => r.id === 'missing-kx')!;
  const cpt = rules.find((r) => r.id === 'cpt-code')!;
  const s = (o: Partial<Settings>) => mergeSettings(defaultSettings, o);
  const rows: [string, ReturnType<typeof effectiveSeverity>, ReturnType<typeof effectiveSeverity>][] = [
    ['defaults', effectiveSeverity(kx, s({})), 'warning'],
    ['commercial drops a Medicare rule', effectiveSeverity(kx, s({ profile: 'commercial' })), undefined],
    ['named rule runs in any profile', effectiveSeverity(kx, s({ profile: 'none', rules: { 'missing-kx': { enabled: true } } })), 'warning'],
    ['severity override', effectiveSeverity(kx, s({ rules: { 'missing-kx': { enabled: true, severity: 'error' } } })), 'error'],
    ['off', effectiveSeverity(kx, s({ rules: { 'missing-kx': { enabled: false } } })), undefined],
    ['off by default', effectiveSeverity(cpt, s({})), undefined],
  ];
  for (const [name, actual, expected] of rows) assert.equal(actual, expected, name);
});

test('runChecks applies the configured severity to findings', () => {
  const text = x12('LX*1', 'SV1*HC:J7507*125*UN*5***1');
  const kx = (o: Partial<Settings>) => check(text, { codeset: coreCodeSet(), settings: o }).filter((f) => f.ruleId === 'missing-kx');
  assert.deepEqual(kx({}).map((f) => f.severity), ['warning']);
  assert.deepEqual(kx({ rules: { 'missing-kx': { enabled: true, severity: 'hint' } } }).map((f) => f.severity), ['hint']);
  assert.deepEqual(kx({ rules: { 'missing-kx': { enabled: false } } }), []);
});

test('runChecks reports what the reader could not understand, and survives a broken model', () => {
  const codeset = coreCodeSet();
  const document = {
    format: 'x12' as const,
    length: 10,
    containers: [],
    claims: [{ range: { start: 0, end: 10 }, diagnoses: [], label: 'c', lines: [{ source: 'SV1' as const, range: { start: 0, end: 10 }, code: null as never, modifiers: [], notes: [], doses: [] }] }],
    mentions: [],
    problems: [{ id: 'x12-damaged-isa', message: 'damaged', range: { start: 0, end: 3 }, severity: 'warning' as const }],
  };
  const found = runChecks({ document, text: 'ISA*broken', codeset, settings: defaultSettings, today: '2025-11-20' });
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['x12-damaged-isa', 'warning']]);
  const off = runChecks({ document, text: 'ISA*broken', codeset, settings: mergeSettings(defaultSettings, { rules: { 'x12-damaged-isa': { enabled: false } } }), today: '2025-11-20' });
  assert.deepEqual(off, []);
});
