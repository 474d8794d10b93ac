// Compact claims (server/src/documents/compact-claims.ts): an X12 claim kept once checked holds no
// lines or diagnoses; reading them again from the text gives exactly what the first read gave, for
// every X12 fixture, sample and generated file; its outline answers the whole-document features;
// the last claims read stay at hand; a claim that no longer reads back as itself shows no lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readX12, streamX12 } from '../../../server/src/documents/x12';
import { parseDocument } from '../../../server/src/documents/index';
import { CompactClaim, lineCountOf, lineRangesOf, RECENT_CLAIMS } from '../../../server/src/documents/compact-claims';
import { claimMoney } from '../../../server/src/documents/claim-money';
import type { Claim, ClaimDocument } from '../../../server/src/model';
import { generate837p } from '../../../bench/generate/index';
import { plainModel } from '../../support/plain-model';
import { isa, x12_837p } from '../../support/x12';
import { repoRoot, samplesDir } from '../../support/paths';

const isDrugName = (w: string) => ['tacrolimus', 'sirolimus'].includes(w);

/** streamed as the service streams a model it keeps: claims handed to a sink, kept compact */
function compactRead(text: string, compactClaims = true): ClaimDocument {
  const stream = streamX12(text, { isDrugName, compactClaims }, () => {}, true);
  stream.readTo(text.length);
  return stream.document;
}

/** drops the details kept at hand, so every claim is read again from the text */
function forgetDetails(model: ClaimDocument, text: string): void {
  const compact = model.claims.find((c): c is CompactClaim<unknown> => c instanceof CompactClaim);
  compact?.holder.moved(text);
}

function x12Files(dir: string | undefined): { name: string; text: string }[] {
  if (!dir) return [];
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(837|835|edi|x12|txt)$/.test(name)) {
        const text = readFileSync(p, 'utf8');
        if (/^\s*ISA/.test(text)) out.push({ name: relative(dir, p), text });
      }
    }
  };
  walk(dir);
  return out;
}

const twoInterchanges = (() => {
  const first = x12_837p(['CLM*A1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940*ABF:V7389', 'LX*1', 'SV1*HC:J7507:KX*125*UN*5***1:2', 'DTP*472*D8*20251105', 'NTE*ADD*tacrolimus 1 mg']);
  const second = isa({ element: '|', component: '>', segment: '\n' }, '000000002').replace(/\n$/, '');
  const body = x12_837p(['CLM|B1|50|||11>B>1|Y|A|Y|Y', 'HI|ABK>E119', 'LX|1', 'SV1|HC>J7507>KX|50|UN|3|||1', 'DTP|472|D8|20251105'], { element: '|', component: '>', segment: '\n', newline: '' });
  return first + second + '\n' + body.slice(107);
})();

const rows: { name: string; text: string }[] = [
  ...x12Files(join(repoRoot, 'test', 'fixtures')),
  ...x12Files(samplesDir()),
  { name: 'two interchanges, the second with | > and newline separators', text: twoInterchanges },
  { name: 'generated 837P, 600 kB (more claims than are kept at hand)', text: generate837p({ seed: 1, targetBytes: 600_000 }).text },
  { name: 'generated 837P, every line with a problem', text: generate837p({ seed: 3, targetBytes: 200_000, problemRate: 1 }).text },
];

test('every claim read again from the text equals the claim read first (fixtures, samples, generated)', () => {
  let compactClaims = 0;
  for (const row of rows) {
    const whole = readX12(row.text, { isDrugName });
    const compact = compactRead(row.text);
    forgetDetails(compact, row.text);
    assert.deepEqual(plainModel(compact), whole, row.name);
    compactClaims += compact.claims.filter((c) => c instanceof CompactClaim).length;
  }
  assert.ok(rows.length >= 15, `${rows.length} files`);
  assert.ok(compactClaims > 1500, `${compactClaims} compact claims`);
});

const keptRows: { name: string; read: (text: string) => ClaimDocument; compact: boolean }[] = [
  { name: 'streamed with compactClaims, claims kept', read: (t) => compactRead(t), compact: true },
  { name: 'twin: streamed without compactClaims', read: (t) => compactRead(t, false), compact: false },
  { name: 'parseDocument (the library, the format table)', read: (t) => parseDocument(t, { languageId: 'x12', isDrugName }), compact: true },
  { name: 'twin: readX12 without compactClaims (read whole)', read: (t) => readX12(t, { isDrugName }), compact: false },
];

for (const row of keptRows) {
  test(`compact claims: ${row.name}`, () => {
    const model = row.read(twoInterchanges);
    assert.equal(model.claims.length, 2);
    for (const claim of model.claims) {
      assert.equal(claim instanceof CompactClaim, row.compact);
      assert.equal(Object.keys(claim).includes('lines'), !row.compact, 'a compact claim owns no lines');
      assert.equal(claim.outline !== undefined, row.compact);
    }
    // the containers list the same claim objects as the document
    const transactions = model.containers.filter((c) => c.kind === 'transaction');
    assert.deepEqual(transactions.map((t) => t.claims[0]), model.claims);
  });
}

test('the outline of a compact claim answers as its lines would: ranges, count, money', () => {
  for (const row of rows) {
    const whole = readX12(row.text, { isDrugName });
    const compact = compactRead(row.text);
    compact.claims.forEach((claim, i) => {
      const eager: Claim = whole.claims[i]!;
      assert.deepEqual(lineRangesOf(claim), lineRangesOf(eager), `${row.name}: claim ${i} line ranges`);
      assert.equal(lineCountOf(claim), eager.lines.length, `${row.name}: claim ${i} line count`);
      assert.deepEqual(claimMoney(claim), claimMoney(eager), `${row.name}: claim ${i} money`);
    });
  }
});

test('the last claims read stay at hand (same objects); one read long ago is read again (equal objects)', () => {
  const text = rows.find((r) => r.name.startsWith('generated 837P, 600 kB'))!.text;
  const model = compactRead(text);
  assert.ok(model.claims.length > 2 * RECENT_CLAIMS + 1, `${model.claims.length} claims`);
  const [first] = model.claims;
  const lines = first!.lines;
  assert.equal(first!.lines, lines, 'read twice in a row: the same array');
  for (const other of model.claims.slice(1, RECENT_CLAIMS)) void other.lines;
  // (asking again makes it the latest read)
  assert.equal(first!.lines, lines, `${RECENT_CLAIMS - 1} other claims read since: still at hand`);
  for (const other of model.claims.slice(RECENT_CLAIMS, 2 * RECENT_CLAIMS)) void other.lines;
  const again = first!.lines;
  assert.notEqual(again, lines, `${RECENT_CLAIMS} other claims read since: read again`);
  assert.deepEqual(again, lines);
});

const rereadRows: { name: string; change: (text: string, at: number) => string; lines: number }[] = [
  { name: 'the claim still there', change: (t) => t, lines: 1 },
  { name: 'its CLM overwritten (no longer a claim)', change: (t, at) => t.slice(0, at) + 'XYZ' + t.slice(at + 3), lines: 0 },
  { name: 'a claim that now ends elsewhere', change: (t, at) => t.slice(0, at) + t.slice(at).replace('LX*1', 'CLM*Z9'), lines: 0 },
];

for (const row of rereadRows) {
  test(`a compact claim read from changed text: ${row.name}`, () => {
    const model = compactRead(twoInterchanges);
    const claim = model.claims[0]!;
    forgetDetails(model, row.change(twoInterchanges, claim.range.start));
    assert.equal(claim.lines.length, row.lines);
    assert.equal(claim.diagnoses.length, row.lines ? 2 : 0);
  });
}
