// Compact claims of a claim table (server/src/documents/csv.ts with compactClaims): a claim holds
// its rows' offsets, and reading its lines and diagnoses again from them gives exactly what the
// whole read gave, for every table among the fixtures and samples, generated tables and edge cases;
// tables whose claims' rows interleave stay whole; a claim whose rows changed shows no lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readCsv } from '../../../server/src/documents/csv';
import { detectFormat, parseDocument } from '../../../server/src/documents/index';
import { CompactClaim, lineCountOf, lineRangesOf } from '../../../server/src/documents/compact-claims';
import { claimMoney } from '../../../server/src/documents/claim-money';
import type { ClaimDocument } from '../../../server/src/model';
import { generateCsv } from '../../../bench/generate/index';
import { plainModel } from '../../support/plain-model';
import { repoRoot, samplesDir } from '../../support/paths';

const isDrugName = (w: string) => ['tacrolimus', 'sirolimus'].includes(w);
const TABLE_FILE = /\.(csv|tsv|psv)$/;

function delimiterOf(name: string): string | undefined {
  return name.endsWith('.tsv') ? '\t' : name.endsWith('.psv') ? '|' : undefined;
}

function tables(dir: string | undefined): { name: string; text: string; delimiter?: string }[] {
  if (!dir) return [];
  const out: { name: string; text: string; delimiter?: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (TABLE_FILE.test(name)) {
        const text = readFileSync(p, 'utf8');
        // claim tables only: the CMS release excerpts are tables of codes, read by the importer
        if (detectFormat(text, { uri: `file:///${name}` }) === 'csv') out.push({ name: relative(dir, p), text, delimiter: delimiterOf(name) });
      }
    }
  };
  walk(dir);
  return out;
}

const handWritten: { name: string; text: string; compact: boolean }[] = [
  { name: 'claims in order, a row without a code adds a diagnosis', text: 'Claim ID,HCPCS,Units,Charge,Diagnosis 1\nA1,J7507,5,125.00,Z940\nA1,,,,E119\nB2,J1100,2,$1,000.50,I10\n', compact: true },
  { name: 'twin: the same rows with claim A1 interleaved with B2 (stays whole)', text: 'Claim ID,HCPCS,Units,Charge,Diagnosis 1\nA1,J7507,5,125.00,Z940\nB2,J1100,2,$1,000.50,I10\nA1,J7508,1,10,E119\n', compact: false },
  { name: 'no claim id column: each coded row its own claim', text: 'HCPCS,Modifier 1,Units\nJ7507,KX,5\n\nJ7508,,1\n', compact: true },
  { name: 'quoted cells with a delimiter, a doubled quote and a line break', text: 'Claim ID,HCPCS,Description,Units\nA1,J3490,"tacrolimus 1 mg, ""brand""\nsecond line",5\nA1,J7507,"x",1\nB2,J7508,"",2\n', compact: true },
  { name: 'a charge that is not an amount: no sum in the outline', text: 'Claim ID,HCPCS,Charge\nA1,J7507,12x\nA1,J7508,3\n', compact: true },
  { name: 'semicolons and a BOM', text: '\ufeffClaim ID;HCPCS;Modifiers;DOS\nA1;J7507;KX GA;11/05/2025\nA1;J7508;;11/06/2025\n', compact: true },
];

const rows = [
  ...tables(join(repoRoot, 'test', 'fixtures')).map((t) => ({ ...t, compact: undefined })),
  ...tables(samplesDir()).map((t) => ({ ...t, compact: undefined })),
  ...handWritten.map((t) => ({ ...t, delimiter: undefined })),
  { name: 'generated table, 600 kB (more claims than are kept at hand)', text: generateCsv({ seed: 1, targetBytes: 600_000 }).text, delimiter: undefined, compact: true },
  { name: 'generated table, every line with a problem', text: generateCsv({ seed: 3, targetBytes: 200_000, problemRate: 1 }).text, delimiter: undefined, compact: true },
];

/** drops the details kept at hand, so every claim is read again from the text */
function forgetDetails(model: ClaimDocument, text: string): void {
  const compact = model.claims.find((c): c is CompactClaim<unknown> => c instanceof CompactClaim);
  compact?.holder.moved(text);
}

test('every table claim read again from its rows equals the claim read whole (fixtures, samples, generated, edge cases)', () => {
  let compactClaims = 0;
  for (const row of rows) {
    const whole = readCsv(row.text, { isDrugName, delimiter: row.delimiter });
    const compact = readCsv(row.text, { isDrugName, delimiter: row.delimiter, compactClaims: true });
    forgetDetails(compact, row.text);
    assert.deepEqual(plainModel(compact), whole, row.name);
    const compacted = compact.claims.filter((c) => c instanceof CompactClaim).length;
    if (row.compact !== undefined) assert.equal(compacted > 0, row.compact, `${row.name}: compact`);
    compactClaims += compacted;
  }
  assert.ok(rows.length >= 12, `${rows.length} tables`);
  assert.ok(compactClaims > 1500, `${compactClaims} compact claims`);
});

test('the outline of a compact table claim answers as its lines would: ranges, count, money', () => {
  for (const row of rows) {
    const whole = readCsv(row.text, { isDrugName, delimiter: row.delimiter });
    const compact = readCsv(row.text, { isDrugName, delimiter: row.delimiter, compactClaims: true });
    compact.claims.forEach((claim, i) => {
      const eager = whole.claims[i]!;
      assert.deepEqual(lineRangesOf(claim), lineRangesOf(eager), `${row.name}: claim ${i} line ranges`);
      assert.equal(lineCountOf(claim), eager.lines.length, `${row.name}: claim ${i} line count`);
      assert.deepEqual(claimMoney(claim), claimMoney(eager), `${row.name}: claim ${i} money`);
    });
  }
});

test('parseDocument reads a claim table compact; the table lists the same claim objects', () => {
  const model = parseDocument(handWritten[0]!.text, { languageId: 'csv', isDrugName });
  assert.equal(model.claims.length, 2);
  for (const claim of model.claims) {
    assert.ok(claim instanceof CompactClaim);
    assert.equal(Object.keys(claim).includes('lines'), false, 'a compact claim owns no lines');
  }
  assert.deepEqual(model.containers[0]!.claims, model.claims);
  assert.deepEqual(model.claims[0]!.diagnoses.map((d) => d.value), ['Z940', 'E119']);
});

const changedRows: { name: string; change: (text: string) => string; lines: number; diagnoses: number }[] = [
  { name: 'the rows unchanged', change: (t) => t, lines: 1, diagnoses: 2 },
  { name: 'the first row now of another claim id', change: (t) => t.replace('A1,J7507', 'C3,J7507'), lines: 0, diagnoses: 0 },
  { name: 'the row adding a diagnosis now of another claim id', change: (t) => t.replace('A1,,', 'C3,,'), lines: 0, diagnoses: 0 },
];

for (const row of changedRows) {
  test(`a compact table claim read from changed text: ${row.name}`, () => {
    const text = handWritten[0]!.text;
    const model = readCsv(text, { isDrugName, compactClaims: true });
    forgetDetails(model, row.change(text));
    assert.equal(model.claims[0]!.lines.length, row.lines);
    assert.equal(model.claims[0]!.diagnoses.length, row.diagnoses);
  });
}
