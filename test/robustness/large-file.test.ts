// Above hcpcs.maxValidationBytes the server publishes one information diagnostic that says why it
// skips validation; hover still works. The small limit arrives two ways: through
// initializationOptions.settings (what the brief and non-VS Code clients use), and through the
// pulled workspace/configuration section (what VS Code sends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { startSession, type LspSession, type SessionOptions } from '../support/lsp-session';
import { PROBE_837_NO_KX, answer, probePosition } from './protocol-helpers';

const LIMIT = 2_000;
const messageText = (m: string | MarkupContent) => (typeof m === 'string' ? m : m.value);

/** the probe claim followed by notes, grown past `size` characters (every line still lacks KX) */
function grown(size: number): string {
  let text = PROBE_837_NO_KX;
  while (text.length <= size) text += 'NTE*ADD*padding so the file is larger than the validation limit~\n';
  return text;
}

async function checkLimit(session: LspSession): Promise<void> {
  // control: below the limit the file is validated in full
  assert.ok(PROBE_837_NO_KX.length < LIMIT, `the probe (${PROBE_837_NO_KX.length}) is below ${LIMIT}`);
  const small = session.open('small.837', 'x12', PROBE_837_NO_KX);
  const smallCodes = (await session.diagnostics(small)).map((d) => d.code);
  assert.ok(smallCodes.includes('missing-kx'), `missing-kx among [${smallCodes.join(', ')}]`);

  // above it: one information diagnostic naming the setting, and hover still answers
  const text = grown(LIMIT * 3);
  const large = session.open('large.837', 'x12', text);
  const diagnostics = await session.diagnostics(large);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  assert.equal(diagnostics[0]!.severity, 3, 'information');
  assert.match(messageText(diagnostics[0]!.message), /maxValidationBytes/);
  assert.match(messageText(diagnostics[0]!.message), /skip/i);
  const reply = await answer(session, 'textDocument/hover', { textDocument: { uri: large }, position: probePosition(text) });
  const hover = reply.result as Hover | null;
  assert.ok(hover, `a hover on J7507 in the large file: ${JSON.stringify(reply)}`);
  assert.match((hover.contents as MarkupContent).value, /Tacrolimus/i);

  // growing a small file past the limit switches to the notice; shrinking it back validates again
  const grows = session.open('grows.837', 'x12', PROBE_837_NO_KX);
  assert.ok((await session.diagnostics(grows, 1)).some((d) => d.code === 'missing-kx'));
  session.change(grows, grown(LIMIT * 2));
  assert.deepEqual((await session.diagnostics(grows, 2)).map((d) => d.severity), [3]);
  session.change(grows, PROBE_837_NO_KX);
  assert.ok((await session.diagnostics(grows, 3)).some((d) => d.code === 'missing-kx'));
}

async function withSession(options: SessionOptions, pulled: Record<string, unknown> | undefined, fn: (s: LspSession) => Promise<void>) {
  const session = await startSession(options);
  // the server pulls the hcpcs section after `initialized`, i.e. after startSession returns
  if (pulled) session.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => pulled));
  try {
    await session.waitForRelease();
    await fn(session);
  } finally {
    await session.stop();
  }
}

// FOUND.md #1 (fixed in 90e5059)
test('maxValidationBytes from initializationOptions.settings (client answers workspace/configuration with {})', () =>
  withSession({ initializationOptions: { settings: { maxValidationBytes: LIMIT } } }, undefined, checkLimit),
);

test('maxValidationBytes from the pulled workspace/configuration section', () =>
  withSession({}, { maxValidationBytes: LIMIT }, checkLimit),
);
