// The look-up behind "HCPCS: Look up code…" and the hcpcs/lookup request: by code, code start,
// drug name or descriptor words, with the status on the date asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupCodes } from '../../../server/src/features/lookup';
import type { LookupResult } from '../../../server/src/protocol';
import { coreSet, fullSet } from './support';

const TODAY = '2025-11-20';

const rows: { name: string; query: unknown; date?: unknown; full?: boolean; expect: (r: LookupResult) => void }[] = [
  { name: 'an exact code comes first', query: 'J7500', expect: (r) => assert.equal(r.items[0]?.code, 'J7500') },
  { name: 'lower case code', query: 'j7500', expect: (r) => assert.equal(r.items[0]?.code, 'J7500') },
  { name: 'a code start lists codes in order', query: 'J750', expect: (r) => assert.deepEqual(r.items.slice(0, 2).map((i) => i.code), ['J7500', 'J7501']) },
  { name: 'a drug name finds its codes', query: 'tacrolimus', expect: (r) => assert.ok(r.items.some((i) => i.code === 'J7507')) },
  { name: 'descriptor words', query: 'wheelchair', full: true, expect: (r) => assert.ok(r.items.length > 3 && r.items.every((i) => /wheelchair|whlchr|w\/c/i.test(i.long + i.short))) },
  { name: 'drug unit shown', query: 'J7507', expect: (r) => assert.match(r.items[0]?.unit ?? '', /^1 unit = /) },
  { name: 'status on today by default', query: 'J7500', expect: (r) => assert.equal(r.date, TODAY) },
  { name: 'status on a date given as MM/DD/YYYY', query: 'J7500', date: '11/05/2025', expect: (r) => assert.equal(r.date, '2025-11-05') },
  { name: 'an impossible date falls back to today', query: 'J7500', date: '2025-02-30', expect: (r) => assert.equal(r.date, TODAY) },
  { name: 'a code before it was added: not yet effective', query: 'J9035', date: '1990-01-01', full: true, expect: (r) => assert.deepEqual([r.items[0]?.status, r.items[0]?.statusText], ['not-yet-effective', 'not yet effective']) },
  { name: 'the same code on a later date: active', query: 'J9035', date: '2025-11-05', full: true, expect: (r) => assert.equal(r.items[0]?.status, 'active') },
  { name: 'empty query: a hint, no items', query: '  ', expect: (r) => assert.ok(r.items.length === 0 && /Type a code/.test(r.message ?? '')) },
  { name: 'not a string: a hint, no items', query: 42, expect: (r) => assert.ok(r.items.length === 0 && r.message) },
  { name: 'too long: says the limit', query: 'x'.repeat(201), expect: (r) => assert.match(r.message ?? '', /longer than 200/) },
  { name: 'nothing matches: says so', query: 'zzzzqqq', expect: (r) => assert.ok(r.items.length === 0 && /No code matches "zzzzqqq"/.test(r.message ?? '')) },
  { name: 'at most 50 items', query: 'A', full: true, expect: (r) => assert.equal(r.items.length, 50) },
  { name: 'CPT-looking query gives no CPT text', query: '99213', expect: (r) => assert.equal(r.items.length, 0) },
];

for (const row of rows) {
  test(`look-up: ${row.name}`, () => {
    const codeset = row.full ? fullSet() : coreSet();
    row.expect(lookupCodes(codeset, row.query, row.date, TODAY));
  });
}
