// No call in server/src spreads an array into arguments (push(...xs), Math.max(...xs), splice(i, 1, ...xs)):
// each element becomes one call argument and past ~125,000 of them V8 throws "Maximum call stack size
// exceeded". server/src/base/arrays.ts appends and finds extremes with loops instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../support/paths';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const f of sources(p)) out.push(f);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/**
 * a spread that is a call argument: right after the call's `(` or after a comma at its top level
 * (nested parentheses skipped; object and array literals end the search, their spreads are not arguments)
 */
const CALL_SPREAD = /\b(?:push|unshift|splice|max|min|fromCharCode|concat|apply)\s*\((?:\s*|(?:[^(){}[\]]|\([^()]*\))*?,\s*)\.\.\.(?=[\w([])/g;

/** line comments blanked (same length, so line numbers hold) */
const withoutComments = (text: string) => text.replace(/\/\/[^\n]*/g, (c) => ' '.repeat(c.length));

const rows: { name: string; code: string; spreads: number }[] = [
  { name: 'push of a spread array', code: 'out.push(...found);', spreads: 1 },
  { name: 'push over two lines', code: 'roots.push(\n  ...codeNodes(a, (m) => m),\n);', spreads: 1 },
  { name: 'Math.max with a fixed first argument', code: 'Math.max(a.end, ...mods.map((m) => m.end))', spreads: 1 },
  { name: 'splice inserting a spread', code: 'c.claims.splice(at, 1, ...region.claims);', spreads: 1 },
  { name: 'String.fromCharCode of codes', code: 'String.fromCharCode(...codes)', spreads: 1 },
  // negative rows: spreads that are not call arguments, or rest parameters
  { name: 'array literal spread', code: 'const all = [...list, ...fresh];', spreads: 0 },
  { name: 'object spread', code: 'const x = { ...base, a: 1 };', spreads: 0 },
  { name: 'rest parameter', code: 'function f(...args: A) { return g(args); }', spreads: 0 },
  { name: 'appendAll', code: 'appendAll(out, found);', spreads: 0 },
  { name: 'Math.max of two values', code: 'Math.max(a, b)', spreads: 0 },
  { name: 'object spread inside a pushed literal', code: 'out.push({ ...p, range: { ...p.range } });', spreads: 0 },
  { name: 'pushed literal with a nested spread after a comma', code: 'into.push(f.severity === s ? f : { ...f, severity });', spreads: 0 },
  { name: 'a spread named in a comment', code: '// never out.push(...found)', spreads: 0 },
];

test('the spread detector: table', () => {
  for (const row of rows) assert.equal([...withoutComments(row.code).matchAll(CALL_SPREAD)].length, row.spreads, row.name);
});

test('server/src spreads no array into call arguments', () => {
  const found: string[] = [];
  for (const file of sources(join(repoRoot, 'server', 'src'))) {
    const text = withoutComments(readFileSync(file, 'utf8'));
    for (const m of text.matchAll(CALL_SPREAD)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${relative(repoRoot, file)}:${line}: ${m[0].replace(/\s+/g, ' ').slice(0, 80)}`);
    }
  }
  assert.deepEqual(found, []);
});
