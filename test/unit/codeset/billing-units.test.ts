// The billing unit of hard descriptors: combinations, thresholds, rings billed each, per-dose
// codes; with and without the ASP dosage. One row per case; the kind and certainty are part of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { billingUnitFor } from '../../../server/src/codeset/drugs';

interface Row {
  code: string;
  long: string;
  asp?: string;
  /** 'amount unit kind', plus ' uncertain' and ' asp' when so */
  expect: string;
  components?: string[];
}

const rows: Row[] = [
  // combinations: a total in parentheses is the unit; without one the descriptor is uncertain
  { code: 'J2543', long: 'Injection, piperacillin sodium/tazobactam sodium, 1 gram/0.125 grams (1.125 grams)', expect: '1.125 g amount', components: ['1 gram', '0.125 grams'] },
  { code: 'J2543', long: 'Injection, piperacillin sodium/tazobactam sodium, 1 gram/0.125 grams (1.125 grams)', asp: '1.125 GM', expect: '1.125 g amount asp', components: ['1 gram', '0.125 grams'] },
  { code: 'J0458', long: 'Injection, aztreonam/avibactam, 7.5 mg/2.5 mg (10 mg)', expect: '10 mg amount', components: ['7.5 mg', '2.5 mg'] },
  { code: 'J0714', long: 'Injection, ceftazidime and avibactam, 0.5 g/0.125 g', expect: '0.5 g amount uncertain', components: ['0.5 g', '0.125 g'] },
  { code: 'J0714', long: 'Injection, ceftazidime and avibactam, 0.5 g/0.125 g', asp: '.625 GM', expect: '0.625 g amount asp', components: ['0.5 g', '0.125 g'] },
  { code: 'J0695', long: 'Injection, ceftolozane 50 mg and tazobactam 25 mg', expect: '50 mg amount uncertain', components: ['50 mg', '25 mg'] },
  { code: 'J0695', long: 'Injection, ceftolozane 50 mg and tazobactam 25 mg', asp: '75mg (50mg cft/25mg taz)', expect: '75 mg amount asp', components: ['50 mg', '25 mg'] },
  { code: 'J1454', long: 'Injection, fosnetupitant 235 mg and palonosetron 0.25 mg', expect: '235 mg amount uncertain', components: ['235 mg', '0.25 mg'] },
  { code: 'J1454', long: 'Injection, fosnetupitant 235 mg and palonosetron 0.25 mg', asp: '0.25 MG', expect: '0.25 mg amount asp', components: ['235 mg', '0.25 mg'] },
  { code: 'J8655', long: 'Netupitant 300 mg and palonosetron 0.5 mg, oral', asp: '0.5 MG', expect: '0.5 mg amount asp', components: ['300 mg', '0.5 mg'] },
  // thresholds and ranges are their own kinds
  { code: 'Q9992', long: 'Injection, buprenorphine extended-release (sublocade), greater than 100 mg', expect: '100 mg greater-than' },
  { code: 'Q9992', long: 'Injection, buprenorphine extended-release (sublocade), greater than 100 mg', asp: 'GREATER THAN 100 MG', expect: '100 mg greater-than asp' },
  { code: 'Q9991', long: 'Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg', expect: '100 mg up-to' },
  { code: 'J7296', long: 'Levonorgestrel-releasing intrauterine contraceptive system (kyleena), 19.5 mg', expect: '19.5 mg amount' },
  { code: 'J1100', long: 'Injection, dexamethasone sodium phosphate, 1 mg', expect: '1 mg amount' },
  { code: 'J0775', long: 'Injection, collagenase, clostridium histolyticum, 0.01 mg', expect: '0.01 mg amount' },
  { code: 'J7192', long: 'Factor viii (antihemophilic factor, recombinant) per i.u., not otherwise specified', expect: '1 units per' },
  { code: 'J7030', long: 'Infusion, normal saline solution , 1000 cc', expect: '1000 ml amount' },
  // rings and systems billed each: the rates per 24 hours are not the unit
  { code: 'J7294', long: 'Segesterone acetate and ethinyl estradiol 0.15mg, 0.013mg per 24 hours; yearly vaginal system, each', expect: '1 each each' },
  { code: 'J7295', long: 'Ethinyl estradiol and etonogestrel 0.015mg, 0.12mg per 24 hours; monthly vaginal ring, each', expect: '1 each each' },
  { code: 'J9266', long: 'Injection, pegaspargase, per single dose vial', expect: '1 vial each' },
  { code: 'Q2041', long: 'Axicabtagene ciloleucel, up to 200 million autologous anti-cd19 car positive viable t cells, including leukapheresis and dose preparation procedures, per therapeutic dose', expect: '1 dose per-dose' },
];

function describe(code: string, long: string, asp?: string): string {
  const u = billingUnitFor(long.toLowerCase(), asp);
  if (!u) return `${code}: none`;
  return `${code}: ${u.amount} ${u.unit} ${u.kind}${u.uncertain ? ' uncertain' : ''}${u.source === 'asp' ? ' asp' : ''}`;
}

test('billing units of hard descriptors, with and without the ASP dosage', () => {
  for (const row of rows) {
    assert.equal(describe(row.code, row.long, row.asp), `${row.code}: ${row.expect}`, row.long);
    assert.deepEqual(billingUnitFor(row.long.toLowerCase(), row.asp)?.components, row.components, `${row.code} components`);
  }
});
