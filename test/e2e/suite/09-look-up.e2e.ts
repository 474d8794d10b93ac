// Look-up in VS Code: the extension's hcpcs/lookup answers by drug name and by code with the status
// on a date, and the "HCPCS: Look up code…" command opens its quick pick.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hcpcsApi } from './helpers';

describe('look-up', () => {
  it('finds the codes of a drug and the status of a code on a date', async () => {
    const api = (await hcpcsApi()) as unknown as { lookup(q: string, d?: string): Promise<{ date: string; items: { code: string; status: string }[] }> };
    const drug = await api.lookup('tacrolimus');
    assert.ok(drug.items.some((i) => i.code === 'J7507'), `tacrolimus: ${JSON.stringify(drug.items.map((i) => i.code))}`);
    const early = await api.lookup('J9035', '01/01/1990');
    assert.equal(early.date, '1990-01-01');
    assert.equal(early.items[0]?.status, 'not-yet-effective');
  });

  it('the command is registered and opens its quick pick', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('hcpcs.lookupCode'));
    void vscode.commands.executeCommand('hcpcs.lookupCode', 'J7500');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
