// unknown-code, code-not-effective, cpt-code, code-not-allowed
import { test } from 'node:test';
import { checkRule, csv, fhir, x12 } from './harness';

const line = (sv1: string, date = '20251105') => x12('LX*1', sv1, `DTP*472*D8*${date}`);

test('unknown-code', (t) =>
  checkRule(t, 'unknown-code', [
    { name: 'typo of J7507 with the full release', codeset: 'full', text: line('SV1*HC:⟦J7705⟧*125*UN*5***1'), messages: ['J7705 is not in HCPCS Level II, July 2026'] },
    { name: 'known code', codeset: 'full', text: line('SV1*HC:J7507:KX*125*UN*5***1') },
    { name: 'terminated code is known, not unknown', codeset: 'full', text: line('SV1*HC:J7401*250*UN*1***1') },
    { name: 'CPT codes are never unknown', codeset: 'full', text: line('SV1*HC:99213*40*UN*1***1') },
    { name: 'CPT Category III code', codeset: 'full', text: line('SV1*HC:0001U*40*UN*1***1') },
    { name: 'CDT dental code is not judged', codeset: 'full', text: line('SV1*HC:D0120*40*UN*1***1') },
    { name: 'core set cannot call a code unknown', text: line('SV1*HC:J7705*125*UN*5***1') },
    { name: 'six digits in an HC composite', text: line('SV1*HC:⟦478331⟧*12*UN*1***1'), messages: ['is not a HCPCS code'] },
    { name: 'other qualifier (N4) is not a HCPCS field', text: line('SV1*N4:00378204501*12*UN*1***1') },
    { name: 'CSV code column', codeset: 'full', text: csv('⟦J9998⟧,,,1,,2025-11-05,') },
    { name: 'FHIR coding', codeset: 'full', text: fhir({ code: '⟦J0000⟧' }) },
    { name: 'lower-case code is still looked up', codeset: 'full', text: line('SV1*HC:j7507:KX*125*UN*5***1') },
  ]));

test('code-not-effective', (t) =>
  checkRule(t, 'code-not-effective', [
    {
      name: 'J7401 terminated 2021-03-31, used in 2025',
      text: line('SV1*HC:⟦J7401⟧*250*UN*1***1', '20250115'),
      messages: ['J7401 was terminated on 2021-03-31; date of service 2025-01-15'],
      fixes: [],
    },
    { name: 'J7401 before its termination', text: line('SV1*HC:J7401*250*UN*1***1', '20210115') },
    { name: 'J7402 before it was added (2021-04-01)', text: line('SV1*HC:⟦J7402⟧*250*UN*1***1', '20210301'), messages: ['J7402 takes effect on 2021-04-01'] },
    { name: 'J7402 on its add date', text: line('SV1*HC:J7402*250*UN*1***1', '20210401') },
    {
      name: 'successor from XREF replaces the code (C9029 -> J1628)',
      codeset: 'full',
      text: line('SV1*HC:⟦C9029⟧*100*UN*1***1', '20250115'),
      messages: ['its successor is J1628'],
      fixes: ['Replace C9029 with J1628'],
      fixMayChange: ['missing-jw-jz', 'missing-ndc'],
    },
    {
      name: 'line without a date uses today (prose)',
      text: 'Billed ⟦J7401⟧ x 1 unit.',
      today: '2025-11-20',
      messages: ['today (2025-11-20; the line has no date of service)'],
    },
    {
      name: 'claim-level date applies when the line has none',
      text: x12('LX*1', 'SV1*HC:⟦J7401⟧*250*UN*1***1'),
      messages: ['date of service 2025-11-05'],
    },
  ]));

test('cpt-code (off by default)', (t) =>
  checkRule(t, 'cpt-code', [
    { name: 'off by default', text: line('SV1*HC:99213*40*UN*1***1') },
    { name: 'on when configured', text: line('SV1*HC:⟦99213⟧*40*UN*1***1'), settings: { rules: { 'cpt-code': { enabled: true } } }, messages: ['CPT (Level I)'] },
    { name: 'Level II code is not CPT', text: line('SV1*HC:J7507:KX*125*UN*5***1'), settings: { rules: { 'cpt-code': { enabled: true } } } },
  ]));

test('code-not-allowed', (t) =>
  checkRule(t, 'code-not-allowed', [
    { name: 'no lists: nothing', text: line('SV1*HC:J7507:KX*125*UN*5***1') },
    { name: 'forbidden by wildcard', text: line('SV1*HC:⟦J7507⟧:KX*125*UN*5***1'), settings: { forbiddenCodes: ['J75*'] }, messages: ['forbiddenCodes: J75*'] },
    { name: 'not forbidden', text: line('SV1*HC:J1745:JZ*125*UN*5***1'), settings: { forbiddenCodes: ['J75*'] } },
    { name: 'outside the allowed range', text: line('SV1*HC:⟦J1745⟧:JZ*125*UN*5***1'), settings: { allowedCodes: ['J7500-J7599'] } },
    { name: 'inside the allowed range', text: line('SV1*HC:J7507:KX*125*UN*5***1'), settings: { allowedCodes: ['J7500-J7599'] } },
    { name: 'exact code allowed', text: line('SV1*HC:J7507:KX*125*UN*5***1'), settings: { allowedCodes: ['J7507'] } },
    { name: 'single-character wildcard', text: line('SV1*HC:⟦J7507⟧:KX*125*UN*5***1'), settings: { forbiddenCodes: ['J750?'] } },
  ]));
