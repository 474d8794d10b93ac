// X12 formatting in VS Code: Format Document lays a one-line claim out one segment per line and
// changes nothing but the line breaks; "HCPCS: Join X12 segments to one line" puts it back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi, openFixture } from './helpers';

describe('formatting', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Format Document gives one segment per line, bytes otherwise unchanged; Join puts it back on one line', async () => {
    await hcpcsApi();
    const editor = await openFixture('one-line.837');
    const { document } = editor;
    const before = document.getText();
    assert.equal(document.lineCount, 2, 'the fixture is one line (and a final line break)');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits?.length, 'the formatter returned edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const segments = before.split('~').length - 1;
    assert.equal(document.lineCount, segments + 1, `one segment per line: ${document.lineCount} lines for ${segments} segments`);
    assert.equal(document.getText().replace(/~\n(?=.)/g, '~'), before, 'only line breaks were added');
    assert.ok(document.lineAt(1).text.startsWith('GS*HC*'), `line 2: ${document.lineAt(1).text}`);

    await vscode.commands.executeCommand('hcpcs.joinSegments');
    assert.equal(document.getText(), before, 'joined back to the original bytes');
  });
});
