// invalid-modifier, modifier-not-effective, duplicate-modifier, too-many-modifiers, required-modifier
import { test } from 'node:test';
import { checkRule, csv, fhir, x12 } from './harness';

const line = (sv1: string, date = '20251105') => x12('LX*1', sv1, `DTP*472*D8*${date}`);

test('invalid-modifier', (t) =>
  checkRule(t, 'invalid-modifier', [
    { name: 'unknown Level II modifier (full release)', codeset: 'full', text: line('SV1*HC:J7507:⟦XK⟧*125*UN*5***1'), messages: ['XK is not a modifier in HCPCS Level II, July 2026'] },
    { name: 'known modifier', codeset: 'full', text: line('SV1*HC:J7507:KX*125*UN*5***1') },
    { name: 'core set: Level II modifiers are not judged', text: line('SV1*HC:J7507:XK*125*UN*5***1') },
    { name: 'one character is never a modifier', text: line('SV1*HC:J7507:⟦K⟧*125*UN*5***1'), messages: ['"K" is not a modifier'] },
    { name: 'CPT modifier 25', text: line('SV1*HC:99213:25*40*UN*1***1') },
    { name: 'no CPT modifier 28', text: line('SV1*HC:99213:⟦28⟧*40*UN*1***1'), messages: ['28 is not a CPT modifier'] },
    { name: 'CPT Category II modifier 1P', codeset: 'full', text: line('SV1*HC:99213:1P*40*UN*1***1') },
    { name: 'ambulance origin/destination pair on an ambulance code', codeset: 'full', text: line('SV1*HC:A0427:RH*700*UN*1***1') },
    { name: 'the same pair on a drug code', codeset: 'full', text: line('SV1*HC:J7507:KX:⟦RH⟧*125*UN*5***1') },
    { name: 'CSV modifier column', codeset: 'full', text: csv('J7507,⟦ZZ9⟧,,5,,2025-11-05,') },
    { name: 'lines with another qualifier are not judged', text: line('SV1*ER:X1234:ZZZ*12*UN*1***1') },
  ]));

test('modifier-not-effective', (t) =>
  checkRule(t, 'modifier-not-effective', [
    {
      name: 'JG from 2025-01-01 -> TB',
      text: line('SV1*HC:J1745:⟦JG⟧:JZ*300*UN*10***1', '20250203'),
      messages: ['JG was terminated on 2024-12-31; date of service 2025-02-03; use TB'],
      fixes: ['Replace JG with TB'],
    },
    { name: 'JG in 2024 is fine', text: line('SV1*HC:J1745:JG:JZ*300*UN*10***1', '20241231') },
    {
      name: 'JG on a date past the loaded data: the finding says the facts are older than the date',
      text: line('SV1*HC:J1745:⟦JG⟧:JZ*300*UN*10***1', '20261102'),
      messages: ['JG was terminated on 2024-12-31; date of service 2026-11-02; use TB (facts from the October 2025 release; this date is 4 quarters later: load the current release)'],
      fixes: ['Replace JG with TB'],
    },
    { name: 'TB in 2025 is fine', text: line('SV1*HC:J1745:TB:JZ*300*UN*10***1', '20250203') },
    {
      name: 'JG next to TB: the fix removes JG',
      text: line('SV1*HC:J1745:TB:⟦JG⟧:JZ*300*UN*10***1', '20250203'),
      fixes: ['Remove JG (TB is already on the line)'],
    },
    { name: 'JZ before its add date (2023-01-01)', text: line('SV1*HC:J1745:⟦JZ⟧*300*UN*10***1', '20221115'), messages: ['JZ takes effect on 2023-01-01'] },
    { name: 'FHIR modifier', text: fhir({ code: 'J1745', modifiers: ['⟦JG⟧', 'JZ'], quantity: 10, date: '2025-03-12' }), fixes: ['Replace JG with TB'] },
    { name: 'prose modifier without a date uses today', text: 'Bill J1745-⟦JG⟧-JZ x 10 units.', today: '2025-11-20', fixes: ['Replace JG with TB'] },
  ]));

test('duplicate-modifier', (t) =>
  checkRule(t, 'duplicate-modifier', [
    { name: 'KX twice', text: line('SV1*HC:J7507:KX:⟦KX⟧*125*UN*5***1'), fixes: ['Remove the second KX'], messages: ['KX is on this line twice'] },
    { name: 'different modifiers', text: line('SV1*HC:J7507:KX:GA*125*UN*5***1') },
    { name: 'three times: two findings', text: line('SV1*HC:J7507:KX:⟦KX⟧:⟦KX⟧*125*UN*5***1') },
    { name: 'case does not hide a duplicate', text: line('SV1*HC:J7507:KX:⟦kx⟧*125*UN*5***1') },
    { name: 'CSV: the cell is emptied', text: csv('J7517,KX,⟦KX⟧,4,,2025-11-05,') },
    { name: 'prose J7507-KX-KX', text: 'Bill J7507-KX-⟦KX⟧ x 5 units.' },
    { name: 'FHIR: reported without a text fix', text: fhir({ code: 'J7507', modifiers: ['KX', '⟦KX⟧'], quantity: 5 }), fixes: [] },
  ]));

test('too-many-modifiers', (t) =>
  checkRule(t, 'too-many-modifiers', [
    { name: 'five modifiers (FHIR carries any number)', text: fhir({ code: 'J7507', modifiers: ['KX', 'GA', 'RT', 'LT', '⟦EY⟧'], quantity: 5 }), messages: ['5 modifiers on this line; a claim line carries at most 4 (extra: EY)'] },
    { name: 'four modifiers', text: fhir({ code: 'J7507', modifiers: ['KX', 'GA', 'RT', 'LT'], quantity: 5 }) },
    { name: 'six: one finding over the extras', text: fhir({ code: 'J7507', modifiers: ['KX', 'GA', 'RT', 'LT', '⟦EY', 'GZ⟧'], quantity: 5 }) },
  ]));

test('required-modifier (settings)', (t) =>
  checkRule(t, 'required-modifier', [
    { name: 'no settings: nothing', text: line('SV1*HC:E0431*59*UN*1***1') },
    {
      name: 'E04* needs RR',
      text: line('SV1*HC:⟦E0431⟧*59*UN*1***1'),
      settings: { requiredModifiers: [{ pattern: 'E04*', modifiers: ['RR'] }] },
      messages: ['E0431 needs modifier RR (settings: E04*)'],
      fixes: ['Add modifier RR'],
    },
    { name: 'present', text: line('SV1*HC:E0431:RR*59*UN*1***1'), settings: { requiredModifiers: [{ pattern: 'E04*', modifiers: ['RR'] }] } },
    { name: 'pattern does not match', text: line('SV1*HC:J7507:KX*125*UN*5***1'), settings: { requiredModifiers: [{ pattern: 'E04*', modifiers: ['RR'] }] } },
    {
      name: 'two missing: two findings, each with its fix',
      text: line('SV1*HC:⟦⟦J7507⟧⟧*125*UN*5***1'),
      settings: { requiredModifiers: [{ pattern: 'J7500-J7599', modifiers: ['KX', 'GA'] }] },
      fixMayChange: ['missing-kx'],
    },
  ]));
