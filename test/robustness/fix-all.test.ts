// Fixes in bulk lose nothing either: source.fixAll.hcpcs and "Fix all of this rule" are applied the
// way the editor applies them, on every sample, the claim fixtures and a file with 40 missing JZ.
// Every fix they carry goes through the fix-integrity harness (checkFix); then the bulk result is
// checked: only safe (or the asked-for rule's) fixes, one per line, untouched lines byte-identical,
// and the findings they were for are gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { createService, type HcpcsService } from '../../server/src/service';
import type { Finding, Fix } from '../../server/src/checks/types';
import { FIX_ALL_KIND, wanted } from '../../server/src/features/fix-all';
import { fixSafety } from '../../server/src/features/fix-safety';
import { coreSet, fullSet, shippedGuidance } from '../unit/features/support';
import { fixture, samplesDir } from '../support/paths';
import { x12_837p } from '../support/x12';
import { checkFix } from './fix-check';

const TODAY = '2025-11-05';
const LANGUAGE_BY_EXT: Record<string, string> = { '.edi': 'x12', '.837': 'x12', '.835': 'x12', '.csv': 'csv', '.psv': 'csv', '.json': 'json', '.md': 'markdown' };
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function files(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return LANGUAGE_BY_EXT[extname(name).toLowerCase()] ? [p] : [];
  });
}

const key = (e: { range: { start: { line: number; character: number } }; newText: string }) => `${e.range.start.line}:${e.range.start.character}:${e.newText}`;

/** the helper every bulk action goes through; returns how many fixes it applied */
function checkBulk(service: HcpcsService, doc: TextDocument, action: CodeAction, accepts: (f: Finding) => boolean, label: string): number {
  const edits = action.edit?.changes?.[doc.uri] as LspTextEdit[] | undefined;
  assert.ok(edits?.length, `${label}: the action carries edits`);
  const findings = service.findings(doc);
  // which finding's fix each edit comes from
  const picked: { finding: Finding; fix: Fix }[] = [];
  const remaining = new Set(edits.map(key));
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const keys = fix.edits.map((e) => key({ range: { start: doc.positionAt(e.range.start) }, newText: e.newText }));
      if (keys.length && keys.every((k) => remaining.has(k))) {
        keys.forEach((k) => remaining.delete(k));
        picked.push({ finding, fix });
      }
    }
  }
  assert.deepEqual([...remaining], [], `${label}: every edit is one finding's fix`);
  for (const { finding, fix } of picked) {
    assert.ok(accepts(finding), `${label}: ${finding.ruleId} "${fix.title}" may not be applied in bulk`);
    checkFix(service, doc, finding, fix, `${label} ${finding.ruleId} "${fix.title}"`);
  }
  const lines = service.model(doc).claims.flatMap((c) => c.lines);
  const lineOf = (f: Finding) => lines.findIndex((l) => l.range.start <= f.range.start && f.range.end <= l.range.end);
  const touched = picked.map(({ finding }) => lineOf(finding)).filter((i) => i >= 0);
  assert.equal(new Set(touched).size, touched.length, `${label}: one fix per service line`);

  // a fresh URI: checkFix above cached version+1 of this URI with a single fix applied (the cache is keyed by URI and version)
  const after = TextDocument.create(`${doc.uri}.bulk`, doc.languageId, 1, TextDocument.applyEdits(doc, edits));
  const afterLines = service.model(after).claims.flatMap((c) => c.lines);
  assert.equal(afterLines.length, lines.length, `${label}: the number of service lines changed`);
  const text = doc.getText();
  const afterText = after.getText();
  for (let i = 0; i < lines.length; i++) {
    if (touched.includes(i)) continue;
    const slice = (t: string, l: (typeof lines)[number]) => t.slice(l.range.start, l.range.end);
    assert.equal(slice(afterText, afterLines[i]!), slice(text, lines[i]!), `${label}: untouched line ${i + 1} changed`);
  }
  const count = (fs: Finding[]) => fs.filter((f) => picked.some((p) => p.finding.ruleId === f.ruleId)).length;
  assert.ok(count(service.findings(after)) <= count(findings) - picked.length, `${label}: the fixed findings are gone`);
  service.forget(after.uri);
  return picked.length;
}

function fixAllOf(service: HcpcsService, doc: TextDocument): CodeAction | undefined {
  return service.codeActions(doc, WHOLE, [FIX_ALL_KIND]).find((a) => a.kind === FIX_ALL_KIND);
}

for (const [name, load] of [['core', coreSet], ['full', fullSet]] as const) {
  test(`fix all (${name} code set): every sample and claim fixture, source.fixAll and each rule's "fix all"`, () => {
    const codeset = load();
    const service = createService({ codeset, guidance: shippedGuidance(), today: () => TODAY });
    const inputs = [...files(fixture('claims')), ...files(fixture('robustness', 'fixes')), ...files(samplesDir())];
    let applied = 0;
    for (const file of inputs) {
      const doc = TextDocument.create(`file://${file}`, LANGUAGE_BY_EXT[extname(file).toLowerCase()]!, 1, readFileSync(file, 'utf8'));
      const all = fixAllOf(service, doc);
      if (all) applied += checkBulk(service, doc, all, (f) => fixSafety(f.ruleId) === 'safe', `${file} fixAll`);
      for (const finding of service.findings(doc)) {
        const lsp = { start: doc.positionAt(finding.range.start), end: doc.positionAt(finding.range.end) };
        for (const action of service.codeActions(doc, lsp).filter((a) => a.title.startsWith('Fix all ') && a.title.includes(` ${finding.ruleId} `))) {
          applied += checkBulk(service, doc, action, (f) => f.ruleId === finding.ruleId && fixSafety(f.ruleId) !== 'judgement', `${file} ${action.title}`);
        }
      }
      service.forget(doc.uri);
    }
    console.log(`fix all (${name}): ${inputs.length} files, ${applied} bulk fixes checked`);
  });
}

const jz = Array.from({ length: 40 }, (_, i) => [`LX*${i + 1}`, 'SV1*HC:J9035*100*UN*10***1', 'DTP*472*D8*20251101']).flat();
const claim40 = x12_837p(['CLM*A1*4000***11:B:1*Y*A*Y*Y', ...jz]);
const dupes = x12_837p(['CLM*A1*100***11:B:1*Y*A*Y*Y', 'LX*1', 'SV1*HC:E0114:RR:RR*100*UN*1***1', 'DTP*472*D8*20251101', 'LX*2', 'SV1*HC:E0114:NU:NU*100*UN*1***1', 'DTP*472*D8*20251101']);

const rows: { name: string; text: string; expect: (service: HcpcsService, doc: TextDocument) => void }[] = [
  {
    name: '40 missing JZ: one "Fix all" adds all 40; source.fixAll adds none (JZ states nothing was discarded)',
    text: claim40,
    expect: (service, doc) => {
      const finding = service.findings(doc).find((f) => f.ruleId === 'missing-jw-jz');
      assert.ok(finding, 'a missing JZ finding');
      const lsp = { start: doc.positionAt(finding.range.start), end: doc.positionAt(finding.range.end) };
      const action = service.codeActions(doc, lsp).find((a) => a.title === 'Fix all 40 missing-jw-jz problems in this file');
      assert.ok(action, 'the rule action');
      assert.equal(checkBulk(service, doc, action, (f) => f.ruleId === 'missing-jw-jz', 'jz40'), 40);
      assert.equal(fixAllOf(service, doc), undefined);
    },
  },
  {
    name: 'duplicate modifiers on two lines: source.fixAll removes both',
    text: dupes,
    expect: (service, doc) => {
      const all = fixAllOf(service, doc);
      assert.ok(all, 'a fix-all action');
      assert.equal(all.title, 'Fix all safe HCPCS problems (2)');
      assert.equal(checkBulk(service, doc, all, (f) => fixSafety(f.ruleId) === 'safe', 'dupes'), 2);
    },
  },
  {
    name: 'a clean claim: no fix-all action',
    text: x12_837p(['CLM*A1*100***11:B:1*Y*A*Y*Y', 'LX*1', 'SV1*HC:E0114:RR*100*UN*1***1', 'DTP*472*D8*20251101']),
    expect: (service, doc) => assert.equal(fixAllOf(service, doc), undefined),
  },
  {
    name: 'only one duplicate: no "Fix all of this rule" (the quick fix is enough)',
    text: x12_837p(['CLM*A1*100***11:B:1*Y*A*Y*Y', 'LX*1', 'SV1*HC:E0114:RR:RR*100*UN*1***1', 'DTP*472*D8*20251101']),
    expect: (service, doc) => {
      const all = service.codeActions(doc, { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) });
      assert.ok(!all.some((a) => a.title.startsWith('Fix all ') && a.title.includes('duplicate-modifier')));
    },
  },
  {
    name: 'asked only for quick fixes: no source action',
    text: dupes,
    expect: (service, doc) => {
      const quick = service.codeActions(doc, { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) }, ['quickfix']);
      assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
    },
  },
];

for (const row of rows) {
  test(`fix all: ${row.name}`, () => {
    const codeset = fullSet();
    const service = createService({ codeset, guidance: shippedGuidance(), today: () => TODAY });
    row.expect(service, TextDocument.create('file:///w/claim.837', 'x12', 1, row.text));
  });
}

const kinds: [string, string[] | undefined, boolean][] = [
  ['no filter', undefined, true],
  ['source', ['source'], true],
  ['source.fixAll', ['source.fixAll'], true],
  ['exact', ['source.fixAll.hcpcs'], true],
  ['quickfix only', ['quickfix'], false],
  ['another linter', ['source.fixAll.eslint'], false],
  ['organize imports', ['source.organizeImports'], false],
];
for (const [name, only, expected] of kinds) {
  test(`fix all: kind filter ${name}`, () => assert.equal(wanted(FIX_ALL_KIND, only), expected));
}

const safety: [string, string][] = [
  ['duplicate-modifier', 'safe'],
  ['invalid-ndc', 'safe'],
  ['missing-jw-jz', 'per-rule'],
  ['missing-kx', 'judgement'],
  ['units-vs-dose', 'judgement'],
  ['fractional-units', 'judgement'],
  ['code-not-effective', 'judgement'],
  ['a-rule-added-later', 'judgement'],
];
for (const [rule, expected] of safety) {
  test(`fix all: ${rule} is ${expected}`, () => assert.equal(fixSafety(rule), expected));
}
