// source.fixAll.hcpcs in VS Code: one action removes every duplicated modifier (a safe fix) and
// nothing else; VS Code's "Fix All" / codeActionsOnSave request exactly this kind.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi, openFixture, ruleId, waitForDiagnostics } from './helpers';

describe('fix all', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('source.fixAll.hcpcs removes both duplicated modifiers and changes nothing else', async () => {
    await hcpcsApi();
    const { document } = await openFixture('one-line.837');
    await waitForDiagnostics(document.uri, (d) => d.filter((x) => ruleId(x) === 'duplicate-modifier').length === 2);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.hcpcs');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.hcpcs');
    assert.ok(fixAll?.edit, `a source.fixAll.hcpcs action; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fixAll.title, 'Fix all safe HCPCS problems (2)');
    const before = document.getText();
    const gone = waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleId(x) === 'duplicate-modifier'));
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    assert.equal(document.getText(), before.replace('HC:J7507:KX:KX*', 'HC:J7507:KX*').replace('HC:J7401:RT:RT*', 'HC:J7401:RT*'));
    await gone;
  });
});
