// hcpcs.loadRelease with a path (no dialog): the server switches code sets and the status bar
// follows. Loads a tiny hand-written release first, then the real CMS file (env HCPCS_RELEASE
// or ../shared), which also leaves the server as the other tests expect it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { releaseFile } from '../../support/paths';
import { hcpcsApi, workspaceUri } from './helpers';

interface LoadResult { ok: boolean; label?: string; error?: string }

/** statusText() once it names `label` (the server's notification may trail the reply) */
async function statusAfter(api: { statusText(): string }, label: string, ms = 10_000): Promise<string> {
  const until = Date.now() + ms;
  while (!api.statusText().endsWith(label) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return api.statusText();
}

describe('load release command', () => {
  it('loads a release file given as an argument and the status bar names it', async function () {
    const real = releaseFile();
    if (!real) this.skip(); // CI has the CMS file; a machine without ../shared cannot run this
    const api = await hcpcsApi();
    const small = workspaceUri('release', 'HCPC2024_JAN_ANWEB.csv').fsPath;

    // the hand-written release has 4 codes: it loads only as confirmed (a whole release is asked for otherwise)
    const first = await vscode.commands.executeCommand<LoadResult>('hcpcs.loadRelease', small, { confirm: true });
    assert.equal(first?.ok, true, `loading ${small}: ${JSON.stringify(first)}`);
    assert.ok(first.label, 'no label in the reply');
    assert.ok((await statusAfter(api, first.label)).endsWith(first.label), `status bar: ${api.statusText()}`);

    const second = await vscode.commands.executeCommand<LoadResult>('hcpcs.loadRelease', real);
    assert.equal(second?.ok, true, `loading ${real}: ${JSON.stringify(second)}`);
    assert.notEqual(second.label, first.label, 'both releases got the same label');
    assert.match(second.label ?? '', /October 2025/);
    assert.ok((await statusAfter(api, second.label!)).endsWith(second.label!), `status bar: ${api.statusText()}`);
  });

  it('reports a file that is not a release instead of switching', async () => {
    const api = await hcpcsApi();
    const before = api.statusText();
    const result = await vscode.commands.executeCommand<LoadResult>('hcpcs.loadRelease', workspaceUri('claim.837').fsPath);
    assert.equal(result?.ok, false, `a claim file was accepted as a release: ${JSON.stringify(result)}`);
    assert.equal(api.statusText(), before);
  });
});
