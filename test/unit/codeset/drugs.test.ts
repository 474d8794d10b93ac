// The drug model: table rows of descriptors -> unit, names, route, NOC; then every J code of the
// real release, checked against the ASP file's dosage column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, releaseFile, sharedDir, sharedRelease } from '../../support/paths';
import { drugInfoOf } from '../../../server/src/codeset/drugs';
import { parseAspDosage, sameBillingUnit } from '../../../server/src/codeset/units';
import { importRelease } from '../../../server/src/codeset/import/release';
import { importAspPricing } from '../../../server/src/codeset/import/asp';
import type { CodeRecord, DrugInfo } from '../../../server/src/codeset/types';
import { needs, reasons } from '../../support/needs';

const rec = (code: string, long: string, pricing: string[] = []): CodeRecord => ({ code, short: '', long, pricing, xrefs: [], tos: [] });

/** expected: 'amount unit' (+ ' upto'), or 'NOC', or '-' for no unit; names; route */
function checkDrug(code: string, long: string, unit: string, names: string[], route: DrugInfo['route']): void {
  const d = drugInfoOf(rec(code, long, ['51'])); // pricing indicator 51 = drugs, as in the release
  assert.ok(d, `${code} is a drug code`);
  const got = d.noc ? 'NOC' : d.unit ? `${d.unit.amount} ${d.unit.unit}${d.unit.upTo ? ' upto' : ''}` : '-';
  assert.equal(got, unit, `${code} unit`);
  assert.deepEqual(d.drugs, names, `${code} names`);
  assert.equal(d.route, route, `${code} route`);
}

test('drug model: descriptors -> unit, drug names, route', () => {
  const rows: [string, string, string, string[], DrugInfo['route']][] = [
    ['J2357', 'Injection, omalizumab, 5 mg', '5 mg', ['omalizumab'], 'injection'],
    ['J7507', 'Tacrolimus, immediate release, oral, 1 mg', '1 mg', ['tacrolimus'], 'oral'],
    ['J7503', 'Tacrolimus, extended release, (envarsus xr), oral, 0.25 mg', '0.25 mg', ['tacrolimus', 'envarsus'], 'oral'],
    ['J7502', 'Cyclosporine, oral, 100 mg', '100 mg', ['cyclosporine'], 'oral'],
    ['J7509', 'Methylprednisolone oral, per 4 mg', '4 mg', ['methylprednisolone'], 'oral'],
    ['J0561', 'Injection, penicillin g benzathine, 100,000 units', '100000 units', ['penicillin g benzathine', 'penicillin'], 'injection'],
    ['J7402', 'Mometasone furoate sinus implant, (sinuva), 10 micrograms', '10 mcg', ['mometasone furoate sinus', 'mometasone', 'sinuva'], 'other'],
    ['J2270', 'Injection, morphine sulfate, up to 10 mg', '10 mg upto', ['morphine sulfate', 'morphine'], 'injection'],
    ['J1815', 'Injection, insulin, per 5 units', '5 units', ['insulin'], 'injection'],
    ['J7188', 'Injection, factor viii (antihemophilic factor, recombinant), (obizur), per i.u.', '1 units', ['factor viii', 'obizur'], 'injection'],
    ['J9214', 'Injection, interferon, alfa-2b, recombinant, 1 million units', '1000000 units', ['interferon'], 'injection'],
    ['J2790', 'Injection, rho d immune globulin, human, full dose, 300 micrograms (1500 i.u.)', '300 mcg', ['rho d immune globulin'], 'injection'],
    ['J3265', 'Injection, torsemide, 10 mg/ml', '10 mg', ['torsemide'], 'injection'],
    ['J3240', 'Injection, thyrotropin alpha, 0.9 mg, provided in 1.1 mg vial', '0.9 mg', ['thyrotropin alpha', 'thyrotropin'], 'injection'],
    ['J0138', 'Injection, acetaminophen 10 mg and ibuprofen 3 mg', '10 mg', ['acetaminophen', 'ibuprofen'], 'injection'],
    ['J7620', 'Albuterol, up to 2.5 mg and ipratropium bromide, up to 0.5 mg, fda-approved final product, non-compounded, administered through dme', '2.5 mg upto', ['albuterol', 'ipratropium bromide', 'ipratropium'], 'other'],
    ['J7042', '5% dextrose/normal saline (500 ml = 1 unit)', '500 ml', ['dextrose', 'normal saline'], 'other'],
    ['J0137', 'Injection, acetaminophen (hikma), not therapeutically equivalent to j0131, 10 mg', '10 mg', ['acetaminophen'], 'injection'],
    ['J9316', 'Injection, pertuzumab, trastuzumab, and hyaluronidase-zzxf, per 10 mg', '10 mg', ['pertuzumab', 'trastuzumab', 'hyaluronidase-zzxf', 'hyaluronidase'], 'injection'],
    ['J1745', 'Injection, infliximab, excludes biosimilar, 10 mg', '10 mg', ['infliximab'], 'injection'],
    ['Q5103', 'Injection, infliximab-dyyb, biosimilar, (inflectra), 10 mg', '10 mg', ['infliximab-dyyb', 'infliximab', 'inflectra'], 'injection'],
    ['J9266', 'Injection, pegaspargase, per single dose vial', '1 vial', ['pegaspargase'], 'injection'],
    ['J0577', 'Injection, buprenorphine extended-release (brixadi), less than or equal to 7 days of therapy', '7 days of therapy upto', ['buprenorphine', 'brixadi'], 'injection'],
    ['J3490', 'Unclassified drugs', 'NOC', [], 'other'],
    ['J7599', 'Immunosuppressive drug, not otherwise classified', 'NOC', [], 'other'],
    ['J7699', 'Noc drugs, inhalation solution administered through dme', 'NOC', [], 'inhalation'],
    ['J8499', 'Prescription drug, oral, non chemotherapeutic, nos', 'NOC', [], 'oral'],
    ['J9999', 'Not otherwise classified, antineoplastic drugs', 'NOC', [], 'other'],
    ['Q4314', 'Reeva ft, per square cenitmeter', '1 sq cm', ['reeva ft', 'reeva'], 'other'],
  ];
  for (const [code, long, unit, names, route] of rows) checkDrug(code, long, unit, names, route);
});

test('ASP dosage column -> billing unit', () => {
  const rows: [string, string | undefined][] = [
    ['1 MG', '1 mg'],
    ['100,000 UNITS', '100000 units'],
    ['10 MCG', '10 mcg'],
    [' per sq cm', '1 sq cm'],
    ['1 SQ CM', '1 sq cm'],
    ['1ml', '1 ml'],
    ['.625 GM', '0.625 g'],
    ['150 IU', '150 units'],
    ['PER VIAL', '1 vial'],
    ['1 EA', '1 each'],
    ['Less than or equal to 100 MG', '100 mg'],
    ['UP TO 200 MILLION CAR T CELLS', undefined],
  ];
  for (const [dosage, expected] of rows) {
    const u = parseAspDosage(dosage);
    assert.equal(u ? `${u.amount} ${u.unit}` : undefined, expected, dosage);
  }
});

test('not drug codes: no drug info', () => {
  for (const r of [rec('A0021', 'Ambulance service, outside state per mile, transport (medicaid only)'), rec('E0431', 'Portable gaseous oxygen system, rental')]) {
    assert.equal(drugInfoOf(r), undefined, r.code);
  }
});

const skip = needs.october;

test('every J code of the real release, and every ASP-priced code against its ASP dosage', { skip }, () => {
  const r = importRelease(readFileSync(releaseFile()!), releaseFile()!);
  assert.ok(r.ok);
  const jCodes = r.release.codes.filter((c) => /^J\d{4}$/.test(c.code));
  const infos = jCodes.map((c) => drugInfoOf(c)!);
  const withUnit = infos.filter((d) => d.unit).length;
  const noc = infos.filter((d) => d.noc).length;
  const named = infos.filter((d) => d.drugs.length > 0).length;
  const neither = infos.filter((d) => !d.unit && !d.noc).map((d) => d.code);
  console.log(`J codes: ${jCodes.length}; with a billing unit ${withUnit}, NOC ${noc}, named drug ${named}; neither unit nor NOC: ${neither.length} (${neither.join(', ')})`);
  assert.ok(withUnit + noc >= jCodes.length - 15, 'almost every J code has a unit or is NOC');

});

// Every ASP dosage in the real files (each quarter against the release of the same quarter): the
// unit the model bills by must be the ASP dosage; the unit read from the descriptor alone (used
// for codes without an ASP row) must agree, be marked uncertain, or be listed with its reason.
const quarters: [string, string][] = [
  ['2025-10', 'asp_pricing.csv'],
  ['2026-01', 'section 508 version of January 2026 Medicare Part B Payment Limit File 121725.csv'],
];
for (const [quarter, file] of quarters) {
  const release = sharedRelease(quarter);
  const pricingFile = join(sharedDir, 'cms/asp', quarter, file);
  test(`every ASP dosage of ${quarter} against the drug model`, { skip: release && existsSync(pricingFile) ? false : reasons.allReleases }, () => {
    const r = importRelease(readFileSync(release!), release!);
    assert.ok(r.ok);
    const asp = importAspPricing(readFileSync(pricingFile));
    assert.ok(asp.ok);
    const listed: Record<string, string> = JSON.parse(readFileSync(fixture('codeset', 'asp-unit-disagreements.json'), 'utf8')).disagreements;
    const byCode = new Map(r.release.codes.map((c) => [c.code, c]));
    const unlisted: string[] = [];
    const billedWrong: string[] = [];
    const disagreeing = new Set<string>();
    let agree = 0;
    let uncertain = 0;
    for (const p of asp.rows) {
      const c = byCode.get(p.code);
      assert.ok(c, `${p.code} from the ASP file is in the ${quarter} release`);
      const u = parseAspDosage(p.dosage);
      const billed = drugInfoOf(c, p.dosage)!;
      if (u && !(billed.unit && sameBillingUnit(billed.unit, u) && billed.unit.source === 'asp')) billedWrong.push(`${p.code}: bills by '${billed.unit?.text}', ASP '${p.dosage}'`);
      const d = drugInfoOf(c, true)!;
      if (d.unit?.uncertain) uncertain++;
      if (d.unit && u && sameBillingUnit(d.unit, u)) {
        agree++;
        continue;
      }
      disagreeing.add(p.code);
      if (!listed[p.code]) unlisted.push(`${p.code}: ASP '${p.dosage}' vs descriptor '${d.unit?.text ?? '(none)'}'${d.unit?.uncertain ? ' (uncertain)' : ''} in "${c.long}"`);
    }
    console.log(`${quarter}: ${asp.rows.length} ASP dosages; the billed unit is the ASP dosage for every parseable one; the descriptor alone agrees for ${agree}, ${disagreeing.size} listed; ${uncertain} descriptor units marked uncertain (combinations)`);
    assert.deepEqual(billedWrong, [], 'the unit billed by is the ASP dosage');
    assert.deepEqual(unlisted, [], 'disagreements not listed in asp-unit-disagreements.json');
  });
}

test('every listed disagreement still disagrees in some quarter', { skip }, () => {
  const listed: Record<string, string> = JSON.parse(readFileSync(fixture('codeset', 'asp-unit-disagreements.json'), 'utf8')).disagreements;
  const still = new Set<string>();
  for (const [quarter, file] of quarters) {
    const release = sharedRelease(quarter);
    const pricingFile = join(sharedDir, 'cms/asp', quarter, file);
    if (!release || !existsSync(pricingFile)) continue;
    const r = importRelease(readFileSync(release), release);
    const asp = importAspPricing(readFileSync(pricingFile));
    assert.ok(r.ok && asp.ok);
    const byCode = new Map(r.release.codes.map((c) => [c.code, c]));
    for (const p of asp.rows) {
      const d = drugInfoOf(byCode.get(p.code)!, true)!;
      const u = parseAspDosage(p.dosage);
      if (!(d.unit && u && sameBillingUnit(d.unit, u))) still.add(p.code);
    }
  }
  assert.deepEqual(Object.keys(listed).filter((c) => !still.has(c)), [], 'listed disagreements that now agree');
});
