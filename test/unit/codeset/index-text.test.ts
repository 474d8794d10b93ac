// The compiled index as text laid out in parts (codeset/index-text.ts): a header line with every fact
// a run states at start, then each release's tables and each ASP quarter's as JSON of their own. A
// question parses only the parts it needs; an index of another version is refused with a message
// that says to compile it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledOf, indexJson, LoadError, loadIndex, type CompiledIndex } from '../../../server/src/codeset/index';
import { INDEX_VERSION } from '../../../server/src/codeset/compiled';
import { CodeSetStore } from '../../../server/src/node/codeset-store';
import type { DatedCodeSet } from '../../../server/src/codeset/dated';
import type { CodeSet } from '../../../server/src/codeset/types';
import coreJson from '../../../data/core/codeset.json';
import { excerptIndexSet, excerptIndexText, layout, spoiled, spoiledRows } from '../../support/index-parts';
import { excerptAsp } from '../../support/paths';

const text = excerptIndexText;
const compiledSet = excerptIndexSet;
const ON = '2025-11-05'; // the October 2025 release and ASP quarter are in force

const QUESTIONS: [string, (cs: CodeSet) => unknown][] = [
  ['lookup', (cs) => cs.lookup('J0881', ON)],
  ['lookup, no date', (cs) => cs.lookup('J0881')],
  ['terminated, with its successor', (cs) => cs.lookup('J7503', ON)],
  ['modifier', (cs) => cs.modifier('JW', ON)],
  ['drug', (cs) => cs.drug('J0881', ON)],
  ['asp', (cs) => cs.asp('J0881', ON)],
  ['ndc', (cs) => cs.ndcRows('55513-0002-04')],
  ['prefix', (cs) => cs.searchPrefix('J08', 20)],
  ['words', (cs) => cs.searchWords('darbepoetin', 5)],
  ['drug name', (cs) => cs.codesForDrug('darbepoetin')],
  ['related', (cs) => cs.related('J0881')],
  ['modifiers', (cs) => cs.allModifiers()],
  ['release', (cs) => cs.release],
];

test('the text: one JSON value, ASCII, a header line, each part on a line of its own (codes and NDCs a row a line); read back the same', () => {
  const t = text();
  assert.equal(Buffer.byteLength(t), t.length, 'ASCII');
  const lines = t.trimEnd().split('\n');
  const { header } = layout(t);
  assert.equal(header.format, 'hcpcs-index-set');
  assert.equal(header.version, INDEX_VERSION);
  // a table a row a line: '[', its rows, ']' ('[]' when empty); other parts: one line
  const rowed = (rows: unknown[]) => (rows.length ? rows.length + 2 : 1);
  const set = compiledSet();
  const partLines = set.releases.reduce((n, r) => n + rowed(r.codes) + 4, 0) + set.asp.reduce((n, q) => n + rowed(q.ndc) + 2, 0);
  assert.equal(lines.length, 1 + partLines + 1, 'the header, the parts, the closing');
  assert.ok(lines.includes(JSON.stringify(set.releases[0]!.codes[0]) + ','), 'a code row is a line');
  const whole = JSON.parse(t) as { releases: unknown[]; parts: unknown[] };
  assert.equal(whole.parts.length, (header.at as unknown[]).length);
  assert.deepEqual(compiledOf(t), JSON.parse(JSON.stringify(compiledSet())));
  // a single release with its quarter comes back as a set of one
  const core = coreJson as unknown as CompiledIndex;
  const { asp, ...release } = core;
  assert.deepEqual(compiledOf(indexJson(core)), JSON.parse(JSON.stringify({ format: 'hcpcs-index-set', version: core.version, releases: [release], asp: [asp] })));
});

test('loaded from text, from its JSON value or in hand: the same answers', () => {
  const t = text();
  const ways: [string, () => CodeSet][] = [
    ['in hand', () => loadIndex(compiledSet())],
    ['text in parts', () => loadIndex(t)],
    ['its JSON value', () => loadIndex(JSON.parse(t))],
    ['whole JSON text', () => loadIndex(JSON.stringify(compiledSet()))],
  ];
  const answers = ways.map(([, load]) => {
    const cs = load();
    return QUESTIONS.map(([, ask]) => ask(cs));
  });
  for (let w = 1; w < ways.length; w++) {
    QUESTIONS.forEach(([name], q) => assert.deepEqual(answers[w]![q], answers[0]![q], `${ways[w]![0]}: ${name}`));
  }
  // the core set, one release with its own ASP quarter
  const core = coreJson as unknown as CompiledIndex;
  const one = loadIndex(core);
  const again = loadIndex(indexJson(core));
  for (const [name, ask] of QUESTIONS) assert.deepEqual(ask(again), ask(one), `core: ${name}`);
});

test('loading reads no table; each question reads only the parts it needs, a code\'s or an NDC\'s row alone', () => {
  const rows: { name: string; ask: (cs: CodeSet) => unknown; parts: string[] }[] = [
    { name: 'loading, and what a run says at start', ask: (cs) => [cs.release.label, cs.release.releases, cs.release.aspQuarters, cs.isFull], parts: [] },
    { name: 'a code on a date: its row', ask: (cs) => cs.lookup('J0881', ON), parts: ['2025-10 code keys', '2025-10 codes: 1 row'] },
    { name: 'a code no release has: the keys', ask: (cs) => cs.lookup('J0000', ON), parts: ['2025-10 code keys', '2026-01 code keys', '2026-07 code keys'] },
    { name: 'a modifier on a date', ask: (cs) => cs.modifier('JW', ON), parts: ['2025-10 modifiers'] },
    { name: 'a drug on a date: the drug rows, not the code\'s', ask: (cs) => cs.drug('J0881', ON), parts: ['2025-10 code keys', '2025-10 drugs'] },
    { name: 'a payment limit on a date', ask: (cs) => cs.asp('J0881', ON), parts: ['asp 2025-10 prices'] },
    { name: 'an NDC: its rows in every quarter', ask: (cs) => cs.ndcRows('55513-0002-04'), parts: ['asp 2026-01 ndc keys', 'asp 2026-01 ndc: 2 rows', 'asp 2025-10 ndc keys', 'asp 2025-10 ndc: 2 rows'] },
    { name: 'codes by prefix (completion): the newest release, those rows', ask: (cs) => cs.searchPrefix('J088', 3), parts: ['2026-07 code keys', '2026-07 codes: 3 rows'] },
    { name: 'related codes (hover): the whole newest release', ask: (cs) => cs.related('J0881'), parts: ['2026-07 code keys', '2026-07 codes', '2026-07 drugs'] },
  ];
  for (const row of rows) {
    const cs = loadIndex(text());
    row.ask(cs);
    assert.deepEqual(cs.partsRead(), row.parts, row.name);
  }
  // what nobody asked for can be anything: it is never read
  const spoilt = ['2025-10 words', '2026-01 codes', '2026-07 words', 'asp 2026-01 prices', 'asp 2025-10 ndc', 'asp 2025-10 ndcKeys'].reduce(spoiled, text());
  const t = spoiledRows(spoilt, '2025-10 codes', '["J0881",');
  const cs = loadIndex(t);
  assert.equal(cs.lookup('J0881', ON)?.status, 'active');
  assert.equal(cs.asp('J0881', ON)?.dosage, '1 MCG');
  assert.equal(cs.drug('J0881', ON)?.unit?.unit, 'mcg');
  assert.deepEqual(cs.lookup('J0881', ON), loadIndex(compiledSet()).lookup('J0881', ON));
  // and a spoiled row that is asked for: refused, as a damaged index, every time it is asked
  for (let i = 0; i < 2; i++) assert.throws(() => cs.lookup('J0882', ON), (e: Error) => e instanceof LoadError && /^the compiled index is damaged \(its 2025-10 codes could not be read: .*\): compile it again$/.test(e.message));
});

test('a row that holds another code than its key (a file changed in place) is refused, never answered for it', () => {
  const whole = text();
  const rows: { name: string; text: string; refused: boolean }[] = [
    { name: 'J0882\'s row rewritten as J0883\'s', text: whole.replace('["J0882",', '["J0883",'), refused: true },
    { name: 'twin: the rows as written', text: whole, refused: false },
  ];
  for (const row of rows) {
    assert.ok(row.text !== whole || !row.refused, `${row.name}: the row was found`);
    const cs = loadIndex(row.text);
    if (row.refused) assert.throws(() => cs.lookup('J0882', ON), (e: Error) => e instanceof LoadError && /the row of J0882 holds J0883/.test(e.message), row.name);
    else assert.equal(cs.lookup('J0882', ON)?.record.code, 'J0882', row.name);
  }
});

test('another version, or a text cut short: refused at load with a message that says to compile again', () => {
  const t = text();
  const nl = t.indexOf('\n');
  const withVersion = (v: number) => t.slice(0, nl).replace(`"version":${INDEX_VERSION},`, `"version":${v},`) + t.slice(nl);
  const rows: [string, string, RegExp][] = [
    ['a newer version in parts', withVersion(INDEX_VERSION + 1), new RegExp(`^compiled index version ${INDEX_VERSION + 1}, expected ${INDEX_VERSION}: compile it again$`)],
    ['version 1 (one JSON value)', JSON.stringify({ ...JSON.parse(JSON.stringify(compiledSet())), version: 1 }), new RegExp(`^compiled index version 1, expected ${INDEX_VERSION}: compile it again$`)],
    ['version 1, one release', JSON.stringify({ ...(coreJson as object), version: 1 }), new RegExp(`^compiled index version 1, expected ${INDEX_VERSION}: compile it again$`)],
    ['cut short', t.slice(0, t.length - 1000), /^the compiled index is damaged \(.*cut short.*\): compile it again$/],
    ['a part beyond the end', t.slice(0, nl).replace('"body":', '"body":1,"x":') + t.slice(nl), /damaged|not a compiled/],
  ];
  for (const [name, data, message] of rows) assert.throws(() => loadIndex(data), (e: Error) => e instanceof LoadError && message.test(e.message), name);
});

test('the code set store: the build\'s index read lazily, an ASP folder given alone added over it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'index-store-'));
  writeFileSync(join(dir, 'codeset.json'), spoiled(text(), '2026-07 words'));
  const loaded = new CodeSetStore({ distDir: dir }).loadAtStartup({});
  const cs = loaded.codeset as DatedCodeSet;
  assert.match(loaded.message ?? '', /^Loaded HCPCS Level II, July 2026 \(CMS\) from .*codeset\.json\.$/);
  assert.deepEqual(cs.partsRead(), []);
  assert.equal(cs.lookup('J0881', ON)?.status, 'active');
  assert.deepEqual(cs.partsRead(), ['2025-10 code keys', '2025-10 codes: 1 row']);
  // the quarters of an ASP folder replace the ones it has of the same quarter
  const withAsp = new CodeSetStore({ distDir: dir }).loadAtStartup({ aspPath: excerptAsp });
  assert.deepEqual((withAsp.codeset.release.aspQuarters ?? []).map((q) => q.id), ['2025-10', '2026-01']);
  assert.equal(withAsp.codeset.asp('J0881', ON)?.dosage, '1 MCG');
  assert.deepEqual((withAsp.codeset as DatedCodeSet).partsRead(), [], 'the quarters come from the folder');
});
