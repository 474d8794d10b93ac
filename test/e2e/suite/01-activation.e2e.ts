// The extension activates on its own for claim files: by extension (.837) and by content (ISA).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, waitForActivation, hcpcsApi } from './helpers';

describe('activation', () => {
  it('activates on an .837 file and the status bar names the release', async () => {
    // (not asserted: inactive before this point. The workbench creates plaintext models of its
    // own early on, and onLanguage:plaintext is one of the extension's activation events.)
    const editor = await openFixture('claim.837');
    assert.equal(editor.document.languageId, 'x12');
    await waitForActivation(30_000);
    const api = await hcpcsApi();
    assert.match(api.statusText(), /^HCPCS \S/, `status bar text: ${api.statusText()}`);
  });

  it('treats an .edi file that starts with ISA as X12', async () => {
    const editor = await openFixture('isa-start.edi');
    assert.equal(editor.document.languageId, 'x12');
  });

  it('switches a .txt file that starts with ISA to X12', async () => {
    const editor = await openFixture('isa-content.txt');
    const doc = editor.document;
    if (doc.languageId !== 'x12') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { sub.dispose(); reject(new Error(`language stayed ${doc.languageId}`)); }, 10_000);
        const sub = vscode.workspace.onDidOpenTextDocument((d) => {
          if (d.uri.toString() === doc.uri.toString() && d.languageId === 'x12') { clearTimeout(timer); sub.dispose(); resolve(); }
        });
      });
    }
    const reopened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
    assert.equal(reopened?.languageId, 'x12');
  });
});
