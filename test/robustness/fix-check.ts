// The quick-fix checker shared by the fix-integrity tests: apply one fix the way the editor does
// (the code action's WorkspaceEdit) and check that nothing else changed.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { HcpcsService } from '../../server/src/service';
import type { Finding, Fix, TextEdit } from '../../server/src/checks/types';
import type { ServiceLine } from '../../server/src/model';

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
  const count = (s: Record<string, string>, mod: string) => mods(s).filter((x) => x === mod).length;
  const capped = overfull(before);
  if ((m = /^Replace (\S+) with (\S+)/.exec(fix.title))) {
    const [, from, to] = m;
    if (mods(before).includes(from!.toUpperCase())) {
      const ok = (a: Record<string, string>) => capped || (count(a, from!) === count(before, from!) - 1 && count(a, to!) === count(before, to!) + 1);
      return { fields: ['modifiers'], check: (a) => (ok(a) ? undefined : `modifiers ${before.modifiers} -> ${a.modifiers}`) };
    }
    return { fields: ['code'], check: (a) => (JSON.parse(a.code) === to ? undefined : `code ${a.code}`) };
  }
  if ((m = /^Remove (?:the second )?([A-Z0-9]{2})\b/.exec(fix.title))) {
    const mod = m[1]!;
    const ok = (a: Record<string, string>) => capped || (count(a, mod) === count(before, mod) - 1 && mods(a).length === mods(before).length - 1);
    return { fields: ['modifiers'], check: (a) => (ok(a) ? undefined : `modifiers ${before.modifiers} -> ${a.modifiers}`) };
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
    const ok = (a: Record<string, string>) => count(a, mod) === count(before, mod) + 1 && mods(a).length === mods(before).length + 1;
    return { fields: ['modifiers'], check: (a) => (ok(a) ? undefined : `modifiers ${before.modifiers} -> ${a.modifiers}`) };
  }
  return { fields: Object.keys(before) }; // unknown kind of fix: only the generic checks apply
}

/**
 * Readers keep at most four modifiers; on a line written with more, an edit that removes one brings
 * the fifth into view (and prose then reads units it skipped), so exact expectations do not hold.
 */
function overfull(line: Record<string, string>): boolean {
  return (JSON.parse(line.modifiers) as string[]).length >= 4;
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
export function checkFix(service: HcpcsService, doc: TextDocument, finding: Finding, fix: Fix, label: string): void {
  const text = doc.getText();
  const beforeLines = lines(service, doc);
  const index = beforeLines.findIndex((l) => l.range.start <= finding.range.start && finding.range.end <= l.range.end);
  // a claim-level finding (CLM02 against the lines): the claim it is in, looked up before the edit
  const claimIndex = index < 0 ? service.model(doc).claims.findIndex((c) => c.range.start <= finding.range.start && finding.range.end <= c.range.end) : -1;

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
    const loose = overfull(b);
    const changed = Object.keys(b).filter((k) => a[k] !== b[k]);
    assert.ok(changed.length > 0 || loose, `${label}: the fix changed nothing on its line`);
    const allowed = loose ? [...fields, 'modifiers', 'units'] : fields;
    const beyond = changed.filter((k) => !allowed.includes(k));
    assert.deepEqual(beyond, [], `${label}: fields changed beyond ${fields.join(', ')}: ${beyond.map((k) => `${k} ${b[k]} -> ${a[k]}`).join('; ')}`);
    const problem = check?.(a);
    assert.equal(problem, undefined, `${label}: ${problem}`);
    // the fix resolves what it was for: this rule reports fewer findings on the line (a line can
    // carry several, e.g. JG twice, and each fix removes one)
    const onLine = (fs: Finding[], l: ServiceLine) => fs.filter((f) => f.ruleId === finding.ruleId && l.range.start <= f.range.start && f.range.end <= l.range.end);
    const before = onLine(service.findings(doc), beforeLines[i]!).length;
    const still = onLine(service.findings(after), afterLines[i]!);
    assert.ok(still.length < before || loose, `${label}: the finding is still there after its fix (${before} -> ${still.length}: ${still.map((f) => f.message).join(' | ')})`);
  }

  // 5. a claim-level fix sets the claim's total to what its title says, and its finding is gone
  const total = /^Set CLM02 to ([0-9.]+)/.exec(fix.title);
  if (claimIndex >= 0 && total) {
    const claim = service.model(after).claims[claimIndex]!;
    assert.equal(claim.amounts?.charge?.value, total[1], `${label}: CLM02 after the fix`);
    const left = service.findings(after).filter((f) => f.ruleId === finding.ruleId && claim.range.start <= f.range.start && f.range.end <= claim.range.end);
    assert.deepEqual(left.map((f) => f.message), [], `${label}: the finding is still there after its fix`);
  } else {
    assert.ok(index >= 0 || !total, `${label}: a CLM02 fix outside any claim`);
  }
  // a finding about no service line (an envelope's trailer): every line is as it was (above), and the
  // rule reports one finding fewer in the document
  if (index < 0 && !total) {
    const count = (fs: Finding[]) => fs.filter((f) => f.ruleId === finding.ruleId).length;
    const before = count(service.findings(doc));
    const still = count(service.findings(after));
    assert.ok(still < before, `${label}: the finding is still there after its fix (${before} -> ${still})`);
  }
}
