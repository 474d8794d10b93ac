// Untrusted .hcpcsrc.json in a workspace folder: oversized, invalid JSON, wrong types, junk bytes.
// The server says clearly what is wrong with which file, and the defaults apply (missing-kx, on by
// default, is still reported). A valid file that turns missing-kx off is the control that proves
// the file is read at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession } from '../support/lsp-session';
import { PROBE_837_NO_KX, assertServing, captureMessages } from './protocol-helpers';

interface Row {
  name: string;
  contents: string | Buffer;
  /** does the default missing-kx survive (true for every hostile file) */
  missingKx: boolean;
  /** a message names the file and matches this */
  message?: RegExp;
}

const rows: Row[] = [
  { name: 'control: a valid file turns missing-kx off', contents: '{ "rules": { "missing-kx": "off" } }', missingKx: false },
  {
    name: 'oversized (300 kB) file that would turn missing-kx off',
    contents: JSON.stringify({ rules: { 'missing-kx': 'off' }, padding: 'x'.repeat(300 * 1024) }),
    missingKx: true,
    message: /larger|too large|size|bytes/i,
  },
  { name: 'invalid JSON', contents: '{ "rules": { "missing-kx": "off" ', missingKx: true, message: /json|parse|syntax|expected|end/i },
  { name: 'wrong types', contents: '{ "rules": { "missing-kx": 42 }, "profile": "martian", "requiredModifiers": "all" }', missingKx: true, message: /./ },
  { name: 'not an object', contents: '[1, 2, 3]', missingKx: true, message: /./ },
  { name: 'nested 100,000 levels deep', contents: '{"rules":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', missingKx: true, message: /./ },
  { name: 'junk bytes and NULs', contents: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x00, 0x22, 0xc3, 0x28, 0x00, 0x00]), missingKx: true, message: /./ },
];

for (const row of rows) {
  test(`.hcpcsrc.json: ${row.name}`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hcpcs-hostile-config-'));
    const configPath = join(folder, '.hcpcsrc.json');
    writeFileSync(configPath, row.contents);
    const session = await startSession({ workspaceFolder: folder });
    const messages = captureMessages(session);
    try {
      await session.waitForRelease(); // settings are applied before the release is announced
      const uri = session.open('config-probe.837', 'x12', PROBE_837_NO_KX);
      const codes = (await session.diagnostics(uri)).map((d) => d.code);
      assert.equal(codes.includes('missing-kx'), row.missingKx, `missing-kx among [${codes.join(', ')}]`);
      if (row.message) {
        const about = messages.filter((m) => m.includes(configPath));
        assert.ok(about.length > 0, `a message names ${configPath}; got:\n${messages.join('\n')}`);
        assert.ok(about.some((m) => row.message!.test(m)), `the message says what is wrong: ${about.join(' | ')}`);
      }
      await assertServing(session, row.name);
    } finally {
      await session.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
}

test('an invalid .hcpcsrc.json opened in the editor gets diagnostics that say the defaults apply', async () => {
  const session = await startSession();
  try {
    await session.waitForRelease();
    // a bad value, and JSON that does not parse (whose message already says the defaults apply)
    for (const [name, text] of [['.hcpcsrc.json', '{\n  "rules": { "missing-kx": "sometimes" },\n  "profile": 7\n}\n'], ['broken/.hcpcsrc.json', '{ "rules": ']]) {
      const uri = session.open(`ws/${name}`, 'json', text!);
      const diagnostics = await session.diagnostics(uri);
      assert.ok(diagnostics.length > 0, 'diagnostics on the config file');
      for (const d of diagnostics) {
        assert.equal(d.code, 'invalid-config');
        const message = typeof d.message === 'string' ? d.message : d.message.value;
        assert.match(message, /defaults apply/);
        assert.doesNotMatch(message, /defaults apply.*defaults apply/, 'said once');
      }
    }
  } finally {
    await session.stop();
  }
});
