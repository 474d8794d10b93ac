// The JZ quick fix: VS Code's code-action API offers it, workspace.applyEdit applies it, the
// line gains JZ and the diagnostic goes away. The edited document is reverted afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi, lineOf, openFixture, ruleId, waitForDiagnostics } from './helpers';

describe('quick fix', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Add JZ" edits the J9035 line and the missing-jw-jz diagnostic goes away', async () => {
    await hcpcsApi();
    const { document } = await openFixture('claim.837');
    const line = lineOf(document, 'HC:J9035');
    const isJz = (d: vscode.Diagnostic): boolean => ruleId(d) === 'missing-jw-jz' && d.range.start.line === line;
    const diags = await waitForDiagnostics(document.uri, (d) => d.some(isJz));
    const diag = diags.find(isJz)!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith('Add JZ'));
    assert.ok(fix?.edit, `no "Add JZ" fix with an edit; got ${JSON.stringify(titles)}`);

    const before = document.getText();
    const gone = waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleId(x) === 'missing-jw-jz'));
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the fix');
    assert.match(document.lineAt(line).text, /^SV1\*HC:J9035:JZ\*/, `line after the fix: ${document.lineAt(line).text}`);
    // exactly the modifier was added, nothing else in the file changed
    assert.equal(document.getText(), before.replace('SV1*HC:J9035*', 'SV1*HC:J9035:JZ*'));
    await gone;
  });
});
