// A claim at a glance over the real protocol: the capability, one lens per claim with its lines,
// charge, the lines' sum when it differs and the count of problems, and the select-claim command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { startSession } from '../support/lsp-session';
import { x12_837p } from '../support/x12';
import { COMMANDS } from '../../server/src/protocol';

const balanced = ['CLM*A1*245***11:B:1*Y*A*Y*Y', 'DTP*472*D8*20251101', 'HI*ABK:E119', 'LX*1', 'SV1*HC:E0114:RR*100*UN*1***1', 'LX*2', 'SV1*HC:E0114:RR*145*UN*1***1'];
const unbalanced = ['CLM*A2*250***11:B:1*Y*A*Y*Y', 'DTP*472*D8*20251101', 'HI*ABK:E119', 'LX*1', 'SV1*HC:E0114:RR*100*UN*1***1', 'LX*2', 'SV1*HC:E0114:RR*145*UN*1***1'];
const text = x12_837p([...balanced, 'HL*3*1*22*0', 'SBR*P*18*******MB', ...unbalanced]);

test('code lens over the protocol: one per claim, clicking selects the claim', async () => {
  const session = await startSession();
  try {
    await session.waitForRelease();
    assert.deepEqual(session.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
    const uri = session.open('two-claims.837', 'x12', text);
    await session.diagnostics(uri);
    const lenses = await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['2 lines · charge 245.00 · no problems', '2 lines · charge 250.00 · lines add up to 245.00 · 1 problem'],
    );
    const doc = TextDocument.create(uri, 'x12', 1, text);
    for (const [lens, clm] of [[lenses[0]!, 'CLM*A1'], [lenses[1]!, 'CLM*A2']] as const) {
      assert.equal(lens.command?.command, COMMANDS.selectClaim);
      const [argUri, range] = lens.command!.arguments as [string, { start: { line: number; character: number }; end: { line: number; character: number } }];
      assert.equal(argUri, uri);
      const selected = text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
      assert.ok(selected.startsWith(clm), selected);
      assert.ok(selected.endsWith('SV1*HC:E0114:RR*145*UN*1***1'), selected);
      assert.deepEqual(lens.range.start, range.start, 'the lens sits on the claim\'s first line');
    }
    const notes = session.open('note.txt', 'plaintext', 'Billed E0114-RR today.\n');
    assert.deepEqual(await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: notes } }), []);
    assert.deepEqual(await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: 'file:///not-open.837' } }), []);
  } finally {
    await session.stop();
  }
});
