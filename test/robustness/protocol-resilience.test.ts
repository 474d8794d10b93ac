// The server over --stdio under a hostile or careless client: malformed params, unknown methods,
// requests for documents never opened, incremental edits beyond the end, cancellation storms and
// broken frames. Each request gets an answer (an error or an empty result) and the server keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { startSession, type LspSession } from '../support/lsp-session';
import fc from 'fast-check';
import { assertPositionsInside, claimDocument, fuzzParams } from '../support/fuzz';
import { x12_837p } from '../support/x12';
import { PROBE_837, answer, assertServing, isEmptyOrError, probePosition, type Answer } from './protocol-helpers';

const fraction01 = fc.double({ min: 0, max: 1, noNaN: true });

let session: LspSession;
let openUri: string;
before(async () => {
  session = await startSession();
  await session.waitForRelease();
  openUri = session.open('resilience.837', 'x12', PROBE_837);
});
after(async () => {
  await session?.stop();
});

const probeDoc = () => TextDocument.create(openUri, 'x12', 1, PROBE_837);

test('malformed params: every request is answered and the server keeps serving', async () => {
  const td = () => ({ uri: openUri });
  const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  const rows: { method: string; params: unknown }[] = [
    ...['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/inlayHint'].flatMap(
      (method) => [
        { method, params: null },
        { method, params: {} },
        { method, params: [] },
        { method, params: 'text' },
        { method, params: { textDocument: null } },
        { method, params: { textDocument: {} } },
        { method, params: { textDocument: { uri: 42 } } },
        { method, params: { textDocument: { uri: { toString: 1 } } } },
        { method, params: { textDocument: td() } },
        { method, params: { textDocument: td(), position: null, range: null } },
        { method, params: { textDocument: td(), position: { line: -1, character: -1 }, range: { start: { line: -5, character: 0 }, end: { line: -1, character: 0 } } } },
        { method, params: { textDocument: td(), position: { line: 'a', character: {} }, range: { start: 'x', end: [] } } },
        { method, params: { textDocument: td(), position: { line: 1e12, character: 1e12 }, range: { start: { line: 1e9, character: 0 }, end: { line: 1e12, character: 1e12 } } } },
        { method, params: { textDocument: td(), position: { line: 1.5, character: NaN }, range: { start: { line: 3, character: 0 }, end: { line: 0, character: 0 } } } },
        { method, params: { textDocument: td(), position: { line: 3, character: 9 }, range, context: null } },
        { method, params: { textDocument: td(), position: { line: 3, character: 9 }, range, context: { diagnostics: 'none', only: 7 } } },
        { method, params: { textDocument: td(), position: { line: 3, character: 9 }, range, context: { diagnostics: [{ range: null, message: 1, code: {} }] } } },
      ],
    ),
    { method: 'completionItem/resolve', params: null },
    { method: 'completionItem/resolve', params: {} },
    { method: 'completionItem/resolve', params: { label: 'J7507', data: { code: 42, uri: null } } },
    { method: 'completionItem/resolve', params: { label: 'ZZZZZ', data: 'not an object' } },
    { method: 'hcpcs/loadRelease', params: null },
    { method: 'hcpcs/loadRelease', params: { path: 42 } },
    { method: 'hcpcs/loadRelease', params: { path: '' } },
    { method: 'hcpcs/drugCodes', params: null },
    { method: 'hcpcs/drugCodes', params: { code: ['J7507'] } },
    { method: 'hcpcs/drugCodes', params: { code: 'J'.repeat(100_000) } },
  ];
  const doc = probeDoc();
  for (const row of rows) {
    const reply = await answer(session, row.method, row.params);
    if (reply.result !== undefined) assertPositionsInside(reply.result, doc, `${row.method} ${JSON.stringify(row.params)}`);
  }
  await assertServing(session, 'after malformed params');
});

test('unknown methods get MethodNotFound; unknown notifications are ignored', async () => {
  for (const method of ['hcpcs/doesNotExist', 'textDocument/teleport', 'workspace/nothing', '', 'x'.repeat(10_000)]) {
    const reply = await answer(session, method, { any: 'thing' });
    assert.equal(reply.error?.code, -32601, `${method.slice(0, 40)}: ${JSON.stringify(reply)}`);
  }
  for (const method of ['hcpcs/unknownNotification', '$/unknown', 'textDocument/didFrobnicate', '$/setTrace', '$/cancelRequest']) {
    await session.connection.sendNotification(method, { id: 'nope', value: null });
    await session.connection.sendNotification(method, null);
  }
  await assertServing(session, 'after unknown methods');
});

test('requests for documents never opened answer empty', async () => {
  const uri = 'file:///tmp/hcpcs-protocol-test/never-opened.837';
  const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
  const rows: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
    ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }],
    ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/inlayHint', { textDocument: { uri }, range }],
    ['textDocument/hover', { textDocument: { uri: 'untitled:Untitled-99' }, position: { line: 0, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri: 'not a uri at all' }, position: { line: 0, character: 0 } }],
  ];
  for (const [method, params] of rows) {
    const reply = await answer(session, method, params);
    assert.ok(isEmptyOrError(reply), `${method} on an unopened document: ${JSON.stringify(reply).slice(0, 300)}`);
  }
  // closing and changing documents that were never opened is a no-op, not a crash
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'x' }] });
  await assertServing(session, 'after unopened documents');
});

test('incremental edits with ranges beyond the end are clamped like TextDocument.update, and validation still runs', async () => {
  const uri = session.open('out-of-range.837', 'x12', PROBE_837);
  const last = PROBE_837.split('\n').length;
  const changes: TextDocumentContentChangeEvent[][] = [
    [{ range: { start: { line: last + 100, character: 0 }, end: { line: last + 200, character: 5 } }, text: 'NTE*ADD*appended~\n' }],
    [{ range: { start: { line: 0, character: 500 }, end: { line: 0, character: 9000 } }, text: '' }],
    [{ range: { start: { line: 5, character: 3 }, end: { line: 2, character: 0 } }, text: 'X' }], // reversed
    [{ range: { start: { line: -3, character: -7 }, end: { line: -1, character: 0 } }, text: 'ISA' }], // negative
    [
      { range: { start: { line: 1e9, character: 1e9 }, end: { line: 1e9, character: 1e9 } }, text: '\r\n\r' },
      { range: { start: { line: 2, character: 0 }, end: { line: 1e6, character: 0 } }, text: 'SV1*HC:J7502*1*UN*4~\n' },
    ],
  ];
  let local = TextDocument.create(uri, 'x12', 1, PROBE_837);
  let version = 1;
  for (const contentChanges of changes) {
    version++;
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    local = TextDocument.update(local, contentChanges, version);
  }
  const served = await session.diagnostics(uri, version);
  // the same text opened fresh must give the same diagnostics: the server applied the edits as the editor did
  const twin = session.open('out-of-range-twin.837', 'x12', local.getText());
  const expected = await session.diagnostics(twin);
  const strip = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r: DiagnosticRelatedInformation) => ({ ...r, location: { ...r.location, uri: '' } })) }));
  assert.deepEqual(strip(served), strip(expected));
  assertPositionsInside(served, local, 'diagnostics after clamped edits');
  await assertServing(session, 'after out-of-range edits');
});

test('a cancellation storm: 600 requests cancelled in flight, edits interleaved, all answered', async () => {
  const uri = session.open('storm.837', 'x12', PROBE_837);
  const position = probePosition();
  const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
  const methods: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri }, position }],
    ['textDocument/completion', { textDocument: { uri }, position }],
    ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/inlayHint', { textDocument: { uri }, range }],
  ];
  const outcomes: Promise<Answer>[] = [];
  let version = 1;
  for (let i = 0; i < 600; i++) {
    const [method, params] = methods[i % methods.length]!;
    const source = new CancellationTokenSource();
    outcomes.push(answer(session, method, params, 30_000).finally(() => source.dispose()));
    // the request above has no token; this one has, and is cancelled at once or a little later
    const cancelled = session.connection.sendRequest(method, params, source.token).then(
      (result: unknown): Answer => ({ result }),
      (error: { code: number; message: string }): Answer => ({ error: { code: error.code, message: error.message } }),
    );
    outcomes.push(cancelled);
    if (i % 3 === 0) source.cancel();
    else queueMicrotask(() => source.cancel());
    if (i % 50 === 0) {
      version++;
      void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: PROBE_837 + `NTE*ADD*edit ${i}~\n` }] });
    }
    // cancellations of ids that do not exist or were answered long ago
    if (i % 97 === 0) void session.connection.sendNotification('$/cancelRequest', { id: i % 2 ? 999_999 + i : `bogus-${i}` });
  }
  const settled = await Promise.all(outcomes);
  const badErrors = settled.filter((a) => a.error && a.error.code !== -32800 && a.error.code !== -32802);
  assert.deepEqual(badErrors, [], 'only RequestCancelled/ServerCancelled errors');
  const cancelled = settled.filter((a) => a.error).length;
  console.log(`cancellation storm: ${settled.length} requests, ${cancelled} answered RequestCancelled, ${settled.length - cancelled} answered`);
  await assertServing(session, 'after the cancellation storm');
});

test('broken frames on the wire (bad JSON, non-JSON-RPC bodies) do not end the server', async () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  const bodies = [
    '{"bad":,}',
    '[]',
    'null',
    '42',
    '{"jsonrpc":"2.0"}',
    '{"jsonrpc":"2.0","id":null}',
    '{"jsonrpc":"2.0","method":42}',
    '{"jsonrpc":"2.0","id":{"x":1},"method":"textDocument/hover","params":{}}',
    '{"jsonrpc":"2.0","id":777001,"result":"an answer to a request the server never sent"}',
    '{"jsonrpc":"1.0","id":777002,"method":"textDocument/hover"}',
  ];
  for (const body of bodies) {
    await new Promise<void>((resolve, reject) => session.process.stdin.write(frame(body), (e) => (e ? reject(e) : resolve())));
    await assertServing(session, `after the frame ${body}`);
  }
});

test('malformed document notifications (didOpen/didChange/didClose/didSave) leave the server serving', async () => {
  const uri = 'file:///tmp/hcpcs-protocol-test/malformed-sync.837';
  const notifications: [string, unknown][] = [
    ['textDocument/didOpen', null],
    ['textDocument/didOpen', {}],
    ['textDocument/didOpen', { textDocument: { uri } }], // no text, no languageId, no version
    ['textDocument/didOpen', { textDocument: { uri: `${uri}-2`, languageId: 42, version: 'one', text: null } }],
    ['textDocument/didOpen', { textDocument: { uri: `${uri}-3`, languageId: 'x12', version: 1, text: { not: 'text' } } }],
    ['textDocument/didOpen', { textDocument: { uri: `${uri}-4`, languageId: 'x12', version: 1, text: PROBE_837 } }],
    ['textDocument/didOpen', { textDocument: { uri: `${uri}-4`, languageId: 'csv', version: 1, text: 'hcpcs\nJ7507\n' } }], // opened twice
    ['textDocument/didChange', null],
    ['textDocument/didChange', { textDocument: { uri: `${uri}-4`, version: 2 }, contentChanges: null }],
    ['textDocument/didChange', { textDocument: { uri: `${uri}-4`, version: 3 }, contentChanges: 'text' }],
    ['textDocument/didChange', { textDocument: { uri: `${uri}-4`, version: 4 }, contentChanges: [{ text: 42 }] }],
    ['textDocument/didChange', { textDocument: { uri: `${uri}-4`, version: 5 }, contentChanges: [{ range: { start: 'a', end: null }, text: 'X' }] }],
    ['textDocument/didChange', { textDocument: { uri: `${uri}-4`, version: 1 }, contentChanges: [{ text: PROBE_837 }] }], // version goes back
    ['textDocument/didSave', { textDocument: { uri: `${uri}-4` }, text: null }],
    ['textDocument/didClose', null],
    ['textDocument/didClose', { textDocument: null }],
    ['workspace/didChangeConfiguration', null],
    ['workspace/didChangeConfiguration', { settings: { hcpcs: { maxValidationBytes: 'huge', rules: 'all off', profile: 7 } } }],
    ['workspace/didChangeWatchedFiles', { changes: 'many' }],
  ];
  for (const [method, params] of notifications) {
    await session.connection.sendNotification(method, params);
    await assertServing(session, `after ${method} ${JSON.stringify(params)?.slice(0, 120)}`);
  }
});

test('a 10 MB document over stdio: validated, and hover answers at its end', async () => {
  const filler = 'NTE*ADD*a long note that pads the claim file to ten megabytes of ordinary X12 text';
  const text = x12_837p([
    'CLM*BIG1*250***11:B:1*Y*A*Y*Y',
    'HI*ABK:Z940',
    'LX*1',
    'SV1*HC:J7502:KX*125*UN*4***1',
    'DTP*472*D8*20251105',
    ...Array.from({ length: Math.ceil((10 * 1024 * 1024) / (filler.length + 2)) }, () => filler),
    'LX*2',
    'SV1*HC:J7507:KX*125*UN*5***1',
    'DTP*472*D8*20251105',
  ]);
  assert.ok(text.length > 10 * 1024 * 1024);
  const uri = session.open('ten-mb.837', 'x12', text);
  const diagnostics = await session.diagnostics(uri);
  const doc = TextDocument.create(uri, 'x12', 1, text);
  assertPositionsInside(diagnostics, doc, '10 MB diagnostics');
  const position = doc.positionAt(text.lastIndexOf('J7507') + 1);
  const reply = await answer(session, 'textDocument/hover', { textDocument: { uri }, position }, 30_000);
  assert.equal(reply.error, undefined);
  assert.ok(reply.result, 'a hover on the last line');
  session.close(uri);
  await assertServing(session, 'after the 10 MB document');
});

test('random incremental edits over stdio: the server ends with the same diagnostics as a fresh open of the same text', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(claimDocument({ x12Descriptions: true }), fc.array(fc.tuple(fraction01, fraction01, fc.constantFrom('', 'J7502', ':KX', '*', '~\n', 'LX*9~', 'SV1*HC:J7507*1*UN*5***1~', ',', '\r\n', 'é😀')), { minLength: 1, maxLength: 6 }), async (generated, edits) => {
      run++;
      const uri = session.open(`edits-${run}${generated.uri.slice(generated.uri.lastIndexOf('.'))}`, generated.languageId, generated.text);
      let local = TextDocument.create(uri, generated.languageId, 1, generated.text);
      let version = 1;
      for (const [a, b, text] of edits) {
        const length = local.getText().length;
        const [from, to] = [Math.floor(a * (length + 1)), Math.floor(b * (length + 1))].sort((x, y) => x - y) as [number, number];
        const change = { range: { start: local.positionAt(from), end: local.positionAt(Math.min(to, from + 40)) }, text };
        version++;
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        local = TextDocument.update(local, [change], version);
      }
      const served = await session.diagnostics(uri, version);
      const twin = session.open(`edits-${run}-twin${generated.uri.slice(generated.uri.lastIndexOf('.'))}`, generated.languageId, local.getText());
      const expected = await session.diagnostics(twin);
      const strip = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r: DiagnosticRelatedInformation) => ({ ...r, location: { ...r.location, uri: '' } })) }));
      assert.deepEqual(strip(served), strip(expected));
      session.close(uri);
      session.close(twin);
    }),
    fuzzParams(15),
  );
  await assertServing(session, 'after random incremental edits');
});
