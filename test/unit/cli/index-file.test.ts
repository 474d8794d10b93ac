// A compiled index file laid out in parts (node/index-file.ts): its header line is read at start, and
// each part is read at its place (a positioned read) when a question first needs it; the file stays
// open while parts are left to read. A file of another version is refused, and closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexJson, LoadError, type CompiledIndex } from '../../../server/src/codeset/index';
import { INDEX_VERSION } from '../../../server/src/codeset/compiled';
import { indexFromFile } from '../../../server/src/node/index-file';
import type { CodeSet } from '../../../server/src/codeset/types';
import coreJson from '../../../data/core/codeset.json';
import { EXCERPT_PARTS, excerptIndexSet, excerptIndexText, spoiled } from '../../support/index-parts';

const text = excerptIndexText;
const compiledSet = excerptIndexSet;
const ON = '2025-11-05'; // the October 2025 release and ASP quarter are in force

test('from a file: the header read at start, each part read at its place when first asked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'index-file-'));
  const file = join(dir, 'codeset.json');
  // every part but the October release's codes and drugs and its ASP prices is spoiled
  const keep = new Set(['2025-10 codes', '2025-10 drugs', 'asp 2025-10 prices']);
  writeFileSync(file, EXCERPT_PARTS.filter((n) => !keep.has(n)).reduce(spoiled, text()));
  const late: string[] = [];
  const load = () => indexFromFile(openSync(file, 'r'), statSync(file).size, { name: 'codeset.json', limit: 1 << 30, onLateError: (e) => late.push(e) });
  const cs = load();
  assert.equal(cs.release.codeCount, compiledSet().releases[2]!.release.codeCount);
  assert.equal(cs.lookup('J0881', ON)?.status, 'active');
  assert.equal(cs.drug('J0881', ON)?.unit?.unit, 'mcg');
  assert.equal(cs.asp('J0881', ON)?.dosage, '1 MCG');
  assert.deepEqual(cs.partsRead(), ['2025-10 codes', '2025-10 drugs', 'asp 2025-10 prices']);
  assert.deepEqual(late, []);
  // a part that cannot be read: a LoadError for the question, every time, and one late error
  for (let i = 0; i < 2; i++) assert.throws(() => cs.modifier('JW', ON), (e: Error) => e instanceof LoadError && /damaged \(its 2025-10 modifiers could not be read: .*\): compile it again/.test(e.message));
  assert.equal(late.length, 1);
  assert.match(late[0]!, /^codeset\.json: a table of the compiled index could not be read \(.*\); answers that need it are missing\. Compile it again\.$/);
  // the descriptor stays open while parts are left to read, and is closed when none is (the core set: one release)
  if (existsSync('/proc/self/fd')) {
    const open = () => readdirSync('/proc/self/fd').length;
    const core = join(dir, 'core.json');
    writeFileSync(core, indexJson(coreJson as unknown as CompiledIndex));
    const before = open();
    const one = indexFromFile(openSync(core, 'r'), statSync(core).size, { name: 'core.json', limit: 1 << 30 });
    const asks: ((cs: CodeSet) => unknown)[] = [(c) => c.lookup('J7507'), (c) => c.modifier('JW'), (c) => c.drug('J7507'), (c) => c.asp('J7507'), (c) => c.ndcRows('00378-2045-01'), (c) => c.searchWords('tacrolimus', 1)];
    for (const ask of asks) {
      assert.equal(open(), before + 1, 'open while parts are left');
      ask(one);
    }
    assert.equal(one.partsRead().length, 6);
    assert.equal(open(), before, 'closed when none is left');
  }
});

test('a file of another version, or cut short: refused, and closed', () => {
  const t = text();
  const nl = t.indexOf('\n');
  const rows: [string, string, RegExp][] = [
    ['a newer version in parts', t.slice(0, nl).replace(`"version":${INDEX_VERSION},`, `"version":${INDEX_VERSION + 1},`) + t.slice(nl), new RegExp(`^compiled index version ${INDEX_VERSION + 1}, expected ${INDEX_VERSION}: compile it again$`)],
    ['version 1 (one JSON value)', JSON.stringify({ ...JSON.parse(JSON.stringify(compiledSet())), version: 1 }), new RegExp(`^compiled index version 1, expected ${INDEX_VERSION}: compile it again$`)],
    ['cut short', t.slice(0, t.length - 1000), /^the compiled index is damaged \(.*cut short.*\): compile it again$/],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'index-version-'));
  for (const [name, data, message] of rows) {
    const file = join(dir, 'codeset.json');
    writeFileSync(file, data);
    const fd = openSync(file, 'r');
    assert.throws(() => indexFromFile(fd, statSync(file).size, { name, limit: 1 << 30 }), (e: Error) => e instanceof LoadError && message.test(e.message), name);
    assert.throws(() => closeSync(fd), /EBADF/, `${name}: closed`);
  }
});

