// The extension activates on its own for claim files: by extension (.837) and by content (ISA).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi, hoverText, openFixture, positionOf, waitForActivation } from './helpers';

/** the server answers for this document: a hover on its J7507 names the drug */
async function assertServed(doc: vscode.TextDocument): Promise<void> {
  const at = positionOf(doc, 'HC:J7507', 'HC:J'.length + 1);
  const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
  assert.ok(text.includes('Tacrolimus'), `no HCPCS hover in ${doc.uri.path}: ${JSON.stringify(text)}`);
}

describe('activation', () => {
  it('activates on an .837 file and the status bar names the release', async () => {
    // (not asserted: inactive before this point. The workbench creates plaintext models of its
    // own early on, and onLanguage:plaintext is one of the extension's activation events.)
    const editor = await openFixture('claim.837');
    assert.equal(editor.document.languageId, 'x12');
    await waitForActivation(30_000);
    const api = await hcpcsApi();
    // a warning icon in front when the newest release is older than today's quarter
    assert.match(api.statusText(), /^(\$\(warning\) )?HCPCS \S/, `status bar text: ${api.statusText()}`);
  });

  it('treats an .edi file that starts with ISA as X12', async () => {
    const editor = await openFixture('isa-start.edi');
    assert.equal(editor.document.languageId, 'x12');
    await assertServed(editor.document);
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
    await assertServed(reopened);
  });
});
