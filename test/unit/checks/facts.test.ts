// Fact checks on statements in notes and reference text: each phrasing with a negative row (the
// same text shape that states the fact correctly, or hedges it, and must stay silent).
import { test } from 'node:test';
import { checkRule } from './harness';

const full = 'full' as const;

test('drug-mismatch on codes named in prose', (t) =>
  checkRule(t, 'drug-mismatch', [
    { name: 'named, not billed: still a wrong drug', codeset: full, text: 'The guide says ⟦J7520⟧ is tacrolimus.', messages: ['J7520 is sirolimus, not tacrolimus'] },
    { name: 'named, right drug', codeset: full, text: 'The guide says J7520 is sirolimus.' },
    { name: 'ordinary English is not a drug name', codeset: full, text: 'J7507 is tacrolimus, the most common procedure for health and skin, with water.' },
    { name: 'a real second drug still counts', codeset: full, text: '⟦J7507⟧ is everolimus.', messages: ['J7507 is tacrolimus, not everolimus'] },
  ]));

test('fact-billing-unit', (t) =>
  checkRule(t, 'fact-billing-unit', [
    { name: 'J7402 per 5 mg (unit is 10 micrograms)', codeset: full, text: 'J7402 is billed ⟦per 5 mg⟧.', messages: ['J7402 is billed per 10 micrograms, not "per 5 mg"'], fixes: ['Replace "5 mg" with "10 mcg"'] },
    { name: 'J7402 per 10 micrograms', codeset: full, text: 'J7402 is billed per 10 micrograms.' },
    { name: 'per milligram for a 0.25 mg code', codeset: full, text: 'J7527 (everolimus) is billed ⟦per milligram⟧.', fixes: ['Replace "milligram" with "0.25 mg"'] },
    { name: 'per 0.25 mg for a 0.25 mg code', codeset: full, text: 'J7527 (everolimus) is billed per 0.25 mg.' },
    { name: '"1 mg per unit" for J7503 (0.25 mg)', codeset: full, text: 'J7503 Envarsus XR, ⟦1 mg per unit⟧.', fixes: [] },
    { name: '"0.25 mg per unit" for J7503', codeset: full, text: 'J7503 Envarsus XR, 0.25 mg per unit.' },
    { name: 'one unit = 5 mg for J7507', codeset: full, text: 'For J7507 ⟦one unit = 5 mg⟧.', fixes: [] },
    { name: 'one unit = 1 mg for J7507', codeset: full, text: 'For J7507 one unit = 1 mg.' },
    { name: 'hedged: not per 5 mg', codeset: full, text: 'J7402 is not billed per 5 mg.' },
    { name: 'a dose rate is not a unit', codeset: full, text: 'J7507 tacrolimus 5 mg per day.' },
    { name: 'another dimension is not compared', codeset: full, text: 'J7507 is billed per ml.' },
  ]));

test('fact-route', (t) =>
  checkRule(t, 'fact-route', [
    { name: 'J7527 intravenous (oral everolimus)', codeset: full, text: 'J7527 is ⟦intravenous⟧.', messages: ['J7527 is oral, not intravenous'] },
    { name: 'J7527 oral', codeset: full, text: 'J7527 is oral everolimus.' },
    { name: 'J7516 capsules (injectable cyclosporine)', codeset: full, text: 'J7516 covers cyclosporine ⟦capsules⟧.', messages: ['J7516 is given by injection or infusion, not capsules'] },
    { name: 'J7516 injection', codeset: full, text: 'J7516 covers cyclosporine injection.' },
    { name: 'hedged: when oral therapy is not possible', codeset: full, text: 'J7525 is used when oral therapy is not possible.' },
    { name: 'unlike the oral codes', codeset: full, text: 'J7525 is unlike the oral codes.' },
    { name: 'the route of the next code is not this one\'s', codeset: full, text: 'J7507 and J7525 are intravenous? No: J7525 is intravenous.' },
    { name: 'NOC codes are not judged', codeset: full, text: 'J7599 capsules.' },
  ]));

test('fact-code-range', (t) =>
  checkRule(t, 'fact-code-range', [
    { name: 'J7500 through J7513 include sirolimus', codeset: full, text: 'J7500 through J7513 include ⟦sirolimus⟧.', messages: ['No code from J7500 through J7513 covers sirolimus; codes for sirolimus: C9091, J7520'] },
    { name: 'J7500 through J7513 include tacrolimus', codeset: full, text: 'J7500 through J7513 include tacrolimus.' },
    { name: 'J7500-J7599 include sirolimus', codeset: full, text: 'J7500-J7599 include sirolimus.' },
    { name: 'hedged: do not include', codeset: full, text: 'J7500 through J7513 do not include sirolimus.' },
    { name: 'two drugs, one wrong', codeset: full, text: 'J7500 to J7513 cover azathioprine and ⟦everolimus⟧.' },
  ]));

test('fact-code-kind', (t) =>
  checkRule(t, 'fact-code-kind', [
    { name: 'J7599 a specific drug code', codeset: full, text: 'J7599 is ⟦a specific drug code⟧ for belatacept.', messages: ['J7599 is not otherwise classified: "Immunosuppressive drug, not otherwise classified"'] },
    { name: 'J7599 not otherwise classified', codeset: full, text: 'J7599 is the not otherwise classified code.' },
    { name: 'J7599 is not a specific drug code', codeset: full, text: 'J7599 is not a specific drug code.' },
    { name: 'J7507 is unclassified', codeset: full, text: 'J7507 is ⟦unclassified⟧.', messages: ['J7507 is a specific code'] },
    { name: 'J7507 is a specific drug code', codeset: full, text: 'J7507 is a specific drug code.' },
    { name: 'no copula: not a statement about the code', codeset: full, text: 'Use J7507 instead of a specific drug code.' },
  ]));

test('fact-modifier', (t) =>
  checkRule(t, 'fact-modifier', [
    { name: 'the JG modifier after 2024-12-31', codeset: full, text: 'Report 340B drugs with the ⟦JG⟧ modifier.', messages: ['JG ended on 2024-12-31; today (2025-11-20; no date in the text); use TB'], fixes: ['Replace JG with TB'] },
    { name: 'the TB modifier', codeset: full, text: 'Report 340B drugs with the TB modifier.' },
    { name: 'JG in a note dated 2024', codeset: full, text: '# Visit 2024-06-01\nReport 340B drugs with the JG modifier.' },
    { name: 'JG in a note dated 2025', codeset: full, text: '# Visit 2025-06-01\nReport 340B drugs with the ⟦JG⟧ modifier.', messages: ["the note's date 2025-06-01"] },
    { name: 'history: JG was replaced by TB', codeset: full, text: 'The JG modifier was replaced by TB.' },
    { name: 'JW for a multi-dose vial', codeset: full, text: 'Use modifier ⟦JW⟧ for the wasted part of a multi-dose vial.', messages: ['CMS does not apply JW or JZ to multiple-dose containers'] },
    { name: 'JW for a single-dose vial', codeset: full, text: 'Use modifier JW for the wasted part of a single-dose vial.' },
    { name: 'JW does not apply to multi-dose vials', codeset: full, text: 'Modifier JW does not apply to multi-dose vials.' },
  ]));
