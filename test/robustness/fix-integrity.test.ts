// Quick fixes never lose data: every fix of every finding on every real sample and on
// test/fixtures/claims is applied the way the editor applies it (the code action's WorkspaceEdit),
// and then: the text outside the edit ranges is identical, each newText is what landed, the edits
// stay inside the line the finding is about, re-reading the result changes only that line and only
// the field the fix names, and the finding the fix was for is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { createService, type HcpcsService } from '../../server/src/service';
import type { CodeSet } from '../../server/src/codeset/types';
import type { Finding, Fix, TextEdit } from '../../server/src/checks/types';
import type { ServiceLine } from '../../server/src/model';
import { coreSet, fullSet, shippedGuidance } from '../unit/features/support';
import { fixture, samplesDir } from '../support/paths';

const TODAY = '2025-11-05';

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.edi': 'x12', '.837': 'x12', '.835': 'x12', '.x12': 'x12',
  '.csv': 'csv', '.psv': 'csv', '.tsv': 'csv', '.json': 'json', '.md': 'markdown', '.txt': 'plaintext',
};

function files(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return files(p);
      return LANGUAGE_BY_EXT[extname(name).toLowerCase()] ? [p] : [];
    });
}

/** what a re-read line holds, field by field (the things a fix may or may not touch) */
function snapshot(line: ServiceLine): Record<string, string> {
  const v = (s: { value: unknown } | undefined) => (s === undefined ? '' : JSON.stringify(s.value));
  return {
    code: v(line.code),
    modifiers: JSON.stringify(line.modifiers.map((m) => m.value.trim().toUpperCase()).filter(Boolean)),
    units: v(line.units),
    ndc: v(line.ndc),
    qualifier: v(line.qualifier),
    unitBasis: v(line.unitBasis),
    charge: v(line.charge),
    ndcQuantity: v(line.ndcQuantity),
    ndcUnit: v(line.ndcUnit),
    serviceDate: v(line.serviceDate),
    description: v(line.description),
    notes: JSON.stringify(line.notes.map((n) => n.value)),
  };
}

/** the field(s) a fix is allowed to change, and the value it must leave, read from its title */
function intent(fix: Fix, before: Record<string, string>): { fields: string[]; check?: (after: Record<string, string>) => string | undefined } {
  const mods = (s: Record<string, string>) => JSON.parse(s.modifiers) as string[];
  let m: RegExpExecArray | null;
  if ((m = /^Replace (\S+) with (\S+)/.exec(fix.title))) {
    const [, from, to] = m;
    if (mods(before).includes(from!.toUpperCase())) {
      return { fields: ['modifiers'], check: (a) => (mods(a).includes(to!) && !mods(a).includes(from!) ? undefined : `modifiers ${a.modifiers}`) };
    }
    return { fields: ['code'], check: (a) => (JSON.parse(a.code) === to ? undefined : `code ${a.code}`) };
  }
  if ((m = /^Remove (?:the second )?([A-Z0-9]{2})\b/.exec(fix.title))) {
    const mod = m[1]!;
    const count = (s: Record<string, string>) => mods(s).filter((x) => x === mod).length;
    return { fields: ['modifiers'], check: (a) => (count(a) === count(before) - 1 && mods(a).length === mods(before).length - 1 ? undefined : `modifiers ${before.modifiers} -> ${a.modifiers}`) };
  }
  if ((m = /^(?:Round up to|Set units to) (\d+)/.exec(fix.title))) {
    const n = Number(m[1]);
    return { fields: ['units'], check: (a) => (JSON.parse(a.units || 'null') === n ? undefined : `units ${a.units}`) };
  }
  if ((m = /^Write the NDC as (\S+)/.exec(fix.title))) {
    const ndc = m[1]!;
    return { fields: ['ndc'], check: (a) => (JSON.parse(a.ndc || '""') === ndc ? undefined : `ndc ${a.ndc}`) };
  }
  if ((m = /^Add (?:modifier )?([A-Z0-9]{2})\b/.exec(fix.title))) {
    const mod = m[1]!;
    return { fields: ['modifiers'], check: (a) => (mods(a).includes(mod) && mods(a).length === mods(before).length + 1 ? undefined : `modifiers ${before.modifiers} -> ${a.modifiers}`) };
  }
  return { fields: Object.keys(before) }; // unknown kind of fix: only the generic checks apply
}

function lines(service: HcpcsService, doc: TextDocument): ServiceLine[] {
  return service.model(doc).claims.flatMap((c) => c.lines);
}

/** apply offset edits; fails on edits outside the text or overlapping each other */
function applyOffsets(text: string, edits: TextEdit[], label: string): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    assert.ok(e.range.start >= at && e.range.start <= e.range.end && e.range.end <= text.length, `${label}: edit ${JSON.stringify(e.range)} outside the text or overlapping`);
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/** the helper every (file, finding, fix) row goes through */
function checkFix(service: HcpcsService, doc: TextDocument, finding: Finding, fix: Fix, label: string): void {
  const text = doc.getText();
  const beforeLines = lines(service, doc);
  const index = beforeLines.findIndex((l) => l.range.start <= finding.range.start && finding.range.end <= l.range.end);

  // 1. the editor's path: the code action with this title, its WorkspaceEdit applied by TextDocument
  const lspRange = { start: doc.positionAt(finding.range.start), end: doc.positionAt(finding.range.end) };
  const actions = service.codeActions(doc, lspRange) as CodeAction[];
  const action = actions.find((a) => a.title === fix.title && a.diagnostics?.some((d) => d.code === finding.ruleId));
  assert.ok(action?.edit?.changes, `${label}: a code action "${fix.title}" with an edit`);
  const lspEdits = action.edit.changes[doc.uri] as LspTextEdit[];
  const applied = TextDocument.applyEdits(doc, lspEdits);

  // 2. the text outside the edit ranges is identical and each newText is what landed
  const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  let from = 0;
  let cursor = 0;
  for (const e of sorted) {
    const kept = text.slice(from, e.range.start);
    assert.equal(applied.slice(cursor, cursor + kept.length), kept, `${label}: text before ${e.range.start} changed`);
    cursor += kept.length;
    assert.equal(applied.slice(cursor, cursor + e.newText.length), e.newText, `${label}: newText ${JSON.stringify(e.newText)} did not land`);
    cursor += e.newText.length;
    from = e.range.end;
  }
  assert.equal(applied.slice(cursor), text.slice(from), `${label}: text after the last edit changed`);
  assert.equal(applied, applyOffsets(text, fix.edits, label), `${label}: the code action and the finding's fix disagree`);

  // 3. the edits stay inside the service line the finding is about
  if (index >= 0) {
    const line = beforeLines[index]!;
    for (const e of fix.edits) {
      assert.ok(e.range.start >= line.range.start && e.range.end <= line.range.end, `${label}: edit ${JSON.stringify(e.range)} outside its line ${JSON.stringify(line.range)}`);
    }
  }

  // 4. re-read: same lines; only the fixed line changed, only in the field the fix names; the finding is gone
  const after = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, applied);
  const afterLines = lines(service, after);
  assert.equal(afterLines.length, beforeLines.length, `${label}: the number of service lines changed`);
  for (let i = 0; i < beforeLines.length; i++) {
    const b = snapshot(beforeLines[i]!);
    const a = snapshot(afterLines[i]!);
    if (i !== index) {
      assert.deepEqual(a, b, `${label}: line ${i + 1} changed, but the fix is for line ${index + 1}`);
      continue;
    }
    const { fields, check } = intent(fix, b);
    const changed = Object.keys(b).filter((k) => a[k] !== b[k]);
    assert.ok(changed.length > 0, `${label}: the fix changed nothing on its line`);
    assert.deepEqual(changed.filter((k) => !fields.includes(k)), [], `${label}: fields changed beyond ${fields.join(', ')}`);
    const problem = check?.(a);
    assert.equal(problem, undefined, `${label}: ${problem}`);
    const still = service.findings(after).filter((f) => f.ruleId === finding.ruleId && afterLines[i]!.range.start <= f.range.start && f.range.end <= afterLines[i]!.range.end);
    assert.deepEqual(still.map((f) => f.message), [], `${label}: the finding is still there after its fix`);
  }
}

const codesets: [string, () => CodeSet | undefined][] = [
  ['core', coreSet],
  ['full', fullSet],
];

for (const [name, load] of codesets) {
  test(`every quick fix on the samples and test/fixtures/claims changes only what it says (${name} code set)`, (t) => {
    const codeset = load();
    if (!codeset) return t.skip('no CMS release in ../shared');
    const inputs = [...files(fixture('claims')), ...files(fixture('robustness', 'fixes')), ...files(samplesDir())];
    assert.ok(inputs.length > 0, 'claim files to fix');
    const service = createService({ codeset, guidance: shippedGuidance(), today: () => TODAY });
    const counts = new Map<string, number>();
    let findings = 0;
    for (const file of inputs) {
      const ext = extname(file).toLowerCase();
      const doc = TextDocument.create(`file://${file}`, LANGUAGE_BY_EXT[ext]!, 1, readFileSync(file, 'utf8'));
      for (const finding of service.findings(doc)) {
        findings++;
        for (const fix of finding.fixes) {
          counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
          checkFix(service, doc, finding, fix, `${relative(join(__dirname, '..'), file)} ${finding.ruleId} "${fix.title}"`);
        }
      }
      service.forget(doc.uri);
    }
    const fixes = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`fix integrity (${name}): ${inputs.length} files, ${findings} findings, ${fixes} fixes applied and checked: ${[...counts].map(([id, n]) => `${id} ${n}`).join(', ')}`);
    assert.ok(fixes > 0, 'at least one fix was exercised');
  });
}
