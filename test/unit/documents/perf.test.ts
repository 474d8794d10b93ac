// How long a 10 MB 837 takes to read (printed, not asserted: timing asserts are flaky on shared CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/documents/index';
import { allLines } from './support';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~';

/** claims shaped like real ones: billing provider, subscriber and payer loops around 3 lines with dates and NDCs */
function big837(targetBytes: number, dense = false): { text: string; claims: number; lines: number } {
  const parts: string[] = [ISA, 'GS*HC*S*R*20251105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', 'BHT*0019*00*1*20251105*1200*CH~'];
  let size = parts.join('\n').length;
  let claims = 0;
  let lines = 0;
  while (size < targetBytes) {
    claims++;
    const claim = dense
      ? [`HL*${claims + 1}*1*22*0~`, `CLM*PCN${claims}*450.00***11:B:1*Y*A*Y*Y~`, 'DTP*472*D8*20251105~', 'HI*ABK:T8619*ABF:Z940~']
      : [
          `HL*${2 * claims}**20*1~`, 'PRV*BI*PXC*207Q00000X~', 'NM1*85*2*NORTHSIDE TRANSPLANT CLINIC*****XX*1234567893~', 'N3*1200 MEDICAL CENTER DRIVE SUITE 400~', 'N4*SPRINGFIELD*IL*627040000~', 'REF*EI*371234567~', 'PER*IC*BILLING OFFICE*TE*2175550100*FX*2175550101~',
          `HL*${2 * claims + 1}*${2 * claims}*22*0~`, 'SBR*P*18*******MB~', 'NM1*IL*1*DOE*JANE*Q***MI*1EG4TE5MK72~', 'N3*45 OAK STREET APT 2~', 'N4*SPRINGFIELD*IL*627010000~', 'DMG*D8*19580312*F~', 'NM1*PR*2*MEDICARE PART B*****PI*00952~', 'N3*PO BOX 6000~', 'N4*INDIANAPOLIS*IN*462066000~',
          `CLM*PCN${claims}*450.00***11:B:1*Y*A*Y*Y~`, 'DTP*472*D8*20251105~', 'REF*G1*AUTH20251105~', 'REF*D9*CLEARINGHOUSE000123~', 'HI*ABK:T8619*ABF:Z940*ABF:D849~', 'NM1*82*1*SMITH*ALEX****XX*1987654321~', 'PRV*PE*PXC*207Q00000X~', 'NM1*77*2*NORTHSIDE TRANSPLANT CLINIC~', 'N3*1200 MEDICAL CENTER DRIVE~', 'N4*SPRINGFIELD*IL*627040000~',
        ];
    for (let l = 1; l <= (dense ? 5 : 3); l++) {
      lines++;
      claim.push(`LX*${l}~`, `SV1*HC:J7507:KX*90.00*UN*${l * 10}***1~`, 'DTP*472*D8*20251105~', 'LIN**N4*00469061773~', `CTP****${l * 10}*UN~`, 'NTE*ADD*tacrolimus 1 mg capsules~');
      if (!dense) claim.push(`REF*6R*LINE${claims}X${l}~`, 'AMT*T*0.00~');
    }
    const chunk = claim.join('\n') + '\n';
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push('SE*1*0001~', 'GE*1*1~', 'IEA*1*000000001~');
  return { text: parts.join('\n'), claims, lines };
}

for (const dense of [false, true]) test(`perf: a ~10 MB 837P (${dense ? 'dense: a service line every 160 bytes' : 'claims shaped like real ones'}) is read in one linear pass`, () => {
  const { text, claims, lines } = big837(10 * 1024 * 1024, dense);
  parseDocument(text.slice(0, 100000)); // warm up the JIT
  const times: string[] = [];
  let doc = parseDocument('');
  for (let i = 0; i < 3; i++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    doc = parseDocument(text, { uri: 'file:///big.837' });
    const used = process.cpuUsage(cpu);
    times.push(`${(performance.now() - t0).toFixed(0)} ms wall / ${((used.user + used.system) / 1000).toFixed(0)} ms cpu`);
  }
  assert.equal(doc.claims.length, claims);
  assert.equal(allLines(doc).length, lines);
  assert.equal(allLines(doc)[lines - 1].ndcQuantity?.value, dense ? 50 : 30);
  console.log(`perf: ${(text.length / 1048576).toFixed(1)} MB 837P, ${claims} claims, ${lines} lines: ${times.join(', ')}`);
});

test('perf: the same file on one line (no line breaks) and with CRLF', () => {
  const { text, lines } = big837(2 * 1024 * 1024);
  for (const variant of [text.replace(/\n/g, ''), text.replace(/\n/g, '\r\n')]) {
    const t0 = performance.now();
    const doc = parseDocument(variant);
    const ms = performance.now() - t0;
    assert.equal(allLines(doc).length, lines);
    console.log(`perf: ${(variant.length / 1048576).toFixed(1)} MB variant: ${ms.toFixed(0)} ms`);
  }
});
