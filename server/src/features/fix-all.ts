// Fixes in bulk: `source.fixAll.hcpcs` applies every fix marked safe (usable on save), and
// "Fix all of this rule in the file" applies one rule's fixes when the coder asks for it.
// Each finding contributes its one preferred fix; at most one fix per service line and per pass,
// so two fixes never rewrite the same line from stale offsets (run again for the rest).
import { appendAll } from '../base/arrays';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { Range } from '../model';
import type { Finding, Fix, TextEdit } from '../checks/types';
import type { FeatureContext } from './context';
import { toLspRange } from './diagnostics';
import { fixSafety } from './fix-safety';
import { lineRangesOf } from '../documents/compact-claims';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hcpcs`;

/** the one fix a finding offers for bulk use: its preferred one, or its only one */
function bulkFix(finding: Finding): Fix | undefined {
  const preferred = finding.fixes.filter((f) => f.preferred);
  if (preferred.length === 1) return preferred[0];
  return finding.fixes.length === 1 ? finding.fixes[0] : undefined;
}

/** edits touching the same characters, or inserting at the same place */
const overlaps = (a: Range, b: Range) => (a.start < b.end && b.start < a.end) || a.start === b.start;

/** the edits of the findings `pick` accepts, one fix per line, none overlapping; sorted */
export function bulkEdits(findings: readonly Finding[], lines: readonly Range[], pick: (f: Finding) => boolean): { edits: TextEdit[]; fixed: number } {
  const usedLines = new Set<number>();
  const edits: TextEdit[] = [];
  let fixed = 0;
  for (const finding of findings) {
    if (!pick(finding)) continue;
    const fix = bulkFix(finding);
    if (!fix || !fix.edits.length) continue;
    const line = lines.findIndex((l) => l.start <= finding.range.start && finding.range.end <= l.end);
    if (line >= 0 && usedLines.has(line)) continue;
    if (fix.edits.some((e) => edits.some((o) => overlaps(e.range, o.range)))) continue;
    if (line >= 0) usedLines.add(line);
    appendAll(edits, fix.edits);
    fixed++;
  }
  edits.sort((a, b) => a.range.start - b.range.start);
  return { edits, fixed };
}

function action(ctx: FeatureContext, title: string, kind: string, edits: TextEdit[]): CodeAction {
  const changes = edits.map((e) => ({ range: toLspRange(ctx.textDocument, e.range), newText: e.newText }));
  return { title, kind, edit: { changes: { [ctx.textDocument.uri]: changes } } };
}

/** each service line's range (a compact claim's from its outline, without reading its lines) */
function serviceLines(ctx: FeatureContext): Range[] {
  return ctx.model.claims.flatMap(lineRangesOf);
}

/** is `kind` asked for by `only` (absent: everything; 'source' covers 'source.fixAll.hcpcs')? */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** source.fixAll.hcpcs: every safe fix in the file */
export function fixAllAction(ctx: FeatureContext): CodeAction | undefined {
  const { edits, fixed } = bulkEdits(ctx.findings, serviceLines(ctx), (f) => fixSafety(f.ruleId) === 'safe');
  if (!fixed) return undefined;
  return action(ctx, `Fix all safe HCPCS problems (${fixed})`, FIX_ALL_KIND, edits);
}

/** "Fix all of this rule in the file", for each bulk-fixable rule with a finding in range and more than one in the file */
export function fixRuleActions(ctx: FeatureContext, range: Range): CodeAction[] {
  const rules = new Set(ctx.findings.filter((f) => f.range.start <= range.end && range.start <= f.range.end && f.fixes.length).map((f) => f.ruleId));
  const actions: CodeAction[] = [];
  for (const ruleId of rules) {
    if (fixSafety(ruleId) === 'judgement') continue;
    const { edits, fixed } = bulkEdits(ctx.findings, serviceLines(ctx), (f) => f.ruleId === ruleId);
    if (fixed < 2) continue;
    actions.push(action(ctx, `Fix all ${fixed} ${ruleId} problems in this file`, CodeActionKind.QuickFix, edits));
  }
  return actions;
}
