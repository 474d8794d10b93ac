// The processes that are ours (the language server and hcpcs-check) tune the heap before they read a
// code set or a document (server/src/node/heap.ts); the library entry leaves its host alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';

/** the first statement after the imports */
function firstStatement(source: string): string {
  const body = source.replace(/^(?:\s*(?:\/\/[^\n]*|import[\s\S]*?;))*\s*/, '');
  return body.slice(0, body.indexOf(';') + 1);
}

const rows: { entry: string; tunes: boolean }[] = [
  { entry: 'server.ts', tunes: true },
  { entry: 'cli.ts', tunes: true },
  { entry: 'index.ts', tunes: false },
];

for (const row of rows) {
  test(`${row.entry}: ${row.tunes ? 'limits heap growth first' : 'leaves the host process heap alone'}`, () => {
    const source = readFileSync(join(repoRoot, 'server', 'src', row.entry), 'utf8');
    assert.equal(firstStatement(source) === 'limitHeapGrowth();', row.tunes, firstStatement(source));
    assert.equal(source.includes('limitHeapGrowth'), row.tunes);
  });
}
