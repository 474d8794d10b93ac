// The ASP pricing file and NDC-HCPCS crosswalk: real Oct 2025 files and hand-made edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aspDir, octoberAsp } from '../../support/paths';
import { importAspCrosswalk, importAspPricing } from '../../../server/src/codeset/import/asp';
import { normalizeNdc } from '../../../server/src/codeset/ndc';
import { needs } from '../../support/needs';

const dir = aspDir();
const skip = needs.october;

test('NDC normalisation to 11 digits', () => {
  const rows: [string, string | undefined][] = [
    ['00378-2045-01', '00378204501'],
    ['0378-2045-01', '00378204501'], // 4-4-2
    ['50090-016-00', '50090001600'], // 5-3-2
    ['13533-0636-1', '13533063601'], // 5-4-1
    ['00378204501', '00378204501'],
    ['GG100', undefined],
    ['888867413689', undefined],
    ['', undefined],
  ];
  for (const [raw, expected] of rows) assert.equal(normalizeNdc(raw), expected, raw);
});

test('hand-made ASP files: preamble, Windows-1252, CPT rows dropped, trailing columns', () => {
  const pricing = Buffer.from(
    'Payment Allowance Limits for Medicare Part B Drugs,,\r\n"Effective October 1, 2025 through December 31, 2025",,\r\n,,\r\n' +
      'HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Notes,,,,\r\n90371,Hep b ig im,1 ML,134.194,,,,,\r\n' +
      'J7507,Tacrolimus imme rel oral 1mg,1 MG,0.169,,,,,\r\nA9606,Radium,1 microCurie,N/A,"microCurie\xa0100% AWP",,,,\r\n',
    'latin1',
  );
  const p = importAspPricing(pricing);
  assert.ok(p.ok);
  assert.equal(p.label, 'ASP October 2025');
  // A9606's 'N/A' limit keeps its row (NaN limit): the code is listed, its dosage is its billing unit
  assert.deepEqual(p.rows, [{ code: 'J7507', dosage: '1 MG', paymentLimit: 0.169 }, { code: 'A9606', dosage: '1 microCurie', paymentLimit: NaN }]);
  assert.equal(p.problems.length, 0);
  const bad = importAspPricing(Buffer.from('a,b\r\n1,2\r\n'), 'prices.csv');
  assert.ok(!bad.ok && /^prices\.csv: not an ASP pricing file/.test(bad.error));
});

test('real Oct 2025 ASP pricing file', { skip }, () => {
  const p = importAspPricing(readFileSync(join(dir!, 'asp_pricing.csv')));
  assert.ok(p.ok);
  assert.equal(p.label, 'ASP October 2025');
  // 978 Level II rows; A9606 has no numeric limit ('N/A') and is kept with a NaN limit
  assert.equal(p.rows.length, 978);
  assert.ok(Number.isNaN(p.rows.find((r) => r.code === 'A9606')?.paymentLimit));
  assert.equal(p.rows.filter((r) => !/^[A-V]\d{4}$/.test(r.code)).length, 0, 'no CPT rows');
  const by = new Map(p.rows.map((r) => [r.code, r]));
  const rows: [string, string, number][] = [
    ['J7507', '1 MG', 0.169],
    ['J0561', '100,000 UNITS', 30.011],
    ['J7402', '10 MCG', 11.345],
  ];
  for (const [code, dosage, limit] of rows) assert.deepEqual(by.get(code), { code, dosage, paymentLimit: limit }, code);
});

// ../shared's file, else its committed excerpt (every row of the codes the tests name)
test('real Oct 2025 NDC-HCPCS crosswalk', () => {
  const x = importAspCrosswalk(readFileSync(join(octoberAsp(), 'asp_crosswalk.csv')));
  assert.ok(x.ok);
  assert.equal(x.label, 'ASP October 2025');
  assert.equal(x.rows.filter((r) => !/^[A-V]\d{4}$/.test(r.code)).length, 0, 'no CPT rows');
  assert.ok(x.rows.every((r) => /^\d{11}$/.test(r.ndc)));
  console.log(`crosswalk: ${x.rows.length} Level II NDC rows for ${new Set(x.rows.map((r) => r.code)).size} codes; ${x.problems.length} rows with unreadable NDCs skipped`);
  const j7507 = x.rows.find((r) => r.ndc === '00378204501');
  assert.deepEqual(j7507, {
    ndc: '00378204501', code: 'J7507', drugName: 'Tacrolimus', labeler: 'Mylan Pharmaceuticals Inc.', hcpcsDosage: '1 MG',
    packageSize: 100, packageQuantity: 1, billUnits: 50, billUnitsPerPackage: 50,
  });
  const j0561 = x.rows.filter((r) => r.code === 'J0561');
  assert.ok(j0561.length >= 5 && j0561.every((r) => r.hcpcsDosage === '100,000 UNITS'));
});
