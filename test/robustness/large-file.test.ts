// Above hcpcs.maxValidationBytes (sent small through initializationOptions.settings) the server
// publishes one information diagnostic that says why it skips validation; hover still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { startSession, type LspSession } from '../support/lsp-session';
import { PROBE_837_NO_KX, answer, probePosition } from './protocol-helpers';

const LIMIT = 2_000;
let session: LspSession;
before(async () => {
  session = await startSession({ initializationOptions: { settings: { maxValidationBytes: LIMIT } } });
  await session.waitForRelease();
});
after(async () => {
  await session?.stop();
});

/** the probe claim followed by notes, grown past `size` characters (every line still lacks KX) */
function grown(size: number): string {
  let text = PROBE_837_NO_KX;
  while (text.length <= size) text += 'NTE*ADD*padding so the file is larger than the validation limit~\n';
  return text;
}

test('a file below the limit is validated in full (the control)', async () => {
  assert.ok(PROBE_837_NO_KX.length < LIMIT, `the probe (${PROBE_837_NO_KX.length}) is below ${LIMIT}`);
  const uri = session.open('small.837', 'x12', PROBE_837_NO_KX);
  const codes = (await session.diagnostics(uri)).map((d) => d.code);
  assert.ok(codes.includes('missing-kx'), `missing-kx among [${codes.join(', ')}]`);
});

test('a file above the limit gets one information diagnostic naming the setting; hover works', async () => {
  const text = grown(LIMIT * 3);
  const uri = session.open('large.837', 'x12', text);
  const diagnostics = await session.diagnostics(uri);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [only] = diagnostics;
  assert.equal(only!.severity, 3, 'information');
  assert.match(only!.message, /maxValidationBytes/);
  assert.match(only!.message, /skip/i);
  const reply = await answer(session, 'textDocument/hover', { textDocument: { uri }, position: probePosition(text) });
  const hover = reply.result as Hover | null;
  assert.ok(hover, `a hover on J7507 in the large file: ${JSON.stringify(reply)}`);
  assert.match((hover.contents as MarkupContent).value, /Tacrolimus/i);
});

test('growing a small file past the limit switches to the notice; shrinking it back validates again', async () => {
  const uri = session.open('grows.837', 'x12', PROBE_837_NO_KX);
  assert.ok((await session.diagnostics(uri, 1)).some((d) => d.code === 'missing-kx'));
  session.change(uri, grown(LIMIT * 2));
  const large = await session.diagnostics(uri, 2);
  assert.deepEqual(large.map((d) => d.severity), [3]);
  session.change(uri, PROBE_837_NO_KX);
  assert.ok((await session.diagnostics(uri, 3)).some((d) => d.code === 'missing-kx'));
});
