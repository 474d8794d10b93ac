// Requests never wait behind validation (issue #15): over stdio, a hover, a completion and a code
// action on a small document answer while a big one validates, and an edit during a validation means
// the old version's diagnostics are never published. Orders of events, not timings: the big
// document takes hundreds of slices to validate, each followed by a turn for pending requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, type LspSession } from '../support/lsp-session';
import { generate837p } from '../../bench/generate/index';
import { X12_SLICE_CHARS } from '../../server/src/validation';

let session: LspSession;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

const small = generate837p({ seed: 21, targetBytes: 20_000 });
const big = generate837p({ seed: 22, targetBytes: 2_500_000 });

test('the big document is many slices long', () => {
  assert.ok(big.text.length / X12_SLICE_CHARS > 100);
});

test('a hover, a completion and a code action on a small document answer before a big one is validated', async () => {
  const uri = session.open('responsive-small.837', 'x12', small.text);
  await session.diagnostics(uri);
  const doc = TextDocument.create(uri, 'x12', 1, small.text);
  const code = doc.positionAt(small.codeOffsets[0]! + 1);
  const bigUri = session.open('responsive-big.837', 'x12', big.text);
  let bigPublished = false;
  const bigDiagnostics = session.diagnostics(bigUri).then((d) => {
    bigPublished = true;
    return d;
  });
  // sent at once behind the big didOpen: each is answered between two slices of its validation
  const [hover, completion, actions] = await Promise.all([
    session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: code }),
    session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: code }),
    session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: code, end: code }, context: { diagnostics: [] } }),
  ]);
  assert.equal(bigPublished, false, 'the requests were answered before the big document was published');
  assert.ok(hover, 'hover answered');
  assert.ok(Array.isArray(completion.items));
  assert.ok(Array.isArray(actions));
  assert.ok((await bigDiagnostics).length > 0, 'then the big document is published');
  session.close(bigUri);
});

test('an edit during a validation: the old version is never published, the new one is', async () => {
  const uri = session.open('responsive-edited.837', 'x12', big.text);
  // a request on the document: the server has taken in the open (and started validating it)
  await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  session.change(uri, small.text);
  const diagnostics = await session.diagnostics(uri, 2);
  assert.ok(diagnostics.length > 0);
  // one more round trip: anything the old run had queued would have arrived by now
  await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.deepEqual(session.publishedVersions(uri), [2]);
  session.close(uri);
});
