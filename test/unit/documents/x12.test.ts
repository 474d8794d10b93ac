// X12 reader: one row per tolerance and per segment the reader understands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readX12 } from '../../../server/src/documents/x12';
import { caret, checkInvariants, insertAt, summarise } from './support';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~';

/** an 837P interchange around the given claim-level segments, '~' + LF after each */
function interchange(body: string[], isa = ISA, after = '\n'): string {
  const segs = ['GS*HC*S*R*20251105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', 'BHT*0019*00*1*20251105*1200*CH~', 'HL*1**20*1~', 'NM1*85*2*CLINIC*****XX*1234567893~', 'HL*2*1*22*0~', 'NM1*IL*1*DOE*JANE****MI*X1~', ...body, 'SE*9*0001~', 'GE*1*1~', 'IEA*1*000000001~'];
  return isa + after + segs.join(after) + after;
}

const CLAIM = ['CLM*C1*125***11:B:1*Y*A*Y*Y~', 'HI*ABK:F1020~'];
const LINE = ['LX*1~', 'SV1*HC:J7507:KX*125*UN*5***1~', 'DTP*472*D8*20251105~'];
const simple = interchange([...CLAIM, ...LINE]);
const expectedSimple = ['SV1 HC:J7507:KX u=5 UN dos=2025-11-05'];

interface Row {
  name: string;
  text: string;
  lines: string[];
  problems?: string[];
  claims?: number;
  interchanges?: number;
}

const rows: Row[] = [
  { name: 'LF after each segment', text: simple, lines: expectedSimple, claims: 1, interchanges: 1 },
  { name: 'BOM', text: '\uFEFF' + simple, lines: expectedSimple },
  { name: 'text before ISA', text: 'Batch 12 from the clearinghouse\n' + simple, lines: expectedSimple, problems: ['x12-text-before-isa'] },
  { name: 'CR only', text: simple.replace(/\n/g, '\r'), lines: expectedSimple },
  { name: 'CRLF', text: simple.replace(/\n/g, '\r\n'), lines: expectedSimple },
  { name: 'no line breaks', text: simple.replace(/\n/g, ''), lines: expectedSimple },
  { name: 'indented segments', text: simple.replace(/\n(?=[A-Z])/g, '\n    '), lines: expectedSimple },
  { name: 'newline as segment terminator', text: simple.replace(/~/g, ''), lines: expectedSimple },
  {
    name: 'two interchanges, the second with other separators',
    text: simple + interchange(['CLM|C2|10|||11>B>1|Y|A|Y|Y_', 'LX|1_', 'SV1|HC>J1100>JW|10|UN|2|||1_', 'DTP|472|D8|20250102_'].map((s) => s), ISA.replace(/\*/g, '|').replace(/:~$/, '>_').replace('|^|', '|^|')).replace(/~/g, '_').replace(/\*/g, '|'),
    lines: [...expectedSimple, 'SV1 HC:J1100:JW u=2 UN dos=2025-01-02'],
    claims: 2,
    interchanges: 2,
  },
  {
    name: 'damaged ISA (truncated): defaults are sniffed',
    text: 'ISA*00*SENDER~\nGS*HC*S*R*20251105*1200*1*X*005010X222A1~\nST*837*1~\nCLM*C1*10***11:B:1~\nLX*1~\nSV1*HC:J7507*10*UN*1~\nSE*5*1~\n',
    lines: ['SV1 HC:J7507 u=1 UN'],
    // the text ends after SE: its group and interchange have no GE, no IEA
    problems: ['x12-damaged-isa', 'x12-missing-trailer', 'x12-missing-trailer'],
  },
  {
    name: 'ISA wider than 106 characters is still read',
    text: simple.replace('SUBMITTER      ', 'SUBMITTER        '),
    lines: expectedSimple,
    problems: ['x12-isa-width'],
  },
  {
    name: "body composites use '>' while ISA16 says ':'",
    text: interchange(['CLM*C1*28***11>B>1*Y*A*Y*Y~', 'LX*1~', 'SV1*HC>E0570>RR*25*UN*1***1~', 'LX*2~', 'SV1*HC>A7003>NU*3.75*UN*1***1~']),
    lines: ['SV1 HC:E0570:RR u=1 UN', 'SV1 HC:A7003:NU u=1 UN'],
    problems: ['x12-component-mismatch'],
  },
  {
    name: '2400 date overrides the 2300 date; RD8 takes the first date; lines without one take the claim date',
    text: interchange(['CLM*C1*30***11:B:1~', 'DTP*472*D8*20250101~', 'LX*1~', 'SV1*HC:J7507*10*UN*1~', 'DTP*472*RD8*20250314-20250325~', 'LX*2~', 'SV1*HC:J7508*10*UN*1~']),
    lines: ['SV1 HC:J7507 u=1 UN dos=2025-03-14', 'SV1 HC:J7508 u=1 UN dos=2025-01-01'],
  },
  {
    name: '837I statement date (DTP*434 RD8) applies to lines without a 472',
    text: interchange(['CLM*C1*30***13:A:1~', 'DTP*434*RD8*20250201-20250203~', 'LX*1~', 'SV2*0250*HC:J7507*10*UN*3~']),
    lines: ['SV2 HC:J7507 u=3 UN dos=2025-02-01'],
  },
  {
    name: 'SV101-7 description and NTE note, with doses',
    text: interchange(['CLM*C1*30***11:B:1~', 'LX*1~', 'SV1*HC:J3490:::::TACROLIMUS 1MG*10*UN*5~', 'NTE*ADD*cyclosporine 100 mg given~']),
    lines: ['SV1 HC:J3490 u=5 UN desc=TACROLIMUS 1MG notes=cyclosporine 100 mg given dose=tacrolimus 1 mg dose=cyclosporine 100 mg'],
  },
  {
    name: 'LIN N4 NDC and CTP quantity/unit (loop 2410)',
    text: interchange(['CLM*C1*53***11:B:1~', 'LX*1~', 'SV1*HC:J1550*53.37*UN*1***1~', 'DTP*472*D8*20040711~', 'LIN**N4*00026063512~', 'CTP****10*ML~']),
    lines: ['SV1 HC:J1550 u=1 UN dos=2004-07-11 ndc=N4 00026063512 q=10 ML'],
  },
  {
    name: 'HI holds diagnoses, never service lines (also the damaged element form)',
    text: interchange(['CLM*C1*10***11:B:1~', 'HI*BK:0340*BF:V7389~', 'HI*BK*8901*BF*87200~', 'LX*1~', 'SV1*HC:99213*10*UN*1~']),
    lines: ['SV1 HC:99213 u=1 UN'],
  },
  {
    name: '837I SV2: code in SV202, units in SV205',
    text: interchange(['CLM*C1*89***14:A:1~', 'LX*1~', 'SV2*0305*HC:85025*13.39*UN*1~', 'LX*2~', 'SV2*0636*HC:J7507:KX*76.54*UN*3~']),
    lines: ['SV2 HC:85025 u=1 UN', 'SV2 HC:J7507:KX u=3 UN'],
  },
  {
    name: '835 SVC: units in SVC05, DTM*472 / DTM*150 dates, CLP claims',
    text: ISA + '\nGS*HP*S*R*20251105*1200*1*X*005010X221A1~\nST*835*1~\nLX*1~\nCLP*P1*1*30*20**MC*123~\nDTM*232*20250101~\nSVC*HC:T1005:KX*20*10**4~\nDTM*150*20250102~\nSVC*HC:J7507*10*10~\nCLP*P2*1*5*5**MC*124~\nSVC*HC:J7508*5*5**~\nDTM*472*20250103~\nSE*9*1~\nGE*1*1~\nIEA*1*000000001~\n',
    lines: ['SVC HC:T1005:KX u=4 dos=2025-01-02', 'SVC HC:J7507 dos=2025-01-01', 'SVC HC:J7508 dos=2025-01-03'],
    claims: 2,
  },
  {
    name: 'SVD payer line adjudication (2430) is its own line and takes its parent line date',
    text: interchange(['CLM*C1*10***11:B:1~', 'LX*1~', 'SV1*HC:J7507*10*UN*2~', 'DTP*472*D8*20250105~', 'SVD*43*55*HC:J7507:KX**2~', 'DTP*573*D8*20250301~']),
    lines: ['SV1 HC:J7507 u=2 UN dos=2025-01-05', 'SVD HC:J7507:KX u=2 dos=2025-01-05'],
  },
  {
    name: 'non-HC qualifiers still make lines',
    text: interchange(['CLM*C1*10***11:B:1~', 'LX*1~', 'SV1*N4:00378204501*10*UN*1~', 'LX*2~', 'SV1*ER:XYZ12*10*UN*1~', 'LX*3~', 'SV1*IV:1234*10*UN*1~']),
    lines: ['SV1 N4:00378204501 u=1 UN', 'SV1 ER:XYZ12 u=1 UN', 'SV1 IV:1234 u=1 UN'],
  },
  {
    name: 'a service line before any CLM gets a stand-in claim and a problem',
    text: interchange(['LX*1~', 'SV1*HC:J7507*10*UN*1~']),
    lines: ['SV1 HC:J7507 u=1 UN'],
    problems: ['x12-line-outside-claim'],
  },
  {
    name: 'empty SV1 composite: a problem, no line',
    text: interchange(['CLM*C1*10***11:B:1~', 'LX*1~', 'SV1**10*UN*1~']),
    lines: [],
    problems: ['x12-missing-code'],
  },
  {
    name: 'invalid date: a problem, no date',
    text: interchange(['CLM*C1*10***11:B:1~', 'LX*1~', 'SV1*HC:J7507*10*UN*1~', 'DTP*472*D8*20251399~']),
    lines: ['SV1 HC:J7507 u=1 UN'],
    problems: ['x12-bad-date'],
  },
  { name: 'no ISA at all', text: 'CLM*C1*10***11:B:1~LX*1~SV1*HC:J7507*10*UN*1~', lines: ['SV1 HC:J7507 u=1 UN'], problems: ['x12-no-isa'] },
  { name: 'empty text', text: '', lines: [], problems: ['x12-no-isa'] },
  { name: 'garbage', text: 'ISA*\u0000\u0001~~~***', lines: [], problems: ['x12-damaged-isa', 'x12-missing-trailer'] },
];

function checkX12(row: Row): void {
  const doc = readX12(row.text);
  assert.deepEqual(summarise(doc), row.lines);
  assert.deepEqual(
    doc.problems.map((p) => p.id),
    row.problems ?? [],
  );
  if (row.claims !== undefined) assert.equal(doc.claims.length, row.claims);
  if (row.interchanges !== undefined) assert.equal(doc.containers.filter((c) => c.kind === 'interchange').length, row.interchanges);
  checkInvariants(row.text, doc);
}

for (const row of rows) test(`x12: ${row.name}`, () => checkX12(row));

test('x12: the standard test ISA is 106 characters', () => assert.equal(ISA.length, 106));

test('x12: claims, containers and labels (CLM01 + charge, never names)', () => {
  const doc = readX12(simple);
  assert.equal(doc.claims[0].label, 'C1 $125');
  assert.ok(!doc.claims.some((c) => /DOE|JANE/.test(c.label)));
  assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['F1020']);
  assert.equal(doc.claims[0].id?.value, 'C1');
  assert.deepEqual(doc.containers.map((c) => `${c.kind}:${c.label}:${c.claims.length}`), ['interchange:Interchange 000000001:1', 'group:Functional group HC 1:1', 'transaction:837P transaction 0001:1']);
  assert.deepEqual(doc.x12, { element: '*', component: ':', repetition: '^', segment: '~' });
  const line = doc.claims[0].lines[0];
  assert.equal(simple.slice(line.range.start, line.range.end), 'LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~\nDTP*472*D8*20251105');
  assert.equal(line.charge?.value, 125);
  const claim = doc.claims[0];
  assert.ok(simple.slice(claim.range.start, claim.range.end).startsWith('CLM*C1'));
  assert.ok(simple.slice(claim.range.start, claim.range.end).endsWith('DTP*472*D8*20251105'));
});

test('x12: HI codes shaped like HCPCS become diagnosis mentions', () => {
  const doc = readX12(interchange(['CLM*C1*10***11:B:1~', 'HI*BK:0340*BF:V7389~', 'LX*1~', 'SV1*HC:99213*10*UN*1~']));
  assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['0340', 'V7389']);
  assert.deepEqual(doc.mentions.map((m) => `${m.code.value}:${m.context}`), ['V7389:diagnosis']);
});

const diagnosisRows: { name: string; hi: string[]; expect: string[] }[] = [
  { name: 'ICD-10 principal then others', hi: ['HI*ABK:E119*ABF:I10*ABF:Z7982~'], expect: ['1 E119 ABK icd10 principal', '2 I10 ABF icd10', '3 Z7982 ABF icd10'] },
  { name: 'ICD-9 qualifiers', hi: ['HI*BK:0340*BF:V7389~'], expect: ['1 0340 BK icd9 principal', '2 V7389 BF icd9'] },
  { name: 'positions run on across HI segments', hi: ['HI*ABK:E119~', 'HI*ABF:I10~'], expect: ['1 E119 ABK icd10 principal', '2 I10 ABF icd10'] },
  { name: 'damaged element form keeps its qualifier', hi: ['HI*BK*8901*BF*87200~'], expect: ['1 8901 BK icd9 principal', '2 87200 BF icd9'] },
  { name: 'a composite of another qualifier is not a diagnosis', hi: ['HI*BE:80:::100~'], expect: [] },
];
for (const row of diagnosisRows) {
  test(`x12 diagnoses: ${row.name}`, () => {
    const doc = readX12(interchange(['CLM*C1*10***11:B:1~', ...row.hi, 'LX*1~', 'SV1*HC:J7507*10*UN*1***1~']));
    const seen = doc.claims[0].diagnoses.map((d) => [d.position, d.value, d.qualifier?.value, d.system, d.principal ? 'principal' : ''].join(' ').trim());
    assert.deepEqual(seen, row.expect);
  });
}

test('x12: the component mismatch is reported once and the document uses the body separator', () => {
  const text = interchange(['CLM*C1*28***11>B>1*Y*A*Y*Y~', 'HI*BK>496~', 'LX*1~', 'SV1*HC>E0570>RR*25*UN*1***1>2~', 'LX*2~', 'SV1*HC>A7003*3.75*UN*1***1~']);
  const doc = readX12(text);
  assert.equal(doc.problems.filter((p) => p.id === 'x12-component-mismatch').length, 1);
  assert.equal(doc.x12?.component, '>');
  assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['496']);
});

// ---- modifier slots: '‸' marks where a new modifier goes ------------------------------------

const slotRows: { name: string; marked: string; prefix: string }[] = [
  { name: 'after the code', marked: 'SV1*HC:J7507‸*10*UN*1~', prefix: ':' },
  { name: 'after the last modifier', marked: 'SV1*HC:J7507:KX:JW‸*10*UN*1~', prefix: ':' },
  { name: 'in the first empty modifier position before a description', marked: 'SV1*HC:J3490:‸::::TACROLIMUS*10*UN*1~', prefix: '' },
  { name: 'in an empty position after a modifier', marked: 'SV1*HC:J3490:JW:‸:::TACROLIMUS*10*UN*1~', prefix: '' },
  { name: "with the body's separator", marked: 'SV1*HC>J7507>KX‸*10*UN*1~', prefix: '>' },
  { name: 'SV2', marked: 'SV2*0250*HC:J7507‸*10*UN*1~', prefix: ':' },
  { name: 'SVC', marked: 'SVC*HC:J7507:KX‸*10*10**1~', prefix: ':' },
];

function checkSlot(row: (typeof slotRows)[number]): void {
  const { text: seg, offset } = caret(row.marked);
  const before = interchange(['CLM*C1*10***11:B:1~', 'LX*1~']);
  const text = before.replace('LX*1~\n', 'LX*1~\n' + seg + '\n');
  const at = text.indexOf(seg) + offset;
  const doc = readX12(text);
  const line = doc.claims[0].lines[0];
  assert.deepEqual(line.modifierSlot, { offset: at, prefix: row.prefix, suffix: '' });
  // inserting a modifier there makes it the line's next modifier and changes nothing else
  const after = readX12(insertAt(text, at, row.prefix + 'GA' + line.modifierSlot!.suffix));
  const l2 = after.claims[0].lines[0];
  assert.deepEqual(l2.modifiers.map((m) => m.value), [...line.modifiers.map((m) => m.value), 'GA']);
  assert.equal(l2.code.value, line.code.value);
  assert.equal(l2.description?.value, line.description?.value);
  assert.equal(l2.units?.value, line.units?.value);
}

for (const row of slotRows) test(`x12 modifier slot: ${row.name}`, () => checkSlot(row));

test('x12 modifier slot: none when four modifiers are there', () => {
  const doc = readX12(interchange(['CLM*C1*10***11:B:1~', 'LX*1~', 'SV1*HC:K0001:RR:KH:BR:KX*10*UN*1~']));
  assert.equal(doc.claims[0].lines[0].modifiers.length, 4);
  assert.equal(doc.claims[0].lines[0].modifierSlot, undefined);
});
