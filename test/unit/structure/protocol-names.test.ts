// protocol.ts declares the custom methods and command ids once. Places that cannot import it (the
// Neovim test in Lua, package.json) or spell a name in a string are checked against it here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as protocol from '../../../server/src/protocol';
import { repoRoot } from '../../support/paths';

const methods = new Set<string>(Object.values(protocol as Record<string, unknown>).filter((v): v is string => typeof v === 'string'));
const commands = new Set<string>(Object.values(protocol.COMMANDS));
/** names the robustness tests send on purpose because they do not exist */
const DELIBERATELY_UNKNOWN = new Set(['hcpcs/doesNotExist', 'hcpcs/unknownNotification']);

function files(dir: string, ext: RegExp): string[] {
  let entries;
  try {
    entries = readdirSync(join(repoRoot, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((d) => (d.isDirectory() ? files(join(dir, d.name), ext) : ext.test(d.name) ? [join(dir, d.name)] : []));
}

test('every hcpcs/<method> spelled in client, server, tests or the Neovim test is declared in protocol.ts', () => {
  const unknown: string[] = [];
  for (const file of [...files('client/src', /\.ts$/), ...files('server/src', /\.ts$/), ...files('test', /\.(ts|lua)$/)]) {
    if (file.endsWith('protocol.ts')) continue;
    for (const m of readFileSync(join(repoRoot, file), 'utf8').matchAll(/['"](hcpcs\/[A-Za-z]+)['"]/g)) {
      if (!methods.has(m[1]!) && !DELIBERATELY_UNKNOWN.has(m[1]!)) unknown.push(`${relative(repoRoot, join(repoRoot, file))}: ${m[1]}`);
    }
  }
  assert.deepEqual(unknown, []);
});

test('the Neovim test listens for the release notification protocol.ts declares', () => {
  const lua = readFileSync(join(repoRoot, 'test/e2e/nvim/test.lua'), 'utf8');
  assert.ok(lua.includes(`['${protocol.RELEASE_NOTIFICATION}']`), `test.lua handles ${protocol.RELEASE_NOTIFICATION}`);
});

test('package.json contributes exactly the command ids protocol.ts declares', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  assert.deepEqual([...contributed].sort(), [...commands].sort());
});
