// Issue #19 case 15: quick fixes must converge. Under configurations that contradict themselves or
// the code set (JZ required on J75* while jw-jz-not-applicable says remove it; JW and JZ both
// required; five required modifiers), applying the preferred fixes again and again reaches a fixed
// point within a few rounds and never comes back to a text it had before (Add JZ <-> Remove JZ).
// The contradiction itself is reported on the config file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../server/src/service';
import { defaultSettings, type Settings } from '../../server/src/settings';
import { mergeSettings, parseConfig } from '../../server/src/checks/config';
import { configFileProblems } from '../../server/src/checks/config-file';
import type { TextEdit } from '../../server/src/checks/types';
import { coreSet, fullSet, shippedGuidance } from '../unit/features/support';
import { x12_837p } from '../support/x12';

const MAX_ROUNDS = 4;
const codeset = fullSet() ?? coreSet();

const configs: { name: string; json: string; contradiction?: RegExp }[] = [
  { name: 'control: defaults', json: '{}' },
  { name: 'JZ required on J75* (oral immunosuppressants)', json: '{ "requiredModifiers": [{ "pattern": "J75*", "modifiers": ["JZ"] }] }', contradiction: /asks for JZ on J75\*, but J75\d\d.* oral or not drugs/ },
  { name: 'JW required on J7507 exactly', json: '{ "requiredModifiers": [{ "pattern": "J7507", "modifiers": ["JW"] }] }', contradiction: /asks for JW on J7507, but J7507 is oral or not drugs/ },
  { name: 'JW and JZ both required on J9035', json: '{ "requiredModifiers": [{ "pattern": "J9035", "modifiers": ["JW", "JZ"] }] }', contradiction: /both JW and JZ on J9035/ },
  { name: 'five modifiers required on J7507', json: '{ "requiredModifiers": [{ "pattern": "J7507", "modifiers": ["KX", "JW", "JZ", "GA", "GZ"] }] }', contradiction: /both JW and JZ/ },
  { name: 'required and forbidden', json: '{ "requiredModifiers": [{ "pattern": "J7507", "modifiers": ["KX"] }], "forbiddenCodes": ["J75*"] }', contradiction: /J7507, which forbiddenCodes forbids \(J75\*\)/ },
  { name: 'JZ required where the JW/JZ list removes the code', json: '{ "requiredModifiers": [{ "pattern": "J9035", "modifiers": ["JZ"] }], "jwJzCodes": { "add": ["J9035"], "remove": ["J9035"] } }', contradiction: /both adds and removes J9035/ },
  { name: 'required modifier on a commercial profile', json: '{ "profile": "commercial", "requiredModifiers": [{ "pattern": "J7*", "modifiers": ["JZ", "KX"] }] }', contradiction: /asks for JZ on J7\*/ },
];

const sv1 = (code: string, mods: string[]) => `SV1*HC:${[code, ...mods].join(':')}*125*UN*5***1`;
const claim837 = (lines: string[]) =>
  x12_837p(['CLM*PT1*500***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940', ...lines.flatMap((l, i) => [`LX*${i + 1}`, l, 'DTP*472*D8*20251105'])]);

const documents: { name: string; languageId: string; text: string }[] = [
  { name: '837 lines', languageId: 'x12', text: claim837([sv1('J7507', []), sv1('J7507', ['JZ']), sv1('J7507', ['JW', 'JZ']), sv1('J9035', []), sv1('J9035', ['JZ', 'JW']), sv1('J7507', ['KX', 'GA', 'GZ', 'JZ'])]) },
  {
    name: 'CSV rows',
    languageId: 'csv',
    text: 'claim_id,service_date,hcpcs,modifier_1,modifier_2,units\nC1,2025-11-05,J7507,,,5\nC1,2025-11-05,J7507,JZ,,5\nC2,2025-11-05,J9035,JW,JZ,5\nC3,2025-11-05,J9035,,,5\n',
  },
  { name: 'prose note', languageId: 'markdown', text: 'Billed J7507-JZ x 5 units on 2025-11-05.\nBilled J9035 x 5 units on 2025-11-05.\nBilled J7507 x 5 units on 2025-11-05.\n' },
];

/** apply the preferred fixes (non-overlapping, one per finding) to the text */
function applyPreferred(text: string, settings: Settings, languageId: string, version: number): { text: string; applied: number } {
  const service = createService({ codeset, guidance: shippedGuidance(), today: () => '2025-11-05', settings });
  const doc = TextDocument.create(`file:///w/converge.${languageId}`, languageId, version, text);
  const edits: TextEdit[] = [];
  for (const f of service.findings(doc)) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    // one fix per line of text at a time: two fixes on one field would step on each other
    if (fix.edits.some((e) => edits.some((o) => lineOf(text, o.range.start) === lineOf(text, e.range.start)))) continue;
    edits.push(...fix.edits);
  }
  edits.sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return { text: out, applied: edits.length };
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** fixes until none applies; every text seen once; the helper every row goes through */
function checkConverges(json: string, doc: { name: string; languageId: string; text: string }): number {
  const settings = mergeSettings(defaultSettings, parseConfig(json).settings);
  const seen = new Set<string>([doc.text]);
  let text = doc.text;
  for (let round = 1; round <= MAX_ROUNDS + 1; round++) {
    const next = applyPreferred(text, settings, doc.languageId, round);
    if (next.applied === 0) return round - 1;
    assert.ok(!seen.has(next.text), `${doc.name}: round ${round} came back to an earlier text (fixes cycle):\n${next.text}`);
    seen.add(next.text);
    text = next.text;
  }
  assert.fail(`${doc.name}: still fixing after ${MAX_ROUNDS} rounds`);
}

for (const config of configs) {
  for (const doc of documents) {
    test(`fixes converge: ${config.name} / ${doc.name}`, () => {
      const rounds = checkConverges(config.json, doc);
      assert.ok(rounds <= MAX_ROUNDS, `${rounds} rounds`);
    });
  }
  test(`config file: ${config.name} ${config.contradiction ? 'is reported as contradicting itself' : 'has no problems'}`, () => {
    const problems = configFileProblems(config.json, codeset);
    if (!config.contradiction) return assert.deepEqual(problems, []);
    assert.ok(problems.some((p) => config.contradiction!.test(p.message)), problems.map((p) => p.message).join(' | ') || 'no problems');
    for (const p of problems) assert.ok(p.range.end <= config.json.length && p.range.start >= 0);
  });
}

test('a required modifier is never removed by a fix; a duplicate of it still is', () => {
  const settings = mergeSettings(defaultSettings, parseConfig('{ "requiredModifiers": [{ "pattern": "J7507", "modifiers": ["JZ"] }] }').settings);
  const service = createService({ codeset, guidance: shippedGuidance(), today: () => '2025-11-05', settings });
  const single = TextDocument.create('file:///w/one.837', 'x12', 1, claim837([sv1('J7507', ['JZ'])]));
  const removals = service.findings(single).flatMap((f) => f.fixes).filter((x) => /Remove JZ/.test(x.title));
  assert.deepEqual(removals, [], 'no fix removes the required JZ');
  const twice = TextDocument.create('file:///w/two.837', 'x12', 1, claim837([sv1('J7507', ['JZ', 'JZ'])]));
  const dupFixes = service.findings(twice).filter((f) => f.ruleId === 'duplicate-modifier').flatMap((f) => f.fixes);
  assert.ok(dupFixes.length > 0, 'the duplicate JZ can still be removed');
});
