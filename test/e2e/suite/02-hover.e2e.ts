// Hover through VS Code's own provider API: descriptor, billing unit and release of J7507.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi, hoverText, openFixture, positionOf } from './helpers';

describe('hover', () => {
  it('on J7507 shows the long descriptor, "1 unit = 1 mg" and the release', async () => {
    const api = await hcpcsApi();
    const { document } = await openFixture('claim.837');
    const at = positionOf(document, 'HC:J7507', 'HC:J'.length + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = hoverText(hovers);
    assert.ok(text.includes('Tacrolimus, immediate release, oral, 1 mg'), `descriptor missing: ${text}`);
    assert.ok(text.includes('Billing unit:** 1 unit = 1 mg'), `billing unit missing: ${text}`);
    // the card names the release in force on the line's date (the status bar names the newest loaded)
    assert.match(api.statusText(), /HCPCS/);
    assert.match(text, /_Source: HCPCS Level II/, `release missing: ${text}`);
  });
});
