// A compiled index file laid out in parts (node/index-file.ts): its header line is read at start, and
// each part (or a code's row alone) is read at its place (a positioned read) when a question first
// needs it; the file stays open while the code set may ask. A file of another version is refused, and closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadError } from '../../../server/src/codeset/index';
import { INDEX_VERSION } from '../../../server/src/codeset/compiled';
import { indexFromFile } from '../../../server/src/node/index-file';
import { excerptIndexSet, excerptIndexText, partNames, spoiled, spoiledRows } from '../../support/index-parts';

const text = excerptIndexText;
const compiledSet = excerptIndexSet;
const ON = '2025-11-05'; // the October 2025 release and ASP quarter are in force

test('from a file: the header read at start, each part read at its place when first asked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'index-file-'));
  const file = join(dir, 'codeset.json');
  // every part but the October release's code keys and drugs and its ASP prices is spoiled, and every code row but J0881's
  const keep = new Set(['2025-10 codes', '2025-10 codeKeys', '2025-10 drugs', 'asp 2025-10 prices']);
  const whole = text();
  writeFileSync(file, spoiledRows(partNames(whole).filter((n) => !keep.has(n)).reduce(spoiled, whole), '2025-10 codes', '["J0881",'));
  const late: string[] = [];
  const load = () => indexFromFile(openSync(file, 'r'), statSync(file).size, { name: 'codeset.json', limit: 1 << 30, onLateError: (e) => late.push(e) });
  const cs = load();
  assert.equal(cs.release.codeCount, compiledSet().releases[2]!.release.codeCount);
  assert.equal(cs.lookup('J0881', ON)?.status, 'active');
  assert.equal(cs.drug('J0881', ON)?.unit?.unit, 'mcg');
  assert.equal(cs.asp('J0881', ON)?.dosage, '1 MCG');
  assert.deepEqual(cs.partsRead(), ['2025-10 code keys', '2025-10 codes: 1 row', '2025-10 drugs', 'asp 2025-10 prices']);
  assert.deepEqual(late, []);
  // a part or a row that cannot be read: a LoadError for the question, every time, and one late error for each
  for (let i = 0; i < 2; i++) assert.throws(() => cs.modifier('JW', ON), (e: Error) => e instanceof LoadError && /damaged \(its 2025-10 modifiers could not be read: .*\): compile it again/.test(e.message));
  for (let i = 0; i < 2; i++) assert.throws(() => cs.lookup('J0882', ON), (e: Error) => e instanceof LoadError && /damaged \(its 2025-10 codes could not be read: .*\): compile it again/.test(e.message));
  assert.equal(late.length, 2);
  assert.match(late[0]!, /^codeset\.json: the compiled index is damaged \(its 2025-10 modifiers could not be read: .*\): compile it again; answers that need it are missing\.$/);
  assert.match(late[1]!, /^codeset\.json: the compiled index is damaged \(its 2025-10 codes could not be read: .*\): compile it again; answers that need it are missing\.$/);
  // the file stays open while the code set may ask for a part
  if (existsSync('/proc/self/fd')) {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    const again = indexFromFile(openSync(file, 'r'), statSync(file).size, { name: 'codeset.json', limit: 1 << 30 });
    assert.equal(open(), before + 1);
    assert.equal(again.lookup('J0881', ON)?.status, 'active');
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

