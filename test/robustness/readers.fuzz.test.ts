// Every reader, every languageId: random text, random bytes, mutated real samples, a damaged ISA,
// a 10 MB single line, 100k-deep JSON, invalid UTF-8 and NULs. Nothing may throw, every range must
// lie inside the text, and the same input must give the same model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/documents/index';
import type { ClaimDocument } from '../../server/src/model';
import { samplesDir } from '../support/paths';
import {
  LANGUAGE_IDS,
  URI_FOR_LANGUAGE,
  assertOffsetsInside,
  bytesAsText,
  claimishText,
  fuzzParams,
  mutateAll,
  mutationArb,
  truncatedIsa,
} from '../support/fuzz';
import { needs } from '../support/needs';

const DRUG_WORDS = new Set(['tacrolimus', 'cyclosporine', 'sirolimus', 'omalizumab', 'mycophenolate']);
const isDrugName = (word: string) => DRUG_WORDS.has(word);

/** parse once, check the invariants, parse again and compare: the helper every row goes through */
function checkReader(text: string, languageId: string, uri = `file:///w/doc-${languageId}`): ClaimDocument {
  const model = parseDocument(text, { languageId, uri, isDrugName });
  assert.equal(model.length, text.length, `${languageId}: model.length is the text length`);
  assert.ok(['x12', 'csv', 'fhir', 'prose'].includes(model.format), `${languageId}: format ${model.format}`);
  assertOffsetsInside(model, text.length, languageId);
  const again = parseDocument(text, { languageId, uri, isDrugName });
  assert.deepEqual(again, model, `${languageId}: same text, same model`);
  return model;
}

const uriFor = (languageId: string, pick: number) => {
  const list = URI_FOR_LANGUAGE[languageId] ?? ['file:///w/a.dat'];
  return list[pick % list.length]!;
};

test('random claim-ish text: no reader throws, ranges inside, deterministic', () => {
  fc.assert(
    fc.property(claimishText(), fc.constantFrom(...LANGUAGE_IDS), fc.nat(), (text, languageId, pick) => {
      checkReader(text, languageId, uriFor(languageId, pick));
    }),
    fuzzParams(600),
  );
});

test('random bytes read as UTF-8 (invalid -> U+FFFD) or latin1 (NULs kept)', () => {
  fc.assert(
    fc.property(bytesAsText(), fc.constantFrom(...LANGUAGE_IDS), (text, languageId) => {
      checkReader(text, languageId);
    }),
    fuzzParams(300),
  );
});

interface Sample {
  name: string;
  languageId: string;
  text: string;
}

function samples(): Sample[] {
  const dir = samplesDir();
  if (!dir) return [];
  const out: Sample[] = [];
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const name of readdirSync(join(dir, sub.name)).sort()) {
      const ext = extname(name).toLowerCase();
      const languageId = ext === '.json' ? 'json' : ext === '.csv' || ext === '.psv' ? 'csv' : 'x12';
      out.push({ name: `${sub.name}/${name}`, languageId, text: readFileSync(join(dir, sub.name, name), 'utf8') });
    }
  }
  return out;
}

test('real samples parse cleanly, then survive deletions, duplications, swaps, separator changes and truncation', (t) => {
  const all = samples();
  if (needs.samples) return t.skip(needs.samples);
  assert.ok(all.length, 'the samples are there');
  for (const sample of all) {
    const model = checkReader(sample.text, sample.languageId, `file:///w/${sample.name}`);
    assert.ok(model.claims.length + model.mentions.length > 0, `${sample.name}: something was read`);
  }
  // the big samples are cut to 20 kB so the fuzz stays fast: the reader sees a truncated file, which is itself a case
  const small = all.map((s) => ({ ...s, text: s.text.slice(0, 20_000) }));
  fc.assert(
    fc.property(fc.constantFrom(...small), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (sample, mutations) => {
      checkReader(mutateAll(sample.text, mutations), sample.languageId, `file:///w/${sample.name}`);
    }),
    fuzzParams(400),
  );
});

test('the same mutated samples under every other languageId (a wrong hint must not crash)', (t) => {
  const all = samples().map((s) => ({ ...s, text: s.text.slice(0, 8_000) }));
  if (needs.samples) return t.skip(needs.samples);
  assert.ok(all.length, 'the samples are there');
  fc.assert(
    fc.property(fc.constantFrom(...all), fc.constantFrom(...LANGUAGE_IDS), fc.array(mutationArb, { maxLength: 3 }), (sample, languageId, mutations) => {
      checkReader(mutateAll(sample.text, mutations), languageId);
    }),
    fuzzParams(200),
  );
});

test('an ISA cut short at every length from 0 to 106 characters', (t) => {
  const x12 = samples()
    .filter((s) => s.languageId === 'x12')
    .map((s) => ({ ...s, text: s.text.slice(0, 4_000) }));
  if (needs.samples) return t.skip(needs.samples);
  assert.ok(x12.length, 'the samples are there');
  for (const sample of x12) {
    for (let keep = 0; keep <= 106; keep++) {
      checkReader(truncatedIsa(sample.text, keep), 'x12', `file:///w/${sample.name}`);
      checkReader(sample.text.slice(0, keep), 'x12');
    }
  }
});

// Hand-written hostile inputs; a row fails with its name.
const hostile: { name: string; languageId: string; text: () => string }[] = [
  { name: 'empty x12', languageId: 'x12', text: () => '' },
  { name: 'only a BOM', languageId: 'x12', text: () => '\uFEFF' },
  { name: 'ISA with nothing after the element separator', languageId: 'x12', text: () => 'ISA*' },
  { name: 'ISA whose separators are all the same', languageId: 'x12', text: () => 'ISA' + '*'.repeat(103) + '\n' },
  { name: 'NUL as every separator', languageId: 'x12', text: () => 'ISA\u000000\u0000'.padEnd(104, '\u0000') + ':\u0000SV1\u0000HC:J7507\u00001\u0000UN\u00005\u0000' },
  { name: 'lone surrogates around a code', languageId: 'plaintext', text: () => '\uD800J7507\uDC00-KX x \uD83D 5 units' },
  { name: 'CSV with one unterminated quote', languageId: 'csv', text: () => 'hcpcs,units\n"J7507,5\n' + 'J7502,4\n'.repeat(1000) },
  { name: 'CSV header only, 10k columns', languageId: 'csv', text: () => Array.from({ length: 10_000 }, (_, i) => `hcpcs_${i}`).join(',') },
  { name: 'JSON with a lone high surrogate escape', languageId: 'json', text: () => '{"item":[{"productOrService":{"coding":[{"code":"J75\\ud800"}]}}]}' },
  { name: 'JSON with NULs and a truncated string', languageId: 'json', text: () => '{"resourceType":"Claim","item":[{"productOrService":\u0000{"coding":[{"code":"J7507' },
  { name: 'JSON numbers beyond double', languageId: 'json', text: () => '{"item":[{"quantity":{"value":1e999999},"productOrService":{"coding":[{"code":"J7507"}]}}]}' },
  { name: '__proto__ keys', languageId: 'json', text: () => '{"__proto__":{"item":[1]},"constructor":{"prototype":{}},"item":[{"__proto__":null}]}' },
  { name: 'markdown of a million newlines', languageId: 'markdown', text: () => '\n'.repeat(1_000_000) + 'J7507' },
  { name: 'a million CRs (CR-only line ends)', languageId: 'x12', text: () => '\r'.repeat(1_000_000) },
];

test('hand-written hostile inputs', () => {
  for (const row of hostile) {
    try {
      checkReader(row.text(), row.languageId);
    } catch (error) {
      assert.fail(`${row.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
});

test('a 10 MB single line in every format', () => {
  const tenMb = 10 * 1024 * 1024;
  const rows: { languageId: string; unit: string; prefix?: string; suffix?: string }[] = [
    // no segment terminator at all: one endless SV1 segment after a valid ISA
    { languageId: 'x12', prefix: 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~', unit: 'HC:J7507:KX*' },
    { languageId: 'csv', prefix: 'hcpcs,units,', unit: 'J7507,5,' },
    { languageId: 'json', prefix: '{"item":[{"productOrService":{"coding":[{"code":"', unit: 'J7507', suffix: '"}]}}]}' },
    { languageId: 'plaintext', unit: 'J7507-KX x 5 units tacrolimus 5 mg; ' },
    { languageId: 'markdown', unit: 'x'.repeat(64) },
  ];
  for (const row of rows) {
    const text = (row.prefix ?? '') + row.unit.repeat(Math.ceil(tenMb / row.unit.length)) + (row.suffix ?? '');
    const model = parseDocument(text, { languageId: row.languageId, uri: 'file:///w/big', isDrugName });
    assert.equal(model.length, text.length, row.languageId);
    assertOffsetsInside(model, text.length, `10 MB ${row.languageId}`);
  }
});

test('JSON nested 100,000 levels deep (arrays, objects, and inside a FHIR item)', () => {
  const depth = 100_000;
  const rows = [
    '['.repeat(depth) + ']'.repeat(depth),
    '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    '{"resourceType":"Claim","item":[{"productOrService":{"coding":[{"code":"J7507"}]},"extension":' + '[{"x":'.repeat(depth) + '0' + '}]'.repeat(depth) + '}]}',
    '['.repeat(depth), // never closed
    '{"a":'.repeat(depth), // never closed
  ];
  for (const [i, text] of rows.entries()) {
    for (const languageId of ['json', 'plaintext']) {
      try {
        checkReader(text, languageId);
      } catch (error) {
        assert.fail(`row ${i} as ${languageId}: ${error instanceof Error ? (error.stack ?? error.message).slice(0, 2000) : String(error)}`);
      }
    }
  }
});

test('invalid UTF-8 and NUL bytes spliced into real samples', (t) => {
  const all = samples().map((s) => ({ ...s, bytes: Buffer.from(s.text.slice(0, 8_000), 'utf8') }));
  if (needs.samples) return t.skip(needs.samples);
  assert.ok(all.length, 'the samples are there');
  const badBytes = fc.constantFrom(0x00, 0x80, 0xbf, 0xc0, 0xc1, 0xe2, 0xed, 0xf4, 0xf5, 0xfe, 0xff);
  fc.assert(
    fc.property(
      fc.constantFrom(...all),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), badBytes), { minLength: 1, maxLength: 10 }),
      fc.constantFrom<BufferEncoding>('utf8', 'latin1'),
      (sample, splices, encoding) => {
        const bytes = Array.from(sample.bytes);
        for (const [at, byte] of splices) bytes.splice(Math.floor(at * bytes.length), 0, byte);
        checkReader(Buffer.from(bytes).toString(encoding), sample.languageId);
      },
    ),
    fuzzParams(200),
  );
});
