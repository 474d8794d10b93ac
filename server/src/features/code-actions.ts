// Quick fixes from the findings under the cursor, plus two commands about the code there.
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { Range } from '../model';
import type { Finding } from '../checks/types';
import type { FeatureContext } from './context';
import { toDiagnostic, toLspRange } from './diagnostics';
import { locate } from './locate';
import { COMMANDS } from '../protocol';
import { FIX_ALL_KIND, fixAllAction, fixRuleActions, wanted } from './fix-all';
import { appendAll } from '../base/arrays';

export const SHOW_DRUG_CODES_COMMAND = COMMANDS.showDrugCodes;
export const COPY_DESCRIPTOR_COMMAND = COMMANDS.copyDescriptor;

function intersects(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** `only`: the kinds the client asked for (absent: all; VS Code keeps source actions out of the light bulb) */
export function codeActions(ctx: FeatureContext, range: Range, only?: readonly string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of ctx.findings) {
    if (!intersects(finding.range, range)) continue;
    appendAll(actions, fixActions(ctx, finding));
  }
  appendAll(actions, fixRuleActions(ctx, range));
  appendAll(actions, codeCommands(ctx, range));
  if (wanted(FIX_ALL_KIND, only)) {
    const all = fixAllAction(ctx);
    if (all) actions.push(all);
  }
  return only ? actions.filter((a) => wanted(a.kind ?? CodeActionKind.Empty, only)) : actions;
}

/** one quickfix per Fix: exactly its edits, with the diagnostic it fixes attached */
function fixActions(ctx: FeatureContext, finding: Finding): CodeAction[] {
  const diagnostic = toDiagnostic(ctx.textDocument, finding, ctx.docsBaseUri);
  return finding.fixes.map((fix) => {
    const edits: LspTextEdit[] = fix.edits.map((e) => ({ range: toLspRange(ctx.textDocument, e.range), newText: e.newText }));
    const action: CodeAction = {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [ctx.textDocument.uri]: edits } },
    };
    if (fix.preferred) action.isPreferred = true;
    return action;
  });
}

/** commands about the HCPCS code at the start of the range (a line's code or a bare mention) */
function codeCommands(ctx: FeatureContext, range: Range): CodeAction[] {
  const at = locate(ctx.model, range.start);
  const written = at.kind === 'code' || at.kind === 'mention' ? at.span?.value : at.line?.code.value ?? at.mention?.code.value;
  if (!written) return [];
  const code = written.trim().toUpperCase();
  const lookup = ctx.codeset.lookup(code);
  if (!lookup) return [];
  const actions: CodeAction[] = [];
  const drug = ctx.codeset.drug(code);
  if (drug && drug.drugs.length > 0) {
    actions.push({
      title: `Show all codes for ${drug.drugs.join(', ')}`,
      command: { title: 'Show all codes for this drug', command: SHOW_DRUG_CODES_COMMAND, arguments: [code] },
    });
  }
  if (lookup.record.long) {
    actions.push({
      title: `Copy long descriptor of ${code}`,
      command: { title: 'Copy long descriptor', command: COPY_DESCRIPTOR_COMMAND, arguments: [lookup.record.long] },
    });
  }
  return actions;
}
