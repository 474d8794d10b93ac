// claim-total-mismatch, missing-line-charge, ndc-quantity-not-positive, invalid-amount,
// remit-line-balance, remit-claim-balance, remit-paid-vs-lines, remit-payment-balance
import { test } from 'node:test';
import { checkRule, csv, x12, x12Claims, x12Institutional, x12Remit } from './harness';

const claim = (total: string, ...segments: string[]) => x12Claims({ total, segments });
const sv1 = (charge: string, n = 1) => [`LX*${n}`, `SV1*HC:J7507*${charge}*UN*1***1`];
const clp = (charge: string, paid: string, status = '1') => `CLP*C1*${status}*${charge}*${paid}**MC*123`;

test('claim-total-mismatch', (t) =>
  checkRule(t, 'claim-total-mismatch', [
    { name: 'balanced: 100.00 + 145.00 = 245.00', text: claim('245', ...sv1('100.00'), ...sv1('145', 2)) },
    { name: 'balanced in cents that float would drift on (0.1 + 0.2)', text: claim('0.30', ...sv1('0.1'), ...sv1('0.2', 2)) },
    {
      name: 'total higher than the lines',
      text: claim('⟦250.00⟧', ...sv1('100.00'), ...sv1('145.00', 2)),
      messages: ['CLM02 is 250.00; the lines (SV102) add up to 245.00 (100.00 + 145.00)'],
      fixes: ['Set CLM02 to 245.00, the sum of the lines'],
    },
    { name: 'total lower, written without decimals', text: claim('⟦100⟧', ...sv1('60'), ...sv1('50', 2)), messages: ['CLM02 is 100.00; the lines (SV102) add up to 110.00 (60.00 + 50.00)'], fixes: ['Set CLM02 to 110, the sum of the lines'] },
    { name: 'cents kept when the sum has them', text: claim('⟦100⟧', ...sv1('60.25'), ...sv1('50', 2)), fixes: ['Set CLM02 to 110.25, the sum of the lines'] },
    {
      name: 'a long list is elided',
      text: claim('⟦1⟧', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => sv1('10', n))),
      messages: ['CLM02 is 1.00; the lines (SV102) add up to 80.00 (10.00 + 10.00 + 10.00 + 10.00 + … 3 more + 10.00)'],
    },
    { name: 'one claim of two is off: only it', text: x12Claims({ total: '100', segments: sv1('100') }, { total: '⟦90⟧', segments: sv1('100') }) },
    { name: 'a line without a charge: no sum (missing-line-charge says so)', text: claim('100', ...sv1('100'), 'LX*2', 'SV1*HC:J7507**UN*1***1') },
    { name: 'a line whose charge is not a number: no sum, no fix', text: claim('100', ...sv1('1OO')) },
    { name: 'CLM02 not a number: invalid-amount says so', text: claim('abc', ...sv1('100')) },
    { name: 'a negative line: reported, no fix', text: claim('⟦100⟧', ...sv1('150'), ...sv1('-10', 2)), fixes: [] },
    { name: 'a line without a code: its charge is unknown, silent', text: claim('200', ...sv1('100'), 'LX*2', 'SV1**100*UN*1***1') },
    { name: '837I balanced: SV203', text: x12Institutional('89.93', 'LX*1', 'SV2*0305*HC:85025*13.39*UN*1', 'LX*2', 'SV2*0730*HC:93005*76.54*UN*3') },
    {
      name: '837I off by a cent',
      text: x12Institutional('⟦89.92⟧', 'LX*1', 'SV2*0305*HC:85025*13.39*UN*1', 'LX*2', 'SV2*0730*HC:93005*76.54*UN*3'),
      messages: ['CLM02 is 89.92; the lines (SV203) add up to 89.93 (13.39 + 76.54)'],
      fixes: ['Set CLM02 to 89.93, the sum of the lines'],
    },
    { name: 'other-payer SVD lines are not added', text: claim('100', ...sv1('100'), 'SVD*PAYER2*80*HC:J7507**1') },
    { name: 'CSV has no CLM02: silent', text: csv('J7507,,,1,,2025-11-05,') },
    { name: 'an 835 is not a claim: silent', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC*HC:J7507*90*80**1', 'CAS*CO*45*10') },
    { name: 'a note is not checked', text: 'CLM*T-1*250 with SV1*HC:J7507*100 billed.', languageId: 'plaintext' },
  ]));

test('missing-line-charge', (t) =>
  checkRule(t, 'missing-line-charge', [
    { name: 'SV102 empty', text: claim('100', 'LX*1', 'SV1*HC:⟦J7507⟧**UN*1***1'), messages: ["SV102 (the line's charge) is empty: every service line needs its charge"] },
    { name: 'SV102 present', text: claim('100', ...sv1('100')) },
    { name: 'SV203 empty', text: x12Institutional('10', 'LX*1', 'SV2*0305*HC:⟦85025⟧**UN*1'), messages: [/^SV203/] },
    { name: 'SV203 present', text: x12Institutional('10', 'LX*1', 'SV2*0305*HC:85025*10*UN*1') },
    { name: 'zero charge on a claim that bills money', text: claim('100', ...sv1('100'), 'LX*2', 'SV1*HC:J7507*⟦0⟧*UN*1***1'), messages: ['SV102 is 0 on a claim that bills an amount'] },
    { name: 'zero charge on a zero claim: a no-charge claim', text: claim('0', ...sv1('0')) },
    { name: 'zero written 0.00 on a zero claim', text: claim('0.00', ...sv1('0.00')) },
    { name: 'a non-numeric charge is invalid-amount, not missing', text: claim('100', ...sv1('abc')) },
    { name: 'an 835 line without SVC02 is not a claim line', text: x12Remit('0', 'LX*1', clp('0', '0'), 'SVC*HC:J7507**0**1') },
    { name: 'the standard harness claim bills 100 over a 125 line: not missing', text: x12('LX*1', 'SV1*HC:J7507*125*UN*1***1') },
  ]));

test('ndc-quantity-not-positive', (t) =>
  checkRule(t, 'ndc-quantity-not-positive', [
    { name: 'CTP04 0 with UN', text: claim('100', ...sv1('100'), 'LIN**N4*00469061711', 'CTP****⟦0⟧*UN'), messages: ['CTP04 is 0 UN: the NDC quantity must be greater than zero'] },
    { name: 'CTP04 negative', text: claim('100', ...sv1('100'), 'LIN**N4*00469061711', 'CTP****⟦-2⟧*ML') },
    { name: 'CTP04 positive', text: claim('100', ...sv1('100'), 'LIN**N4*00469061711', 'CTP****1*UN') },
    { name: 'CTP04 fractional positive', text: claim('100', ...sv1('100'), 'LIN**N4*00469061711', 'CTP****0.5*ML') },
    { name: 'CTP04 0 without CTP05: not a quantity with a unit', text: claim('100', ...sv1('100'), 'LIN**N4*00469061711', 'CTP****0') },
    { name: 'remittance history: silent', text: x12Remit('100', 'LX*1', clp('100', '100'), 'SVC*HC:J7507*100*100**1', 'CTP****0*UN') },
  ]));

test('invalid-amount', (t) =>
  checkRule(t, 'invalid-amount', [
    { name: 'CLM02 with a letter', text: claim('⟦1OO⟧', ...sv1('100')), messages: ['CLM02 is a 3-character value: not an amount'] },
    { name: 'SV102 with two dots', text: claim('100', ...sv1('⟦1.0.0⟧')), messages: ['SV102 is "1.0.0": not an amount'] },
    { name: 'SV102 with three decimals', text: claim('100', ...sv1('⟦100.005⟧')) },
    { name: 'SV102 with trailing zero decimals is an amount', text: claim('100', ...sv1('100.000')) },
    { name: 'SV203 negative', text: x12Institutional('10', 'LX*1', 'SV2*0305*HC:85025*⟦-10⟧*UN*1'), messages: ['SV203 is -10.00: a charge on a claim cannot be negative'] },
    { name: 'CLM02 negative', text: claim('⟦-100⟧', ...sv1('100')) },
    { name: 'valid amounts', text: claim('100.50', ...sv1('100.50')) },
    { name: 'CLP04 not a number', text: x12Remit('80', 'LX*1', clp('100', '⟦8O⟧'), 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*20'), messages: [/^CLP04 is/] },
    { name: 'CAS amount not a number', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*⟦2O⟧'), messages: [/^The CAS amount is/] },
    { name: 'SVC03 not a number', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC*HC:J7507*100*⟦x⟧**1', 'CAS*CO*45*20') },
    { name: '835 reversal: negative amounts are how it is written', text: x12Remit('0', 'LX*1', clp('-100', '-80', '22'), 'SVC*HC:J7507*-100*-80**1', 'CAS*CO*45*-20') },
    { name: 'an 837 CAS (other payer) is not read', text: claim('100', ...sv1('100'), 'CAS*CO*45*abc') },
  ]));

test('remit-line-balance', (t) =>
  checkRule(t, 'remit-line-balance', [
    { name: 'balanced: 100 - 20 = 80', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*20') },
    { name: 'balanced over several CAS segments and triplets', text: x12Remit('50', 'LX*1', clp('100', '50'), 'SVC*HC:J7507*100*50**1', 'CAS*CO*45*20**253*5', 'CAS*PR*1*25') },
    {
      name: 'unbalanced',
      text: x12Remit('70', 'LX*1', clp('100', '70'), 'SVC*HC:J7507*100*⟦70⟧**1', 'CAS*CO*45*15**253*5'),
      messages: ['SVC03 is 70.00; SVC02 100.00 less its adjustments 20.00 (15.00 + 5.00) leaves 80.00'],
      fixes: [],
    },
    { name: 'no CAS and paid less', text: x12Remit('70', 'LX*1', clp('100', '70'), 'SVC*HC:J7507*100*⟦70⟧**1'), messages: ['SVC03 is 70.00; SVC02 100.00 with no CAS adjustments leaves 100.00'] },
    { name: 'a negative CAS (interest, reversal) adds', text: x12Remit('105', 'LX*1', clp('100', '105'), 'SVC*HC:J7507*100*105**1', 'CAS*OA*225*-5') },
    { name: 'claim-level CAS is not the line\'s', text: x12Remit('80', 'LX*1', clp('100', '80'), 'CAS*CO*45*20', 'SVC*HC:J7507*100*100**1') },
    { name: 'a CAS amount that is not a number: silent (invalid-amount)', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*2O') },
    { name: 'an 837 is not checked', text: claim('100', ...sv1('100'), 'CAS*CO*45*20') },
  ]));

test('remit-claim-balance', (t) =>
  checkRule(t, 'remit-claim-balance', [
    { name: 'balanced with line CAS', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*20') },
    { name: 'balanced with claim CAS and no lines', text: x12Remit('70', 'LX*1', clp('100', '70'), 'CAS*PR*1*30') },
    { name: 'balanced with both levels', text: x12Remit('65', 'LX*1', clp('100', '65'), 'CAS*OA*23*5', 'SVC*HC:J7507*100*70**1', 'CAS*CO*45*30') },
    {
      name: 'unbalanced',
      text: x12Remit('90', 'LX*1', clp('100', '⟦90⟧'), 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*20'),
      messages: ["CLP04 is 90.00; CLP03 100.00 less the claim's and its lines' adjustments 20.00 leaves 80.00"],
    },
    { name: 'no adjustments, paid less', text: x12Remit('90', 'LX*1', clp('100', '⟦90⟧')), messages: ['CLP04 is 90.00; CLP03 100.00 with no CAS adjustments leaves 100.00'] },
    { name: 'reversal balances in negatives', text: x12Remit('0', 'LX*1', clp('-100', '-80', '22'), 'SVC*HC:J7507*-100*-80**1', 'CAS*CO*45*-20') },
    { name: 'second claim off only', text: x12Remit('170', 'LX*1', clp('100', '80'), 'CAS*CO*45*20', 'CLP*C2*1*100*⟦90⟧**MC*124', 'CAS*CO*45*20') },
    { name: 'CLP04 not a number: silent here', text: x12Remit('80', 'LX*1', clp('100', 'x'), 'CAS*CO*45*20') },
    { name: 'a line without a code: silent', text: x12Remit('80', 'LX*1', clp('100', '80'), 'SVC**100*100**1', 'CAS*CO*45*20') },
  ]));

test('remit-paid-vs-lines', (t) =>
  checkRule(t, 'remit-paid-vs-lines', [
    { name: 'lines paid 50 + 40 = 90', text: x12Remit('90', 'LX*1', clp('100', '90'), 'SVC*HC:J7507*60*50**1', 'CAS*CO*45*10', 'SVC*HC:J7507*40*40**1') },
    { name: 'lines less a claim-level adjustment', text: x12Remit('85', 'LX*1', clp('100', '85'), 'CAS*OA*23*5', 'SVC*HC:J7507*60*50**1', 'CAS*CO*45*10', 'SVC*HC:J7507*40*40**1') },
    {
      name: 'claim paid more than its lines',
      text: x12Remit('90', 'LX*1', clp('100', '⟦90⟧'), 'SVC*HC:J7507*60*40**1', 'CAS*CO*45*20', 'SVC*HC:J7507*40*40**1'),
      messages: ['CLP04 is 90.00; the lines paid (SVC03) 80.00 (40.00 + 40.00)'],
    },
    {
      name: 'with a claim-level adjustment',
      text: x12Remit('90', 'LX*1', clp('100', '⟦90⟧'), 'CAS*OA*23*5', 'SVC*HC:J7507*100*90**1', 'CAS*CO*45*5'),
      messages: ['CLP04 is 90.00; the lines paid (SVC03) 90.00, less the claim-level adjustments 5.00, is 85.00'],
    },
    { name: 'no lines: nothing to add up', text: x12Remit('70', 'LX*1', clp('100', '70'), 'CAS*PR*1*30') },
    { name: 'SVC03 not a number: silent', text: x12Remit('90', 'LX*1', clp('100', '90'), 'SVC*HC:J7507*100*x**1') },
  ]));

test('remit-payment-balance', (t) =>
  checkRule(t, 'remit-payment-balance', [
    { name: 'one claim, balanced', text: x12Remit('80', 'LX*1', clp('100', '80'), 'CAS*CO*45*20') },
    { name: 'two claims and a PLB: 80 + 70 - 5 = 145', text: x12Remit('145', 'LX*1', clp('100', '80'), 'CAS*CO*45*20', 'CLP*C2*1*100*70**MC*124', 'CAS*CO*45*30', 'PLB*1234567893*20251231*L6:X*5') },
    { name: 'a negative PLB (interest paid) adds', text: x12Remit('85', 'LX*1', clp('100', '80'), 'CAS*CO*45*20', 'PLB*1234567893*20251231*L6:X*-5') },
    { name: 'several PLB pairs', text: x12Remit('75', 'LX*1', clp('100', '80'), 'CAS*CO*45*20', 'PLB*1234567893*20251231*WO:X*3*FB:Y*2') },
    {
      name: 'BPR02 off',
      text: x12Remit('⟦100⟧', 'LX*1', clp('100', '80'), 'CAS*CO*45*20'),
      messages: ['BPR02 is 100.00; the 1 claim paid (CLP04) 80.00'],
    },
    {
      name: 'BPR02 off with PLB',
      text: x12Remit('⟦80⟧', 'LX*1', clp('100', '80'), 'CAS*CO*45*20', 'PLB*1234567893*20251231*WO:X*3*FB:Y*2'),
      messages: ['BPR02 is 80.00; the 1 claim paid (CLP04) 80.00, less the PLB adjustments 5.00 (3.00 + 2.00), is 75.00'],
    },
    { name: 'BPR02 not a number', text: x12Remit('⟦8O⟧', 'LX*1', clp('100', '80')), messages: [/^BPR02 is .*not an amount/] },
    { name: 'PLB amount not a number', text: x12Remit('80', 'LX*1', clp('100', '80'), 'PLB*1234567893*20251231*WO:X*⟦x⟧'), messages: [/^The PLB amount is/] },
    { name: 'BPR02 negative', text: x12Remit('⟦-5⟧', 'LX*1', clp('100', '0'), 'CAS*CO*45*100', 'PLB*1234567893*20251231*WO:X*5') },
    { name: 'a CLP04 that is not a number: not balanced here', text: x12Remit('80', 'LX*1', clp('100', 'x')) },
    { name: 'an 837 has no BPR', text: claim('100', ...sv1('100')) },
  ]));
