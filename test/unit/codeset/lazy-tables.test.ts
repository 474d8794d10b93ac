// The code set builds its tables on first use (hcpcs-check answers one claim without building every
// release's records, drug model and NDC crosswalk): each question builds only what it needs, and the
// answers do not depend on what was built before. Compiled indexes are written ASCII-only, so reading
// one takes its bytes as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compiledOf, indexJson, loadIndex, type CompiledIndexSet } from '../../../server/src/codeset/index';
import type { DatedCodeSet } from '../../../server/src/codeset/dated';
import type { CodeSet } from '../../../server/src/codeset/types';
import { compileFrom } from '../../../server/src/node/codeset-store';
import { textOf } from '../../../server/src/node/guarded-read';
import { excerptAsp, excerptReleases } from '../../support/paths';

let compiled: CompiledIndexSet | undefined;
/** the committed excerpts of three releases and two ASP quarters, compiled once */
function compiledSet(): CompiledIndexSet {
  if (!compiled) {
    const c = compileFrom(excerptReleases, excerptAsp, { confirmed: true });
    if (!c.ok) throw new Error(c.error);
    compiled = c.index as CompiledIndexSet;
  }
  return compiled;
}

/** a fresh code set over them */
const fresh = (): DatedCodeSet => loadIndex(compiledSet()) as DatedCodeSet;

type Built = ReturnType<DatedCodeSet['built']>;
const none = { codeMap: false, records: 0, modifiers: false, drugs: false, predecessors: false, drugModels: 0 };
/** nothing built but what a row names */
function expected(releases: Record<string, Partial<typeof none>>, asp: Partial<Built['asp']> = {}): Built {
  return {
    releases: ['2025-10', '2026-01', '2026-07'].map((id) => ({ id, ...none, ...releases[id] })),
    asp: { priceTables: 0, ndc: false, ...asp },
  };
}

const ON = '2025-11-05'; // the October 2025 release and ASP quarter are in force

test('each question builds only the tables it needs', () => {
  const rows: { name: string; ask: (cs: CodeSet) => unknown; built: Built }[] = [
    { name: 'loading builds nothing', ask: () => undefined, built: expected({}) },
    { name: 'a code on a date: the release in force, one record', ask: (cs) => cs.lookup('J0881', ON), built: expected({ '2025-10': { codeMap: true, records: 1 } }) },
    { name: 'an unknown code: every release looked in, no record', ask: (cs) => cs.lookup('J0000', ON), built: expected({ '2025-10': { codeMap: true }, '2026-01': { codeMap: true }, '2026-07': { codeMap: true } }) },
    { name: 'a modifier', ask: (cs) => cs.modifier('JW', ON), built: expected({ '2025-10': { modifiers: true } }) },
    { name: 'a drug: its own model, not the drug table', ask: (cs) => cs.drug('J0881', ON), built: expected({ '2025-10': { codeMap: true, drugModels: 1 } }) },
    { name: 'a code that is no drug', ask: (cs) => cs.drug('A0021', ON), built: expected({ '2025-10': { codeMap: true } }) },
    { name: 'a drug name: the newest release\'s whole drug table', ask: (cs) => cs.isDrugName('darbepoetin alfa'), built: expected({ '2026-07': { drugs: true, drugModels: compiledSet().releases[2]!.drugs.length } }) },
    { name: 'an ASP payment limit: that quarter only', ask: (cs) => cs.asp('J0881', ON), built: expected({}, { priceTables: 1 }) },
    { name: 'an NDC', ask: (cs) => cs.ndcRows('55513-0002-04'), built: expected({}, { ndc: true }) },
    { name: 'completion by prefix: the newest release, its records only', ask: (cs) => cs.searchPrefix('J088', 3), built: expected({ '2026-07': { records: 3 } }) },
  ];
  for (const row of rows) {
    const cs = fresh();
    row.ask(cs);
    assert.deepEqual(cs.built(), row.built, row.name);
  }
});

test('answers do not depend on the order tables were built in', () => {
  const questions: [string, (cs: CodeSet) => unknown][] = [
    ['lookup', (cs) => cs.lookup('J0881', ON)],
    ['lookup, no date', (cs) => cs.lookup('J0881')],
    ['modifier', (cs) => cs.modifier('JW', ON)],
    ['drug', (cs) => cs.drug('J0881', ON)],
    ['no drug', (cs) => cs.drug('A0021', ON)],
    ['drug, newest', (cs) => cs.drug('J0881')],
    ['asp', (cs) => cs.asp('J0881', ON)],
    ['ndc', (cs) => cs.ndcRows('55513-0002-04')],
    ['ndc with code', (cs) => cs.ndc('55513-0002-04', 'J0882')],
    ['prefix', (cs) => cs.searchPrefix('J08', 20)],
    ['words', (cs) => cs.searchWords('darbepoetin', 5)],
    ['drug name', (cs) => cs.codesForDrug('darbepoetin')],
    ['related', (cs) => cs.related('J0881')],
    ['modifiers', (cs) => cs.allModifiers().length],
  ];
  const forward = fresh();
  const first = questions.map(([, ask]) => ask(forward));
  const backward = fresh();
  const reversed = [...questions].reverse().map(([, ask]) => ask(backward)).reverse();
  questions.forEach(([name], i) => assert.deepEqual(reversed[i], first[i], name));
  // asked again, the same objects
  assert.equal(forward.lookup('J0881', ON)!.record, forward.lookup('J0881', ON)!.record);
  assert.equal(forward.ndcRows('55513-0002-04'), forward.ndcRows('55513000204'));
  const answer = (name: string) => first[questions.findIndex(([n]) => n === name)];
  assert.ok((answer('ndc') as unknown[]).length > 0, 'the NDC is in the excerpt');
  assert.ok(answer('drug') && answer('drug, newest') && !answer('no drug'), 'the drugs are in the excerpt');
});

test('a compiled index is written ASCII-only and read back as the same value', () => {
  const rows: [string, string][] = [
    ['ASCII', '1 MG'],
    ['a no-break space (CMS writes "1 million PFU" with one)', '1\u00a0million PFU'],
    ['a line separator', 'a\u2028b'],
    ['a character outside the BMP (two UTF-16 units)', 'dose \u{1F489}'],
    ['a lone surrogate', 'x\ud800y'],
  ];
  for (const [name, dosage] of rows) {
    const index = { ...compiledSet(), asp: [{ label: 'ASP', prices: [['J0881', dosage, 1] as [string, string, number]], ndc: [] }] };
    const json = indexJson(index);
    const bytes = Buffer.from(json, 'utf8');
    assert.equal(bytes.length, json.length, `${name}: one byte per character`);
    assert.deepEqual(compiledOf(textOf(bytes)), JSON.parse(JSON.stringify(index)), name);
    assert.equal(loadIndex(textOf(bytes)).asp('J0881')?.dosage, dosage, name);
    // text that is not ASCII is still read as UTF-8
    assert.equal(textOf(Buffer.from(dosage, 'utf8')), Buffer.from(dosage, 'utf8').toString('utf8'), name);
  }
});
