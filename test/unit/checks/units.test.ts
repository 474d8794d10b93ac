// missing-units, zero-units, fractional-units, units-vs-ndc, units-vs-dose
import { test } from 'node:test';
import { checkRule, csv, fhir, x12 } from './harness';

const line = (...segs: string[]) => x12('LX*1', ...segs);

test('missing-units', (t) =>
  checkRule(t, 'missing-units', [
    { name: 'SV104 empty', text: line('SV1*HC:⟦J7507⟧:KX*125*UN****1'), messages: ['No units for J7507'] },
    { name: 'SV104 present', text: line('SV1*HC:J7507:KX*125*UN*5***1') },
    { name: 'CSV units cell empty', text: csv('⟦J7507⟧,KX,,,,2025-11-05,') },
    { name: 'CSV units not a number', text: csv('J7507,KX,,⟦five⟧,,2025-11-05,'), messages: ['Units "five" for J7507 is not a number'] },
    { name: 'prose is not asked for units', text: 'Tacrolimus J7507-KX for the patient.' },
    { name: 'profile none: off', text: line('SV1*HC:J7507:KX*125*UN****1'), settings: { profile: 'none' } },
  ]));

test('zero-units', (t) =>
  checkRule(t, 'zero-units', [
    { name: 'SV104 = 0', text: line('SV1*HC:J7507:KX*125*UN*⟦0⟧***1'), messages: ['0 units billed for J7507'] },
    { name: 'SV104 = 0.00', text: line('SV1*HC:J7507:KX*125*UN*⟦0.00⟧***1') },
    { name: 'SV104 = 1', text: line('SV1*HC:J7507:KX*125*UN*1***1') },
    { name: 'FHIR quantity 0', text: fhir({ code: 'J7507', modifiers: ['KX'], quantity: 0 }).replace('"value": 0', '"value": ⟦0⟧') },
  ]));

test('fractional-units', (t) =>
  checkRule(t, 'fractional-units', [
    { name: '3.75 -> 4', text: line('SV1*HC:J7502:KX*40*UN*⟦3.75⟧***1'), messages: ['3.75 units of J7502: bill whole units, rounded up to 4'], fixes: ['Round up to 4 units'] },
    { name: '0.5 -> 1', text: line('SV1*HC:J7507:KX*125*UN*⟦0.5⟧***1'), fixes: ['Round up to 1 units'] },
    { name: '4.00 is whole', text: line('SV1*HC:J7502:KX*40*UN*4.00***1') },
    { name: 'CSV 2.5', text: csv('J7507,KX,,⟦2.5⟧,,2025-11-05,') },
    { name: 'FHIR 1.5', text: fhir({ code: 'J7507', modifiers: ['KX'], quantity: 1.5 }).replace('"value": 1.5', '"value": ⟦1.5⟧') },
  ]));

test('units-vs-dose', (t) =>
  checkRule(t, 'units-vs-dose', [
    {
      name: 'NTE says 5 mg of J7507, line bills 3',
      text: line('SV1*HC:J7507:KX*125*UN*⟦3⟧***1', 'NTE*ADD*TACROLIMUS 5 MG'),
      messages: ['5 mg ÷ 1 mg per unit = 5 units, but the line bills 3 (J7507: 1 mg)'],
      fixes: ['Set units to 5'],
    },
    { name: 'NTE 5 mg, 5 units', text: line('SV1*HC:J7507:KX*125*UN*5***1', 'NTE*ADD*TACROLIMUS 5 MG') },
    {
      name: '375 mg of J7502 is 4 units (rounded up)',
      text: line('SV1*HC:J7502:KX*40*UN*⟦3⟧***1', 'NTE*ADD*CYCLOSPORINE 375 MG'),
      messages: ['375 mg ÷ 100 mg per unit = 3.75, rounded up to 4 units, but the line bills 3'],
    },
    { name: '375 mg of J7502 billed as 4', text: line('SV1*HC:J7502:KX*40*UN*4***1', 'NTE*ADD*CYCLOSPORINE 375 MG') },
    { name: 'grams convert to mg (0.5 g of J7517 250 mg = 2 units)', text: line('SV1*HC:J7517:KX*40*UN*⟦4⟧***1', 'NTE*ADD*MYCOPHENOLATE MOFETIL 0.5 G') },
    { name: 'the unit restated ("tacrolimus 1 mg") is not a dose', text: 'Bill J7507 (tacrolimus 1 mg) x 5 units.' },
    // a dose equal to one billing unit, written after the units, is the dose given: 5 units of 5 mg is a 5x overbill
    {
      name: 'J7525 x 5 units (tacrolimus 5 mg): one unit billed five times',
      text: 'Billed J7525 x ⟦5⟧ units (tacrolimus 5 mg).',
      messages: ['5 mg ÷ 5 mg per unit = 1 units, but the line bills 5 (J7525: 5 mg)'],
      fixes: ['Set units to 1'],
    },
    { name: 'J7525 x 1 unit (tacrolimus 5 mg)', text: 'Billed J7525 x 1 unit (tacrolimus 5 mg).' },
    { name: 'the strength of what was dispensed is not the dose: "(tacrolimus 1 mg, 30-day supply)"', text: 'Billed J7507-KX x 240 units (tacrolimus 1 mg, 30-day supply).' },
    { name: '...nor "tacrolimus 1 mg capsules"', text: 'Billed J7507-KX x 120 units (tacrolimus 1 mg capsules).' },
    { name: 'a claim description naming the strength is not the dose', text: csv('J7507,KX,,30,,2025-11-05,tacrolimus 1 mg capsule') },
    // 'greater than 100 mg': one unit for any dose above 100 mg (Q9992 300 mg is 1 unit, not 3)
    {
      name: 'Q9992 300 mg billed 3',
      codeset: 'full',
      text: line('SV1*HC:Q9992*100*UN*⟦3⟧***1', 'NTE*ADD*BUPRENORPHINE 300 MG'),
      messages: ['300 mg is more than 100 mg: 1 unit, but the line bills 3'],
      fixes: ['Set units to 1'],
    },
    { name: 'Q9992 300 mg billed 1', codeset: 'full', text: line('SV1*HC:Q9992*100*UN*1***1', 'NTE*ADD*BUPRENORPHINE 300 MG') },
    // combination: the ASP dosage (1.125 g) is the unit, not the first component (1 g)
    {
      name: 'J2543 3.375 g billed 4',
      codeset: 'full',
      text: line('SV1*HC:J2543*100*UN*⟦4⟧***1', 'NTE*ADD*PIPERACILLIN 3.375 G'),
      messages: ['3.375 g ÷ 1.125 g per unit = 3 units, but the line bills 4'],
      fixes: ['Set units to 3'],
    },
    { name: 'J2543 3.375 g billed 3', codeset: 'full', text: line('SV1*HC:J2543*100*UN*3***1', 'NTE*ADD*PIPERACILLIN 3.375 G') },
    // an uncertain unit (a combination CMS gives no ASP dosage for): the rule says so and offers no fix
    {
      name: 'J2711 (neostigmine 0.1 mg and glycopyrrolate 0.02 mg) with a dose: uncertain, no fix',
      codeset: 'full',
      text: line('SV1*HC:J2711*100*UN*⟦3⟧***1', 'NTE*ADD*NEOSTIGMINE 0.5 MG'),
      messages: ['Units of J2711 cannot be checked against the dose 0.5 mg: the billing unit is uncertain (0.1 mg and glycopyrrolate 0.02 mg)'],
      fixes: [],
    },
    { name: 'J2711 without a dose', codeset: 'full', text: line('SV1*HC:J2711*100*UN*3***1') },
    { name: 'another drug\'s dose is left to drug-mismatch', text: 'Bill J7507 (sirolimus 3 mg) x 5 units.' },
    { name: 'prose dose after the code', text: 'Cyclosporine 375 mg was billed as J7502-KX x ⟦3⟧ units.', fixMayChange: [] },
    { name: 'CSV description', text: csv('J7507,KX,,⟦3⟧,,2025-11-05,tacrolimus 5 mg') },
    { name: 'FHIR item text', text: fhir({ code: 'J7507', modifiers: ['KX'], quantity: 5, text: 'tacrolimus 3 mg' }).replace('"value": 5', '"value": ⟦5⟧') },
    { name: 'fractional units are fractional-units\' business', text: line('SV1*HC:J7502:KX*40*UN*3.75***1', 'NTE*ADD*CYCLOSPORINE 375 MG') },
    { name: 'units not comparable (mL dose, mg unit)', text: line('SV1*HC:J7507:KX*125*UN*3***1', 'NTE*ADD*TACROLIMUS 5 ML') },
  ]));

test('units-vs-ndc (ASP crosswalk)', (t) =>
  checkRule(t, 'units-vs-ndc', [
    {
      name: 'one Prolia syringe is 60 units of J0897, billed 1',
      codeset: 'full',
      text: line('SV1*HC:J0897:JZ*1800*UN*⟦1⟧***1', 'LIN**N4*55513071001', 'CTP****1*UN'),
      messages: ['1 units of J0897, but NDC 55513-0710-01 gives 1 UN × 60 = 60 units'],
    },
    { name: 'one Prolia syringe, 60 units', codeset: 'full', text: line('SV1*HC:J0897:JZ*1800*UN*60***1', 'LIN**N4*55513071001', 'CTP****1*UN') },
    {
      name: '10 tacrolimus 0.5 mg capsules are 5 units (per capsule reading)',
      codeset: 'full',
      text: line('SV1*HC:J7507:KX*125*UN*5***1', 'LIN**N4*00378204501', 'CTP****10*UN'),
    },
    {
      name: '10 capsules billed as 10 units',
      codeset: 'full',
      text: line('SV1*HC:J7507:KX*125*UN*⟦10⟧***1', 'LIN**N4*00378204501', 'CTP****10*UN'),
      messages: ['10 UN × 0.5 = 5 units'],
    },
    { name: 'NDC of another code: silent', codeset: 'full', text: line('SV1*HC:J1745:JZ*300*UN*1***1', 'LIN**N4*55513071001', 'CTP****1*UN') },
    { name: 'NDC not in the crosswalk: silent', codeset: 'full', text: line('SV1*HC:J0897:JZ*1800*UN*1***1', 'LIN**N4*99999999999', 'CTP****1*UN') },
    { name: 'no CTP quantity: silent', codeset: 'full', text: line('SV1*HC:J0897:JZ*1800*UN*1***1', 'LIN**N4*55513071001') },
  ]));
