// The editor features over the real protocol: capabilities, formatting (and its refusal message),
// the custom look-up/card/guidance/format requests with good and bad params, source.fixAll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { startSession } from '../support/lsp-session';
import { x12_837p } from '../support/x12';
import { CODE_CARD_REQUEST, FORMAT_X12_REQUEST, GUIDANCE_REQUEST, LOOKUP_REQUEST, type FormatX12Result, type LookupResult } from '../../server/src/protocol';

const body = ['CLM*A1*100***11:B:1*Y*A*Y*Y', 'LX*1', 'SV1*HC:E0114:RR:RR*100*UN*1***1', 'DTP*472*D8*20251101', 'LX*2', 'SV1*HC:E0114:NU:NU*100*UN*1***1', 'DTP*472*D8*20251101'];
const oneLine = x12_837p(body, { newline: '' });
const OPTIONS = { tabSize: 2, insertSpaces: true };

test('editor requests over the protocol', async () => {
  const session = await startSession();
  const messages: string[] = [];
  session.connection.onNotification('window/showMessage', (m: { message: string }) => void messages.push(m.message));
  try {
    await session.waitForRelease();
    const caps = session.initializeResult.capabilities;
    assert.ok(caps.documentFormattingProvider && caps.documentRangeFormattingProvider && caps.foldingRangeProvider && caps.selectionRangeProvider && caps.semanticTokensProvider);
    const kinds = (caps.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds ?? [];
    assert.ok(kinds.includes('source.fixAll.hcpcs'), JSON.stringify(kinds));

    const uri = session.open('one-line.837', 'x12', oneLine);
    const doc = TextDocument.create(uri, 'x12', 1, oneLine);
    const edits = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
    const formatted = TextDocument.applyEdits(doc, edits);
    assert.equal(formatted.replace(/\n/g, ''), oneLine);
    assert.equal(formatted.split('\n').length, oneLine.split('~').length - 1);

    const joined = await session.request<FormatX12Result>(FORMAT_X12_REQUEST, { textDocument: { uri }, layout: 'join' });
    assert.deepEqual(joined.edits, [], 'already on one line');
    const missing = await session.request<FormatX12Result>(FORMAT_X12_REQUEST, { textDocument: { uri: 'file:///nowhere.837' } });
    assert.match(missing.message ?? '', /not open/);

    const damaged = session.open('damaged.837', 'x12', 'ISA*00*short~GS*HC*X~ST*837*1~');
    assert.deepEqual(await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: damaged }, options: OPTIONS }), []);
    assert.ok(messages.some((m) => /ISA segment at offset 0 is damaged/.test(m)), JSON.stringify(messages));

    const csv = session.open('lines.csv', 'csv', 'code,units\nJ7507,1\n');
    assert.deepEqual(await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: csv }, options: OPTIONS }), []);

    const found = await session.request<LookupResult>(LOOKUP_REQUEST, { query: 'tacrolimus', date: '2025-11-05' });
    assert.ok(found.items.some((i) => i.code === 'J7507'));
    assert.equal(found.date, '2025-11-05');
    for (const bad of [null, {}, { query: 7 }, { query: 'x'.repeat(5000) }]) {
      const r = await session.request<LookupResult>(LOOKUP_REQUEST, bad);
      assert.ok(r.items.length === 0 && r.message, JSON.stringify(r));
    }
    const card = await session.request<{ markdown: string }>(CODE_CARD_REQUEST, { code: 'J7507', date: '2025-11-05' });
    assert.match(card.markdown, /\*\*J7507\*\*/);
    assert.equal((await session.request<{ markdown: string }>(CODE_CARD_REQUEST, { code: {} })).markdown, '');
    assert.match((await session.request<{ markdown: string }>(GUIDANCE_REQUEST, { code: 'J7507' })).markdown, /Clinical context/);
    assert.equal((await session.request<{ markdown: string }>(GUIDANCE_REQUEST, { code: 'x'.repeat(99) })).markdown, '');

    await session.diagnostics(uri);
    const end = doc.positionAt(oneLine.length);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.hcpcs']);
    assert.equal(actions[0]!.title, 'Fix all safe HCPCS problems (2)');
  } finally {
    await session.stop();
  }
});
