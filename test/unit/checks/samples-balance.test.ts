// The real X12 samples, balanced or not: which files balance, and for those that do not, how many
// claims and why (each checked by hand arithmetic; see the comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplesDir } from '../../support/paths';
import { check, coreCodeSet } from './harness';
import { reasons } from '../../support/needs';

const BALANCE_RULES = new Set(['claim-total-mismatch', 'missing-line-charge', 'ndc-quantity-not-positive', 'invalid-amount', 'remit-line-balance', 'remit-claim-balance', 'remit-paid-vs-lines', 'remit-payment-balance']);

/** file -> the balancing findings ("rule message"), for the files that do not balance */
const UNBALANCED: Record<string, string[]> = {
  // CLM*9999*99.99 over SV1 99.99 and SV1 9.99, five times
  '837p/Inteligenz-X12Parser__837P_5010_MedicaidExample.edi': Array(5).fill('claim-total-mismatch CLM02 is 99.99; the lines (SV102) add up to 109.98 (99.99 + 9.99)'),
  // a parser's test file: every CLM02 is 500 over lines of 12.25 to 13.26
  '837p/imsweb-x12-parser__x12_complex.edi': [
    'claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 25.51 (12.25 + 13.26)',
    'claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 12.26',
    'claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 24.61 (12.30 + 12.31)',
    'claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 25.51 (12.25 + 13.26)',
    'claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 12.26',
    'claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 24.61 (12.30 + 12.31)',
  ],
  '837p/imsweb-x12-parser__x12_valid_different_separators.edi': Array(2).fill('claim-total-mismatch CLM02 is 500.00; the lines (SV102) add up to 12.25'),
};

test('real X12 samples: 11 of 14 balance (both 835s, with 469 claims in 157 transactions, among them)', (t) => {
  const dir = samplesDir();
  if (!dir) return t.skip(reasons.samples);
  const codeset = coreCodeSet();
  const actual: Record<string, string[]> = {};
  let files = 0;
  for (const kind of ['837p', '837i', '835']) {
    for (const name of readdirSync(join(dir, kind)).sort()) {
      files++;
      const found = check(readFileSync(join(dir, kind, name), 'utf8'), { codeset, uri: name });
      const balance = found.filter((f) => BALANCE_RULES.has(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`);
      if (balance.length) actual[`${kind}/${name}`] = balance;
    }
  }
  assert.equal(files, 14);
  assert.deepEqual(actual, UNBALANCED);
});
