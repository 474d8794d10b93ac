// Issue #19 cases 3 and 10: findings, models and messages are bounded. At most DOCUMENT.findings
// findings per document and then one summary finding; a document above the size limit is not read
// into a model whatever its format (only X12 was skipped, so a 60 MB note aborted); a .hcpcsrc.json
// open in the editor has a size budget and a problem budget (5 MB gave 446k diagnostics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../server/src/service';
import { capFindings } from '../../server/src/checks/index';
import { defaultSettings } from '../../server/src/settings';
import { configFileProblems } from '../../server/src/checks/config-file';
import type { Finding } from '../../server/src/checks/types';
import { DOCUMENT } from '../../server/src/base/limits';
import { coreSet, shippedGuidance } from '../unit/features/support';
import { x12_837p } from '../support/x12';
import { repeatTo } from '../support/fuzz';

const finding = (i: number): Finding => ({ ruleId: 'r', severity: 'warning', message: `f${i}`, range: { start: i, end: i + 1 }, related: [], fixes: [] });

const capRows: { name: string; count: number; cap: number; total?: number; kept: number; summary?: RegExp }[] = [
  { name: 'none', count: 0, cap: 10, kept: 0 },
  { name: 'a pass kept the first 10 of 25', count: 10, cap: 10, total: 25, kept: 11, summary: /^15 more findings are not shown/ },
  { name: 'twin: a pass kept all 10 of 10', count: 10, cap: 10, total: 10, kept: 10 },
  { name: 'under the cap', count: 9, cap: 10, kept: 9 },
  { name: 'exactly the cap', count: 10, cap: 10, kept: 10 },
  { name: 'one over', count: 11, cap: 10, kept: 11, summary: /^1 more findings are not shown: at most 10 are reported per document/ },
  { name: '200,000 over the real cap', count: DOCUMENT.findings + 200_000, cap: DOCUMENT.findings, kept: DOCUMENT.findings + 1, summary: /^200000 more findings/ },
];

for (const row of capRows) {
  test(`capFindings: ${row.name}`, () => {
    const all = Array.from({ length: row.count }, (_, i) => finding(i));
    const out = capFindings(all, row.cap, row.total);
    assert.equal(out.length, row.kept);
    const last = out.at(-1);
    if (row.summary) {
      assert.equal(last?.ruleId, 'too-many-findings');
      assert.match(last!.message, row.summary);
      assert.equal(last!.range.start, row.cap, 'the summary sits after the last finding shown');
    } else assert.notEqual(last?.ruleId, 'too-many-findings');
  });
}

const service = (maxValidationBytes = defaultSettings.maxValidationBytes) =>
  createService({ codeset: coreSet(), guidance: shippedGuidance(), today: () => '2025-11-05', settings: { ...defaultSettings, maxValidationBytes } });

const lineX12 = (n: number) => [`LX*${n}`, 'SV1*HC:J7507:XX:YY*125*UN*0***1', 'DTP*472*D8*20251105'];
const manyX12 = (lines: number) => x12_837p(['CLM*PT1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940', ...Array.from({ length: lines }, (_, i) => lineX12(i + 1)).flat()]);

const docRows: { name: string; languageId: string; text: () => string; max?: number; summary: boolean }[] = [
  { name: '837 with 3,000 bad lines', languageId: 'x12', text: () => manyX12(3000), summary: true },
  { name: '837 with 10 bad lines (twin under the cap)', languageId: 'x12', text: () => manyX12(10), summary: false },
  { name: 'notes full of codes with bad modifiers', languageId: 'markdown', text: () => repeatTo('Billed J7507-XX-YY x 0 units on 2025-11-05.\n', 1 << 20), summary: true },
];

for (const row of docRows) {
  test(`findings per document: ${row.name}`, () => {
    const s = service(row.max);
    const doc = TextDocument.create(`file:///w/many.${row.languageId}`, row.languageId, 1, row.text());
    const found = s.findings(doc);
    assert.ok(found.length <= DOCUMENT.findings + 1, `${found.length} findings`);
    assert.equal(found.at(-1)?.ruleId === 'too-many-findings', row.summary, `summary finding: ${found.at(-1)?.message}`);
    const diagnostics = s.diagnostics(doc);
    assert.equal(diagnostics.length, found.length);
    // the notification must be buildable and bounded: ~1 kB per diagnostic at most
    assert.ok(JSON.stringify(diagnostics).length < (DOCUMENT.findings + 1) * 1024);
  });
}

const oversized: { name: string; languageId: string; text: string }[] = [
  { name: 'prose note', languageId: 'markdown', text: repeatTo('Tacrolimus 5 mg, billed J7507-KX x 5 units on 2025-11-05.\n', 300_000) },
  { name: 'CSV table', languageId: 'csv', text: 'hcpcs,units\n' + repeatTo('J7507,5\n', 300_000) },
  { name: 'FHIR Claim', languageId: 'json', text: '{"resourceType":"Claim","item":[' + repeatTo('{"productOrService":{"coding":[{"code":"J7507"}]}},', 300_000) + '{}]}' },
  { name: '837', languageId: 'x12', text: manyX12(5000) },
];

for (const row of oversized) {
  test(`above the size limit a ${row.name} is not read into a model; hover still answers`, () => {
    const s = service(200_000);
    const doc = TextDocument.create(`file:///w/big.${row.languageId}`, row.languageId, 1, row.text);
    assert.ok(row.text.length > 200_000);
    assert.deepEqual(s.findings(doc).map((f) => f.ruleId), ['file-too-large']);
    const model = s.model(doc);
    assert.equal(model.claims.length + model.mentions.length, 0, 'no model was built');
    assert.doesNotThrow(() => s.hover(doc, { line: 0, character: 3 }));
  });
}

test('twin: under the size limit the same prose note is read and checked', () => {
  const s = service(400_000);
  const text = repeatTo('Tacrolimus 5 mg, billed J7507-KX x 5 units on 2025-11-05.\n', 300_000);
  const doc = TextDocument.create('file:///w/under.md', 'markdown', 1, text);
  assert.ok(s.model(doc).mentions.length + s.model(doc).claims.length > 0);
  assert.ok(!s.findings(doc).some((f) => f.ruleId === 'file-too-large'));
});

const configRows: { name: string; text: () => string; count: (n: number) => boolean; first?: RegExp }[] = [
  { name: '5 MB of entries', text: () => `{ "allowedCodes": [${repeatTo('"bad pattern!!", ', 5 << 20)}"E0431"] }`, count: (n) => n === 1, first: /is 5 MB, larger than the 256 kB limit for a config file; it is not read and the defaults apply/ },
  { name: '50 MB of entries', text: () => `{ "rules": {${repeatTo('"x": 1, ', 50 << 20)}"y": 2} }`, count: (n) => n === 1, first: /larger than the 256 kB limit/ },
  { name: '200 kB of bad patterns (under the size limit)', text: () => `{ "allowedCodes": [${repeatTo('"bad!", ', 200 * 1024)}"E0431"] }`, count: (n) => n === DOCUMENT.configProblems + 1 },
  { name: 'twin: a valid config', text: () => '{ "rules": { "missing-kx": "off" } }', count: (n) => n === 0 },
  { name: 'twin: three bad patterns', text: () => '{ "allowedCodes": ["bad!", "worse!", "E04"] }', count: (n) => n === 3 },
];

for (const row of configRows) {
  test(`.hcpcsrc.json in the editor: ${row.name}`, () => {
    const problems = configFileProblems(row.text());
    assert.ok(row.count(problems.length), `${problems.length} problems`);
    if (row.first) assert.match(problems[0]!.message, row.first);
    if (problems.length > DOCUMENT.configProblems) assert.match(problems.at(-1)!.message, /more problems are not shown/);
  });
}
