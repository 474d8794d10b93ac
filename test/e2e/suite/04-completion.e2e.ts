// Completion through VS Code's provider API: a drug name typed after HC: offers its code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi, openFixture, positionOf } from './helpers';

describe('completion', () => {
  it('after HC: for "tacro" offers J7507', async () => {
    await hcpcsApi();
    const { document } = await openFixture('completion.837');
    const at = positionOf(document, 'HC:tacro', 'HC:tacro'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    const j7507 = list.items.find((i) => {
      const label = typeof i.label === 'string' ? i.label : i.label.label;
      const insert = typeof i.insertText === 'string' ? i.insertText : i.insertText?.value;
      return label.includes('J7507') || insert === 'J7507';
    });
    assert.ok(j7507, `J7507 not offered; got ${labels.slice(0, 20).join(', ')}`);
  });
});
