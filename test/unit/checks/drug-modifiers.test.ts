// missing-jw-jz, jw-jz-conflict, jw-jz-not-applicable, missing-kx
import { test } from 'node:test';
import { checkRule, csv, fhir, x12 } from './harness';

const line = (sv1: string, date = '20251105') => x12('LX*1', sv1, `DTP*472*D8*${date}`);

test('missing-jw-jz', (t) =>
  checkRule(t, 'missing-jw-jz', [
    {
      name: 'infliximab (ASP-priced injection) without JW/JZ',
      text: line('SV1*HC:⟦J1745⟧*300*UN*10***1'),
      messages: ['J1745 is a separately payable Part B injectable (it has an ASP payment limit)'],
      fixes: ['Add JZ (no drug discarded)'],
    },
    { name: 'with JZ', text: line('SV1*HC:J1745:JZ*300*UN*10***1') },
    { name: 'with JW (the discarded-amount line)', text: line('SV1*HC:J1745:JW*30*UN*1***1') },
    { name: 'before 2023-07-01', text: line('SV1*HC:J1745*300*UN*10***1', '20230630') },
    { name: 'on 2023-07-01', text: line('SV1*HC:⟦J1745⟧*300*UN*10***1', '20230701'), messages: [/with JW$/] },
    {
      name: 'on a date past the loaded ASP and release data: the finding says so',
      text: line('SV1*HC:⟦J1745⟧*300*UN*10***1', '20261102'),
      messages: [/with JW \(facts from the October 2025 release; this date is 4 quarters later: load the current release\)$/],
    },
    { name: 'oral drug (J7507) never', text: line('SV1*HC:J7507:KX*125*UN*5***1') },
    { name: 'NOC drug (J3490) never', text: line('SV1*HC:J3490*80*UN*1***1') },
    { name: 'commercial profile: off', text: line('SV1*HC:J1745*300*UN*10***1'), settings: { profile: 'commercial' } },
    { name: 'removed in settings', text: line('SV1*HC:J1745*300*UN*10***1'), settings: { jwJzCodes: { add: [], remove: ['J1745'] } } },
    { name: 'added in settings (NOC)', text: line('SV1*HC:⟦J3490⟧*80*UN*1***1'), settings: { jwJzCodes: { add: ['J3490'], remove: [] } }, messages: ['is on the JW/JZ list in settings'] },
    { name: 'CSV row: the fix fills the empty modifier cell', text: csv('⟦J1745⟧,,,10,,2025-11-05,infliximab 100 mg') },
    { name: 'FHIR item: the fix adds a modifier array', text: fhir({ code: '⟦J0897⟧', quantity: 60 }), fixes: ['Add JZ (no drug discarded)'] },
    { name: 'four modifiers already: no room, no fix', text: line('SV1*HC:⟦J1745⟧:GA:TB:KX:59*300*UN*10***1'), fixes: [] },
    { name: 'derived from the full release + ASP (bevacizumab J9035)', codeset: 'full', text: line('SV1*HC:⟦J9035⟧*300*UN*10***1') },
    { name: 'full release: code without an ASP limit (J7402 implant) is not asked', codeset: 'full', text: line('SV1*HC:J7402*300*UN*10***1') },
  ]));

test('jw-jz-conflict', (t) =>
  checkRule(t, 'jw-jz-conflict', [
    { name: 'JW and JZ', text: line('SV1*HC:J1745:JW:⟦JZ⟧*300*UN*10***1'), messages: ['JW and JZ on one line'], fixes: [] },
    { name: 'JZ then JW', text: line('SV1*HC:J1745:JZ:⟦JW⟧*300*UN*10***1') },
    { name: 'JZ only', text: line('SV1*HC:J1745:JZ*300*UN*10***1') },
    { name: 'CSV columns', text: csv('J1745,JW,⟦JZ⟧,10,,2025-11-05,') },
    { name: 'profile none: off', text: line('SV1*HC:J1745:JW:JZ*300*UN*10***1'), settings: { profile: 'none' } },
  ]));

test('jw-jz-not-applicable', (t) =>
  checkRule(t, 'jw-jz-not-applicable', [
    { name: 'JZ on oral tacrolimus', text: line('SV1*HC:J7507:⟦JZ⟧:KX*125*UN*5***1'), messages: ['J7507 is an oral drug'], fixes: ['Remove JZ'] },
    { name: 'JW on oxygen equipment (not a drug)', codeset: 'full', text: line('SV1*HC:E0431:RR:⟦JW⟧*59*UN*1***1'), messages: ['E0431 is not a drug code'] },
    { name: 'JZ on an injectable drug', text: line('SV1*HC:J1745:JZ*300*UN*10***1') },
    { name: 'unknown code: not judged', codeset: 'full', text: line('SV1*HC:J7705:JZ*300*UN*10***1') },
    { name: 'oral code added to the JW/JZ list in settings', text: line('SV1*HC:J7507:JZ:KX*125*UN*5***1'), settings: { jwJzCodes: { add: ['J7507'], remove: [] } } },
    { name: 'FHIR: no text fix', text: fhir({ code: 'J7507', modifiers: ['KX', '⟦JZ⟧'], quantity: 5 }), fixes: [] },
  ]));

test('missing-kx', (t) =>
  checkRule(t, 'missing-kx', [
    { name: 'oral tacrolimus without KX', text: line('SV1*HC:⟦J7507⟧*125*UN*5***1'), fixes: ['Add modifier KX'], fixMayChange: [] },
    { name: 'with KX', text: line('SV1*HC:J7507:KX*125*UN*5***1') },
    { name: 'injectable cyclosporine J7516 is not oral', text: line('SV1*HC:J7516*125*UN*1***1') },
    { name: 'outside J7500-J7599 (oral J8520)', text: line('SV1*HC:J8520*125*UN*1***1') },
    { name: 'commercial profile: off', text: line('SV1*HC:J7507*125*UN*5***1'), settings: { profile: 'commercial' } },
    { name: 'enabled by name under commercial', text: line('SV1*HC:⟦J7507⟧*125*UN*5***1'), settings: { profile: 'commercial', rules: { 'missing-kx': { enabled: true } } } },
    { name: 'turned off by name', text: line('SV1*HC:J7507*125*UN*5***1'), settings: { rules: { 'missing-kx': { enabled: false } } } },
    { name: 'prose: "J7507 x 5 units"', text: 'Tacrolimus ⟦J7507⟧ x 5 units.', fixes: ['Add modifier KX'] },
    { name: 'CSV', text: csv('⟦J7520⟧,,,2,,2025-11-05,sirolimus 2 mg') },
    { name: '835 remittance lines are not billing advice', text: 'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *251120*0930*^*00501*000000001*0*T*:~\nGS*HP*A*B*20251120*0930*1*X*005010X221A1~\nST*835*0001~\nCLP*T1*1*125*100**MB~\nSVC*HC:J7507*125*100**5~\nSE*5*0001~\nGE*1*1~\nIEA*1*000000001~\n' },
  ]));
