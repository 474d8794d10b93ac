// Synthetic 837P (005010X222A1) files: several interchanges, each one functional group of a few
// transactions, each transaction a billing provider with many subscriber/claim loops. Segment
// counts (SE01), group and interchange counts are exact; the ISA is its fixed 106 characters.
import { createRng, type Rng } from './prng';
import { firstNames, lastNames } from './catalog';
import { isoToD8, planClaim, type PlannedClaim, type PlannedLine } from './lines';
import { DEFAULT_PROBLEM_RATE, emptyProblemCounts, type Generated837, type GeneratorOptions } from './types';

const SEG = '~';
const NL = '\n';

function isaSegment(control: number): string {
  const header = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'BENCHSUBMITTER'.padEnd(15), 'ZZ', 'BENCHRECEIVER'.padEnd(15),
    '251105', '1200', '^', '00501', String(control).padStart(9, '0'), '0', 'P', ':',
  ].join('*') + SEG;
  if (header.length !== 106) throw new Error(`ISA is ${header.length} characters, not 106`);
  return header;
}

/** Appends segments, keeping the running length (for code offsets) and the ST..SE count. */
class Writer {
  readonly parts: string[] = [];
  length = 0;
  segmentsInTransaction = 0;
  segments = 0;
  raw(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
  segment(text: string): void {
    this.raw(text + SEG + NL);
    this.segmentsInTransaction++;
    this.segments++;
  }
}

/** SV101: HC:code[:mod1..mod4][:::::description]; the description is component 7. */
function composite(line: PlannedLine): string {
  const parts = ['HC', line.code, ...line.modifiers];
  if (line.description) {
    while (parts.length < 6) parts.push('');
    parts.push(line.description);
  }
  return parts.join(':');
}

function writeClaim(w: Writer, rng: Rng, claim: PlannedClaim, hl: number, codeOffsets: number[]): void {
  w.segment(`HL*${hl}*1*22*0`);
  w.segment('SBR*P*18*******MB');
  w.segment(`NM1*IL*1*${rng.pick(lastNames)}*${rng.pick(firstNames)}****MI*${rng.int(1, 9)}EG${rng.int(1000, 9999)}MK${rng.int(10, 99)}`);
  w.segment(`N3*${rng.int(1, 999)} BENCH AVE`);
  w.segment('N4*SPRINGFIELD*IL*627040000');
  w.segment(`DMG*D8*19${rng.int(30, 79)}0${rng.int(1, 9)}1${rng.int(0, 9)}*${rng.chance(0.5) ? 'F' : 'M'}`);
  w.segment('NM1*PR*2*MEDICARE PART B*****PI*00952');
  w.segment(`CLM*${claim.id}*${claim.total}***11:B:1*Y*A*Y*Y`);
  if (claim.date) w.segment(`DTP*472*D8*${isoToD8(claim.date)}`);
  w.segment(`HI*${claim.diagnoses.map((d, i) => `${i === 0 ? 'ABK' : 'ABF'}:${d}`).join('*')}`);
  w.segment(`NM1*82*1*${rng.pick(lastNames)}*${rng.pick(firstNames)}****XX*1${rng.int(100000000, 999999999)}`);
  claim.lines.forEach((line, i) => {
    w.segment(`LX*${i + 1}`);
    codeOffsets.push(w.length + 'SV1*HC:'.length);
    w.segment(`SV1*${composite(line)}*${line.charge}*UN*${line.units}***1`);
    if (line.date) w.segment(`DTP*472*D8*${isoToD8(line.date)}`);
    if (line.ndc) {
      w.segment(`LIN**N4*${line.ndc.ndc}`);
      w.segment(`CTP****${line.ndc.quantity}*${line.ndc.unit}`);
    }
    if (line.note) w.segment(`NTE*ADD*${line.note}`);
  });
}

export function generate837p(options: GeneratorOptions): Generated837 {
  const rng = createRng(options.seed);
  const problemRate = options.problemRate ?? DEFAULT_PROBLEM_RATE;
  const w = new Writer();
  const codeOffsets: number[] = [];
  const problems = emptyProblemCounts();
  let claims = 0;
  let lines = 0;
  let interchanges = 0;
  let transactions = 0;

  while (w.length < options.targetBytes) {
    interchanges++;
    w.raw(isaSegment(interchanges) + NL);
    w.segments++;
    const group = interchanges;
    w.segment(`GS*HC*BENCHSUBMITTER*BENCHRECEIVER*20251105*1200*${group}*X*005010X222A1`);
    const transactionsInGroup = rng.int(1, 4);
    let written = 0;
    for (let t = 0; t < transactionsInGroup && (t === 0 || w.length < options.targetBytes); t++) {
      transactions++;
      written++;
      const control = String(transactions).padStart(4, '0');
      w.segmentsInTransaction = 0;
      w.segment(`ST*837*${control}*005010X222A1`);
      w.segment(`BHT*0019*00*${control}*20251105*1200*CH`);
      w.segment('NM1*41*2*BENCH BILLING SERVICE*****46*BENCH01');
      w.segment('PER*IC*BILLING OFFICE*TE*5555550100');
      w.segment('NM1*40*2*BENCH CLEARINGHOUSE*****46*BENCH02');
      w.segment('HL*1**20*1');
      w.segment(`NM1*85*2*BENCH CLINIC ${transactions}*****XX*1${rng.int(100000000, 999999999)}`);
      w.segment('N3*100 MAIN ST');
      w.segment('N4*SPRINGFIELD*IL*627010000');
      w.segment(`REF*EI*${rng.int(100000000, 999999999)}`);
      const claimsInTransaction = rng.int(50, 400);
      // at least one transaction per group and one claim per transaction: empty ones are not valid 837s
      for (let c = 0; c < claimsInTransaction && (c === 0 || w.length < options.targetBytes); c++) {
        claims++;
        const claim = planClaim(rng, claims, problemRate);
        writeClaim(w, rng, claim, c + 2, codeOffsets);
        lines += claim.lines.length;
        for (const line of claim.lines) if (line.problem) problems[line.problem]++;
      }
      w.segment(`SE*${w.segmentsInTransaction + 1}*${control}`);
    }
    w.segment(`GE*${written}*${group}`);
    w.segment(`IEA*1*${String(interchanges).padStart(9, '0')}`);
  }
  return { text: w.parts.join(''), claims, lines, codeOffsets, problems, interchanges, transactions, segments: w.segments };
}
