// After an edit, the service re-reads only the claim it touched. Whatever path it takes, the model
// and the findings must be exactly what reading the new text from scratch gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../../server/src/service';
import { findChange, reparseAfterEdit } from '../../../server/src/incremental';
import { loadGuidance } from '../../../server/src/features/guidance';
import { parseDocument } from '../../../server/src/documents/index';
import { coreCodeSet } from '../../support/codesets';
import { x12_837p, isa } from '../../support/x12';
import { samplesDir } from '../../support/paths';
import { reasons } from '../../support/needs';
import { fuzzParams } from '../../support/fuzz';
import { plainModel } from '../../support/plain-model';

const codeset = coreCodeSet();
const guidance = loadGuidance({});
const newService = () => createService({ codeset, guidance, today: () => '2025-11-20' });

const base = x12_837p([
  'CLM*A1*250***11:B:1*Y*A*Y*Y',
  'HI*ABK:Z940*ABF:J7506',
  'DTP*472*D8*20251105',
  'LX*1',
  'SV1*HC:J7507*125*UN*5***1',
  'LX*2',
  'SV1*HC:J1745*80*UN*2.5***1',
  'LIN**N4*57894003001',
  'CTP****1*UN',
  'NTE*ADD*infliximab 250 mg',
  'HL*3*1*22*0',
  'CLM*A2*90***11:B:1*Y*A*Y*Y',
  'LX*1',
  'SV1*HC:J7520:KX*90*UN*2***1',
  'DTP*472*D8*20250203',
  'NTE*ADD*tacrolimus 2 mg',
  'LX*2',
  'SV1*HC:J9035:JG*40*UN*1***1',
  'DTP*472*D8*20250203',
  'HL*4*1*22*0',
  'CLM*A3*30***11:B:1*Y*A*Y*Y',
  'LX*1',
  'SV1*HC:J3490*30*UN*1***1',
  'DTP*472*D8*20251001',
]);

/** the model and findings of `after`, through the incremental path and from scratch */
function bothWays(before: string, after: string, uri = 'file:///edit.837') {
  const incremental = newService();
  incremental.findings(TextDocument.create(uri, 'x12', 1, before));
  const v2 = TextDocument.create(uri, 'x12', 2, after);
  const viaEdit = { model: plainModel(incremental.model(v2)), findings: incremental.findings(v2) };
  const scratch = newService();
  const v1 = TextDocument.create(uri, 'x12', 1, after);
  const fresh = { model: plainModel(scratch.model(v1)), findings: scratch.findings(v1) };
  return { viaEdit: JSON.parse(JSON.stringify(viaEdit)), fresh: JSON.parse(JSON.stringify(fresh)) };
}

/** replace the first `find` (after `from`) with `replace` */
function edit(text: string, find: string, replace: string, from = 0): string {
  const at = text.indexOf(find, from);
  assert.ok(at >= 0, `${find} not found`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

const rows: { name: string; after: string; incremental: boolean }[] = [
  { name: 'units digit replaced', after: edit(base, '*UN*5*', '*UN*6*'), incremental: true },
  { name: 'modifier added (text grows)', after: edit(base, 'HC:J7507*', 'HC:J7507:KX*'), incremental: true },
  { name: 'modifier removed (text shrinks)', after: edit(base, 'J7520:KX', 'J7520'), incremental: true },
  { name: 'fractional units fixed in the first claim', after: edit(base, '*2.5*', '*3*'), incremental: true },
  { name: 'NTE dose changed', after: edit(base, 'tacrolimus 2 mg', 'sirolimus 2 mg'), incremental: true },
  { name: 'a whole new service line typed into a claim', after: edit(base, 'NTE*ADD*tacrolimus 2 mg~', 'NTE*ADD*tacrolimus 2 mg~\nLX*3~\nSV1*HC:J7502*10*UN*4***1~'), incremental: true },
  { name: 'HI diagnosis edited (a mention moves)', after: edit(base, 'ABF:J7506', 'ABF:J75067'), incremental: true },
  { name: 'a diagnosis pointer added in the first claim (pointers after it move)', after: edit(base, '*UN*5***1~', '*UN*5***1:2~'), incremental: true },
  { name: 'a diagnosis pointer made unreadable and one naming no diagnosis', after: edit(edit(base, '*UN*5***1~', '*UN*5***A~'), '*UN*2.5***1~', '*UN*2.5***7~'), incremental: true },
  { name: 'an HI qualifier made unknown (positions change)', after: edit(base, 'ABF:J7506', 'XBF:J7506'), incremental: true },
  { name: 'an HI segment added to a claim without one', after: edit(base, 'CLM*A2*90***11:B:1*Y*A*Y*Y~', 'CLM*A2*90***11:B:1*Y*A*Y*Y~\nHI*ABK:Z940~'), incremental: true },
  { name: 'claim id edited: structure may change, read again', after: edit(base, 'CLM*A2', 'CLX*A2'), incremental: false },
  { name: 'text typed right after the claim id (CLM -> CLMKX): no longer a claim, read again', after: edit(base, 'CLM*A2', 'CLMKX*A2'), incremental: false },
  { name: 'text typed after the claim id\'s separator (the claim number): the claim stays', after: edit(base, 'CLM*A2', 'CLM*A2X'), incremental: true },
  { name: 'edit in the envelope: read again', after: edit(base, 'BHT*0019', 'BHT*0018'), incremental: false },
  { name: 'an ST typed inside a claim: read again', after: edit(base, 'LX*2~', 'ST*837*0002~\nLX*2~'), incremental: false },
  { name: 'the last claim, at its end', after: edit(base, '20251001', '20251002'), incremental: true },
];

test('incremental re-reading gives exactly what reading from scratch gives', () => {
  for (const row of rows) {
    const { viaEdit, fresh } = bothWays(base, row.after);
    assert.deepEqual(viaEdit, fresh, row.name);
  }
});

// A diagnosis that looks like a Level II code (ICD-9 V7389, ICD-10 J7506) is also a mention and shares
// its range with it: a later claim's diagnosis moves once when an earlier claim grows or shrinks.
test('a later claim\'s Level II-looking diagnosis moves once with the edit', () => {
  const withDiagnosis = edit(base, 'CLM*A3*30***11:B:1*Y*A*Y*Y~', 'CLM*A3*30***11:B:1*Y*A*Y*Y~\nHI*BK:0340*BF:V7389~');
  for (const [name, after] of [
    ['the first claim grows', edit(withDiagnosis, 'CLM*A1', 'CLM*A1KX')],
    ['the first claim shrinks', edit(withDiagnosis, 'CLM*A1', 'CLM*A')],
    ['an edit after the diagnosis', edit(withDiagnosis, 'J3490*30', 'J3490*31')],
  ]) {
    const { viaEdit, fresh } = bothWays(withDiagnosis, after);
    assert.deepEqual(viaEdit, fresh, name);
  }
});

// A GE count finding lies behind every claim and points back at its GS: when a claim grows, the
// finding moves and its GS stays; a GS control finding before the claim reaches the GE behind it.
test('kept envelope findings: ranges behind the claim move, ranges before it stay', () => {
  for (const [name, before] of [
    ['GE counts 2 groups for 1', edit(base, 'GE*1*1', 'GE*2*1')],
    ['GE control differs from GS', edit(base, 'GE*1*1', 'GE*1*7')],
  ]) {
    for (const after of [edit(before, 'CLM*A1', 'CLM*A1KX'), edit(before, 'CLM*A1', 'CLM*A')]) {
      const { viaEdit, fresh } = bothWays(before, after);
      assert.ok(fresh.findings.some((f: { related: unknown[] }) => f.related.length > 0), `${name}: the finding points back`);
      assert.deepEqual(viaEdit, fresh, name);
    }
  }
});

test('the incremental path is taken where it should be, and not elsewhere', () => {
  const model = parseDocument(base, { languageId: 'x12' });
  const findings = newService().findings(TextDocument.create('file:///x.837', 'x12', 1, base));
  for (const row of rows) {
    const fresh = parseDocument(base, { languageId: 'x12' }); // the path moves the old model: one per row
    const result = reparseAfterEdit(base, fresh, findings, row.after, {});
    assert.equal(result !== undefined, row.incremental, row.name);
  }
  assert.ok(model.claims.length === 3);
});

/** `base` with a second transaction in its group (GE01 2): ST*837*0002 holding claim B1 */
const twoTransactions = base
  .replace('GE*1*1~', 'GE*2*1~')
  .replace(
    /(SE\*\d+\*0001~\n)/,
    '$1ST*837*0002*005010X222A1~\nBHT*0019*00*0002*20251105*1200*CH~\nHL*1**20*1~\nHL*2*1*22*0~\nCLM*B1*50***11:B:1*Y*A*Y*Y~\nLX*1~\nSV1*HC:J7507:KX*50*UN*2***1~\nDTP*472*D8*20251105~\nSE*9*0002~\n',
  );
const withSe01 = (text: string, count: number) => text.replace(/SE\*\d+\*0001~/, `SE*${count}*0001~`);
const se01 = (text: string) => Number(/SE\*(\d+)\*0001~/.exec(text)![1]);

/** envelope findings stay right after edits that add or remove segments inside a claim (SE01 counts them) */
const envelopeRows: { name: string; before: string; after: string; envelope: string[] }[] = [
  { name: 'a segment typed into a claim: SE01 is now one short', before: base, after: edit(base, 'NTE*ADD*tacrolimus 2 mg~', 'NTE*ADD*tacrolimus 2 mg~\nNTE*ADD*second note~'), envelope: ['x12-segment-count'] },
  { name: 'a segment deleted from a claim: SE01 is now one too many', before: base, after: edit(base, 'DTP*472*D8*20250203~\n', ''), envelope: ['x12-segment-count'] },
  { name: 'a terminator typed into a segment splits it', before: base, after: edit(base, 'SV1*HC:J7520:KX*90', 'SV1*HC:J7520:KX~90'), envelope: ['x12-segment-count'] },
  { name: 'SE01 one short, then the missing segment is typed: the finding goes', before: withSe01(base, se01(base) + 1), after: edit(withSe01(base, se01(base) + 1), 'NTE*ADD*tacrolimus 2 mg~', 'NTE*ADD*tacrolimus 2 mg~\nNTE*ADD*x~'), envelope: [] },
  { name: 'SE01 wrong, an edit that keeps the count keeps the finding (moved)', before: withSe01(base, 99), after: edit(withSe01(base, 99), 'J7520:KX', 'J7520'), envelope: ['x12-segment-count'] },
  { name: 'two transactions: a segment added in the first; the second is untouched', before: twoTransactions, after: edit(twoTransactions, 'LX*2~', 'NTE*ADD*x~\nLX*2~'), envelope: ['x12-segment-count'] },
  { name: 'two transactions: the second one edited, the first one stays right', before: twoTransactions, after: edit(twoTransactions, 'SV1*HC:J7507:KX*50*UN*2***1~', 'SV1*HC:J7507:KX*50*UN*2***1~\nNTE*ADD*x~'), envelope: ['x12-segment-count'] },
  { name: 'a file cut off inside its last claim: a segment added there', before: base.slice(0, base.indexOf('SE*')), after: edit(base.slice(0, base.indexOf('SE*')), 'SV1*HC:J3490*30*UN*1***1~', 'SV1*HC:J3490*30*UN*1***1~\nNTE*ADD*x~'), envelope: ['x12-missing-trailer', 'x12-missing-trailer', 'x12-missing-trailer'] },
];

test('envelope findings after an edit inside a claim equal a fresh read, through the incremental path', () => {
  for (const row of envelopeRows) {
    const { viaEdit, fresh } = bothWays(row.before, row.after);
    assert.deepEqual(viaEdit, fresh, row.name);
    const ids = (fresh.findings as { ruleId: string }[]).map((f) => f.ruleId).filter((id) => id.startsWith('x12-'));
    assert.deepEqual(ids, row.envelope, row.name);
    const findings = newService().findings(TextDocument.create('file:///x.837', 'x12', 1, row.before));
    assert.ok(reparseAfterEdit(row.before, parseDocument(row.before, { languageId: 'x12' }), findings, row.after, {}), `${row.name}: the incremental path`);
  }
});

test('findChange finds the one changed region', () => {
  const cases: [string, string, [number, number, number]][] = [
    ['abcdef', 'abXdef', [2, 3, 3]],
    ['abcdef', 'abcXdef', [3, 3, 4]],
    ['abcdef', 'abdef', [2, 3, 2]],
    ['aaaa', 'aaaaa', [4, 4, 5]],
    ['', 'x', [0, 0, 1]],
    ['same', 'same', [4, 4, 4]],
    ['x'.repeat(10000) + 'A' + 'y'.repeat(9000), 'x'.repeat(10000) + 'BB' + 'y'.repeat(9000), [10000, 10001, 10002]],
  ];
  for (const [a, b, [start, oldEnd, newEnd]] of cases) assert.deepEqual(findChange(a, b), { start, oldEnd, newEnd }, `${a.slice(0, 10)} -> ${b.slice(0, 10)}`);
});

test('two interchanges with other separators: an edit in the second is read with its own', () => {
  const second = isa({ element: '|', component: '>', segment: '\n' }, '000000002').replace(/\n$/, '');
  const two = base + second + '\n' + x12_837p(['CLM|B1|50|||11>B>1|Y|A|Y|Y', 'LX|1', 'SV1|HC>J7507>KX|50|UN|3|||1', 'DTP|472|D8|20251105'], { element: '|', component: '>', segment: '\n', newline: '' }).slice(107);
  const { viaEdit, fresh } = bothWays(two, edit(two, 'UN|3|', 'UN|4|'));
  assert.deepEqual(viaEdit, fresh);
  assert.ok((fresh.model.claims as unknown[]).length === 4);
});

test('random edits in the real 837 samples: incremental equals from scratch', (t) => {
  const dir = samplesDir();
  if (!dir) return t.skip(reasons.samples);
  const files = ['837p', '837i', '835'].flatMap((k) => readdirSync(join(dir, k)).map((f) => readFileSync(join(dir, k, f), 'utf8')));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: files.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('', '1', 'KX', ':JZ', '~', '*', 'X'),
      (fileIndex, where, deleteCount, insert) => {
        const text = files[fileIndex];
        const at = Math.floor(where * text.length);
        const after = text.slice(0, at) + insert + text.slice(at + deleteCount);
        const { viaEdit, fresh } = bothWays(text, after);
        assert.deepEqual(viaEdit, fresh);
      },
    ),
    fuzzParams(300),
  );
});

// Balancing through the service: a claim's total against its lines is re-checked with the edited
// claim; an 835's BPR02 against all its claims' CLP04 is re-checked when a CLP04 changes.
const remitTx = (control: string, payment: string, claims: string[]) => [`ST*835*${control}`, `BPR*I*${payment}*C*ACH`, 'TRN*1*12345*1512345678', 'N1*PR*PAYER', 'N1*PE*PROVIDER*XX*1234567893', 'LX*1', ...claims, `SE*9*${control}`];
const remit = [
  isa(),
  ...[
    'GS*HP*PAYER*PROVIDER*20251120*0930*1*X*005010X221A1',
    ...remitTx('0001', '150', ['CLP*C1*1*100*80**MC*1', 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*20', 'CLP*C2*1*100*70**MC*2', 'SVC*HC:J7507*100*70**1', 'CAS*CO*45*30']),
    ...remitTx('0002', '999', ['CLP*C3*1*50*50**MC*3', 'SVC*HC:J7507*50*50**1', 'PLB*1234567893*20251231*WO:X*1']),
    'GE*2*1',
    'IEA*1*000000001',
  ].map((s) => `${s}~`),
].join('\n');

const balanceRows: { name: string; before: string; after: string; incremental: boolean; appears?: string; disappears?: string }[] = [
  { name: '837: CLM02 typed wrong (A3: 35 for a 30 line)', before: base, after: edit(base, 'CLM*A3*30*', 'CLM*A3*35*'), incremental: true, appears: 'claim-total-mismatch' },
  { name: '837: a line charge edited to match (A3)', before: edit(base, 'CLM*A3*30*', 'CLM*A3*35*'), after: edit(edit(base, 'CLM*A3*30*', 'CLM*A3*35*'), 'J3490*30*', 'J3490*35*'), incremental: true, disappears: 'claim-total-mismatch' },
  { name: '835: a CAS amount off (CLP04 unchanged)', before: remit, after: edit(remit, 'CAS*CO*45*30', 'CAS*CO*45*35'), incremental: true, appears: 'remit-line-balance' },
  { name: '835: a CAS amount grows (later BPR02 and PLB move)', before: remit, after: edit(remit, 'CAS*CO*45*20', 'CAS*CO*45*20.00'), incremental: true },
  { name: '835: CLP04 edited: BPR02 re-checked', before: remit, after: edit(remit, 'CLP*C1*1*100*80*', 'CLP*C1*1*100*81*'), incremental: false, appears: 'remit-payment-balance' },
  { name: '835: CLP04 edited back into balance', before: edit(remit, '*999*', '*48.5*'), after: edit(edit(remit, '*999*', '*48.5*'), 'CLP*C3*1*50*50*', 'CLP*C3*1*50*49.5*'), incremental: false },
];

test('balancing after an edit: the service gives what a fresh read gives', () => {
  for (const row of balanceRows) {
    const { viaEdit, fresh } = bothWays(row.before, row.after);
    assert.deepEqual(viaEdit, fresh, row.name);
    const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);
    const before = ids(newService().findings(TextDocument.create('file:///b.837', 'x12', 1, row.before)));
    const count = (list: string[], id: string) => list.filter((x) => x === id).length;
    // (claims A1 and A2 of the base do not balance either: counts, not presence)
    if (row.appears) assert.equal(count(ids(fresh.findings), row.appears), count(before, row.appears) + 1, `${row.name}: ${row.appears} appears`);
    if (row.disappears) assert.equal(count(ids(fresh.findings), row.disappears), count(before, row.disappears) - 1, `${row.name}: ${row.disappears} goes`);
    const result = reparseAfterEdit(row.before, parseDocument(row.before, { languageId: 'x12' }), [], row.after, {});
    assert.equal(result !== undefined, row.incremental, `${row.name}: incremental path`);
  }
  // the second transaction's BPR02 (999) never balanced: the finding stays, at its new offset
  const shifted = bothWays(remit, edit(remit, 'CAS*CO*45*20', 'CAS*CO*45*20.00'));
  assert.equal(shifted.fresh.findings.filter((f: { ruleId: string }) => f.ruleId === 'remit-payment-balance').length, 1);
});
