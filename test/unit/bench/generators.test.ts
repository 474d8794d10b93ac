// The benchmark's generators: same seed -> same bytes, valid X12 envelopes, and files that the
// readers turn into exactly the claims and lines the generator says it wrote. Small sizes only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SEED,
  generate837p,
  generateCsv,
  generateFhirBundle,
  generateProseNote,
  type Generated,
  type GeneratorOptions,
} from '../../../bench/generate/index';
import { parseDocument } from '../../../server/src/documents/index';
import type { ClaimDocument } from '../../../server/src/model';

const SMALL = 64 * 1024;

interface FormatRow {
  id: string;
  languageId: string;
  uri: string;
  generate(seed: number): Generated;
}
const row = (id: string, languageId: string, uri: string, make: (o: GeneratorOptions) => Generated): FormatRow => ({
  id,
  languageId,
  uri,
  generate: (seed) => make({ seed, targetBytes: SMALL }),
});
const formats: FormatRow[] = [
  row('837p', 'x12', 'file:///bench/claims.837', generate837p),
  row('csv', 'csv', 'file:///bench/claim-lines.csv', generateCsv),
  row('fhir', 'json', 'file:///bench/claims-bundle.json', generateFhirBundle),
  row('prose', 'markdown', 'file:///bench/billing-notes.md', generateProseNote),
];

const HCPCS_OR_CPT = /^(?:[A-V]\d{4}|\d{5})$/;

function checkDeterministic(spec: FormatRow): void {
  const a = spec.generate(DEFAULT_SEED);
  const b = spec.generate(DEFAULT_SEED);
  const c = spec.generate(DEFAULT_SEED + 1);
  assert.equal(a.text, b.text, `${spec.id}: same seed, same bytes`);
  assert.deepEqual(a.codeOffsets, b.codeOffsets);
  assert.notEqual(a.text, c.text, `${spec.id}: another seed, other bytes`);
}

function checkShape(spec: FormatRow, g: Generated): void {
  assert.ok(g.text.length >= SMALL, `${spec.id}: ${g.text.length} >= ${SMALL}`);
  assert.ok(g.text.length < SMALL + 16 * 1024, `${spec.id}: overshoot ${g.text.length - SMALL} is one claim at most`);
  assert.ok(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(g.text), `${spec.id}: ASCII only, so characters = bytes`);
  assert.ok(g.lines > 0 && g.claims > 0);
  assert.equal(g.codeOffsets.length, g.lines, `${spec.id}: one code offset per line`);
  for (const at of g.codeOffsets) {
    const code = /^[A-Z0-9]{5}/.exec(g.text.slice(at, at + 5))?.[0] ?? '';
    assert.match(code, HCPCS_OR_CPT, `${spec.id}: offset ${at} starts a code`);
  }
  const problemLines = Object.values(g.problems).reduce((s, n) => s + n, 0);
  assert.ok(problemLines > 0 && problemLines < g.lines * 0.2, `${spec.id}: a few problem lines (${problemLines} of ${g.lines})`);
}

/** the procedure codes the reader found, by the offset where each starts */
function codesByOffset(doc: ClaimDocument): Map<number, string> {
  const out = new Map<number, string>();
  for (const claim of doc.claims) for (const line of claim.lines) out.set(line.code.range.start, line.code.value);
  return out;
}

function checkParsed(spec: FormatRow, g: Generated): void {
  const doc = parseDocument(g.text, { languageId: spec.languageId, uri: spec.uri });
  const found = codesByOffset(doc);
  if (spec.id.startsWith('prose')) {
    // prose: every Level II code the note names is read at its offset, as a billed line or (not billed) a
    // mention (CPT are labelled, not required)
    for (const m of doc.mentions) if (m.context === 'text' && !found.has(m.code.range.start)) found.set(m.code.range.start, m.code.value);
    for (const at of g.codeOffsets) {
      const code = g.text.slice(at, at + 5);
      if (/^[A-V]/.test(code)) assert.equal(found.get(at), code, `prose: ${code} at ${at}`);
    }
    return;
  }
  assert.equal(doc.claims.length, g.claims, `${spec.id}: claims`);
  assert.equal(found.size, g.lines, `${spec.id}: service lines`);
  for (const at of g.codeOffsets) assert.equal(found.get(at), g.text.slice(at, at + 5), `${spec.id}: code at ${at}`);
  assert.deepEqual(doc.problems.filter((p) => p.severity === 'error'), [], `${spec.id}: no read errors`);
}

for (const spec of formats) {
  test(`${spec.id}: deterministic`, () => checkDeterministic(spec));
  test(`${spec.id}: shape`, () => checkShape(spec, spec.generate(DEFAULT_SEED)));
  test(`${spec.id}: parses into the claims and lines it wrote`, () => checkParsed(spec, spec.generate(DEFAULT_SEED)));
}

test('837p: every ISA is 106 characters and every SE counts its segments', () => {
  const g = generate837p({ seed: 7, targetBytes: 256 * 1024 });
  assert.ok(g.interchanges >= 2, `several interchanges (${g.interchanges})`);
  const segments = g.text.split('~\n').filter(Boolean);
  let open: { control: string; count: number } | undefined;
  let isas = 0;
  let ses = 0;
  for (const s of segments) {
    const el = s.split('*');
    if (el[0] === 'ISA') {
      isas++;
      assert.equal(s.length + 1, 106, 'ISA with its terminator');
    }
    if (el[0] === 'ST') open = { control: el[2], count: 0 };
    if (open) open.count++;
    if (el[0] === 'SE') {
      ses++;
      assert.equal(Number(el[1]), open?.count, `SE01 of transaction ${el[2]}`);
      assert.equal(el[2], open?.control);
      open = undefined;
    }
  }
  assert.equal(isas, g.interchanges);
  assert.equal(ses, g.transactions);
  assert.equal(segments.length, g.segments);
});

test('837p: the problem lines are really in the text', () => {
  const g = generate837p({ seed: 11, targetBytes: 512 * 1024 });
  const rows: [string, RegExp][] = [
    ['code-not-effective', /SV1\*HC:(?:J7401|J1300)[*:]/g],
    ['modifier-not-effective', /SV1\*HC:[^*~]*:JG[*:]/g],
    ['fractional-units', /SV1\*[^~]*\*UN\*\d+\.5\*/g],
  ];
  for (const [kind, pattern] of rows) {
    const inText = g.text.match(pattern)?.length ?? 0;
    assert.equal(inText, g.problems[kind as keyof typeof g.problems], kind);
  }
});

test('837p: a tiny target still writes one whole interchange with one claim', () => {
  const g = generate837p({ seed: 3, targetBytes: 1 });
  assert.equal(g.interchanges, 1);
  assert.equal(g.transactions, 1);
  assert.equal(g.claims, 1);
  const doc = parseDocument(g.text, { languageId: 'x12' });
  assert.equal(doc.claims.length, 1);
  assert.equal(doc.claims[0].lines.length, g.lines);
});
