// The map's invariants, as tests (docs/architecture.md): imports point down the layers, and only the
// entry files touch the file system, the network, processes or the LSP connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { repoRoot } from '../../support/paths';

const SRC = 'server/src';

/**
 * Bottom to top. A file may import its own layer (same group) and any layer below; groups that
 * share a rank are peers and do not import each other.
 */
const LAYERS: { rank: number; group: string; owns: (path: string) => boolean }[] = [
  { rank: 0, group: 'base', owns: (p) => p.startsWith('base/') || p === 'model.ts' || p === 'protocol.ts' },
  { rank: 1, group: 'settings', owns: (p) => p === 'settings.ts' || p === 'rule-setting.ts' },
  { rank: 2, group: 'documents', owns: (p) => p.startsWith('documents/') },
  { rank: 2, group: 'codeset', owns: (p) => p.startsWith('codeset/') },
  { rank: 3, group: 'checks', owns: (p) => p.startsWith('checks/') },
  { rank: 4, group: 'features', owns: (p) => p.startsWith('features/') || p === 'incremental.ts' },
  { rank: 5, group: 'service', owns: (p) => p === 'service.ts' || p === 'validation.ts' },
  { rank: 6, group: 'entry', owns: (p) => p === 'server.ts' || p === 'cli.ts' || p.startsWith('cli/') || p === 'index.ts' || p.startsWith('node/') },
  // types of the modules scripts/build.mjs makes (virtual:rules, virtual:guidance): it names them all
  { rank: 7, group: 'build', owns: (p) => p === 'virtual.d.ts' },
];

/** modules that reach outside the process: only entry files may import them */
const IO_MODULES = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|tls|dns|readline|worker_threads|cluster)$|^vscode-languageserver(\/node)?$/;

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, SRC, dir), { withFileTypes: true }).flatMap((d) => {
    const p = dir ? `${dir}/${d.name}` : d.name;
    return d.isDirectory() ? sources(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

function layerOf(path: string) {
  return LAYERS.find((l) => l.owns(path));
}

/** static imports and re-exports ('import x from', 'export { } from', 'import(...)') */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1]!);
}

/** problems in a set of files given as path -> text (the real tree, or a fixture tree in the tests below) */
export function layerProblems(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of files) {
    const from = layerOf(path);
    if (!from) {
      out.push(`${path}: in no layer (add it to LAYERS and to docs/architecture.md)`);
      continue;
    }
    for (const spec of importsOf(text)) {
      if (IO_MODULES.test(spec) && from.group !== 'entry' && from.group !== 'build') out.push(`${path}: imports ${spec} (I/O belongs to server.ts, cli.ts and node/)`);
      if (!spec.startsWith('.')) continue;
      const target = normalize(join(dirname(path), spec)).replace(/\\/g, '/');
      if (target.startsWith('..')) continue; // data/*.json beside the sources
      const to = layerOf(`${target}.ts`) ?? layerOf(`${target}/index.ts`) ?? layerOf(target);
      if (!to) continue;
      if (to.rank > from.rank) out.push(`${path}: imports ${spec} from ${to.group}, above ${from.group}`);
      else if (to.rank === from.rank && to.group !== from.group) out.push(`${path}: imports ${spec} from ${to.group}, a peer of ${from.group}`);
    }
  }
  return out;
}

const tree = () => new Map(sources('').map((p) => [p, readFileSync(join(repoRoot, SRC, p), 'utf8')]));

test('server/src: every file is in a layer, imports point down, I/O only in the entry files', () => {
  assert.deepEqual(layerProblems(tree()), []);
});

test('server/src: no import cycles between files', () => {
  const files = tree();
  const graph = new Map<string, string[]>();
  for (const [path, text] of files) {
    const targets = importsOf(text)
      .filter((s) => s.startsWith('.'))
      .map((s) => normalize(join(dirname(path), s)).replace(/\\/g, '/'))
      .flatMap((t) => [`${t}.ts`, `${t}/index.ts`].filter((c) => files.has(c)).slice(0, 1));
    graph.set(path, targets);
  }
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (node: string, stack: string[]) => {
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next, [...stack, next]);
    }
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, [node]);
  assert.deepEqual(cycles, []);
});

// the checker itself, on hand-written trees: each row must find exactly the problems named
const rows: [name: string, files: Record<string, string>, expected: RegExp[]][] = [
  ['downward imports are fine', { 'checks/a.ts': "import { x } from '../documents/b';\nimport type { S } from '../settings';" }, []],
  ['settings importing checks is upward', { 'settings.ts': "import type { Severity } from './checks/types';" }, [/settings\.ts: imports \.\/checks\/types from checks, above settings/]],
  ['codeset importing documents: peers', { 'codeset/import/csv.ts': "import { forEachRow } from '../../documents/csv-rows';" }, [/a peer of codeset/]],
  ['a feature reading a file', { 'features/x.ts': "import { readFileSync } from 'node:fs';" }, [/imports node:fs/]],
  ['a check opening a socket', { 'checks/x.ts': "import net from 'net';" }, [/imports net/]],
  ['the connection outside server.ts', { 'service.ts': "import { createConnection } from 'vscode-languageserver/node';" }, [/imports vscode-languageserver\/node/]],
  ['LSP types are data, not I/O', { 'features/y.ts': "import type { Hover } from 'vscode-languageserver-types';" }, []],
  ['node/ may read files', { 'node/store.ts': "import { readFile } from 'node:fs/promises';\nimport { x } from '../checks/index';" }, []],
  ['zlib is computation, not I/O', { 'codeset/import/zip.ts': "import { inflateRawSync } from 'node:zlib';" }, []],
  ['a new top-level file must be placed', { 'helpers.ts': '' }, [/helpers\.ts: in no layer/]],
];
for (const [name, files, expected] of rows) {
  test(`layer checker: ${name}`, () => {
    const got = layerProblems(new Map(Object.entries(files)));
    assert.equal(got.length, expected.length, got.join('\n'));
    expected.forEach((re, i) => assert.match(got[i]!, re));
  });
}
