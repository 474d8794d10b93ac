// X12 envelopes: SE01/GE01/IEA01 against what the envelope holds, SE02/GE02/IEA02 against the header's
// control number, and envelopes cut off before their trailer. Hand-written interchanges with any
// delimiters, line breaks, CRLF, blanks after terminators, several transactions, groups and interchanges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkRule, check, coreCodeSet, unmark } from './harness';
import { inWidthOf } from '../../../server/src/checks/envelopes';
import { parseConfig, mergeSettings } from '../../../server/src/checks/config';
import { defaultSettings, settingsFromEditor, type Settings } from '../../../server/src/settings';
import { createService } from '../../../server/src/service';
import { loadGuidance } from '../../../server/src/features/guidance';
import { samplesDir } from '../../support/paths';
import { reasons } from '../../support/needs';

interface Delimiters {
  element: string;
  component: string;
  segment: string;
  /** what follows each terminator: a line break, CRLF, blanks, nothing */
  after: string;
}
const STANDARD: Delimiters = { element: '*', component: ':', segment: '~', after: '\n' };

/** a 837P transaction set body: with ST and SE, 10 segments */
const CLAIM = ['BHT*0019*00*T1*20251120*0930*CH', 'HL*1**20*1', 'HL*2*1*22*0', 'SBR*P*18*******MB', 'CLM*T-1*125***11:B:1*Y*A*Y*Y', 'DTP*472*D8*20251105', 'LX*1', 'SV1*HC:J7507:KX*125*UN*5***1'];
/** a 835 body: with ST and SE, 6 segments */
const PAYMENT = ['BPR*I*100*C*ACH', 'CLP*T-1*1*125*100**MB', 'SVC*HC:J7507:KX*125*100**5', 'DTP*472*D8*20251105'];

interface Trailer {
  /** the trailer's count as written (default: the true count) */
  count?: string;
  /** the trailer's control number as written (default: the header's) */
  control?: string;
  /** the trailer segment as written, whole (e.g. 'SE*10' without its control number); null: no trailer */
  segment?: string | null;
}

/** ST ... SE around a body; the header's control number may carry ⟦marks⟧ */
function transaction(control = '0001', t: Trailer = {}, body: string[] = CLAIM, type = '837*{c}*005010X222A1'): string[] {
  const header = `ST*${type.replace('{c}', control)}`;
  const count = body.length + 2;
  if (t.segment === null) return [header, ...body];
  return [header, ...body, t.segment ?? `SE*${t.count ?? count}*${t.control ?? unmark(control).text}`];
}

function group(transactions: string[][], control = '1', t: Trailer = {}, kind = 'HC*S*R*20251120*0930*{c}*X*005010X222A1'): string[] {
  const header = `GS*${kind.replace('{c}', control)}`;
  if (t.segment === null) return [header, ...transactions.flat()];
  return [header, ...transactions.flat(), t.segment ?? `GE*${t.count ?? transactions.length}*${t.control ?? unmark(control).text}`];
}

/** ISA with the 9-digit control number (106 characters once ⟦marks⟧ are removed) */
function interchange(groups: string[][], control = '000000001', t: Trailer = {}): string[] {
  const header = `ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *251120*0930*^*00501*${control}*0*T*:`;
  if (t.segment === null) return [header, ...groups.flat()];
  return [header, ...groups.flat(), t.segment ?? `IEA*${t.count ?? groups.length}*${t.control ?? unmark(control).text}`];
}

/** the segments written with other delimiters (written with '*', ':' and '~'; ⟦marks⟧ kept) */
function write(segments: string[], d: Delimiters = STANDARD): string {
  const swap = (s: string) => s.replace(/[*:]/g, (c) => (c === '*' ? d.element : d.component));
  return segments.map((s) => swap(s) + d.segment + d.after).join('');
}

const one = (...tx: string[][]) => write(interchange([group(tx)]));

const PIPES: Delimiters = { element: '|', component: '>', segment: '\n', after: '' };
const UNDERSCORE: Delimiters = { element: '~', component: '^', segment: '_', after: '\n' }; // as a real sample writes it
const CRLF: Delimiters = { ...STANDARD, after: '\r\n' };
const RUN_ON: Delimiters = { ...STANDARD, after: '' };
const BLANKS: Delimiters = { ...STANDARD, after: ' \t \n\n  ' };

test('x12-segment-count: SE01 against the segments from ST to SE', (t) =>
  checkRule(t, 'x12-segment-count', [
    { name: 'the true count', text: one(transaction()) },
    { name: 'too many', text: one(transaction('0001', { count: '⟦12⟧' })), messages: ['SE01 says "12", but the transaction set holds 10 segments (ST to SE inclusive).'], fixes: ['Set SE01 to 10'] },
    { name: 'too few', text: one(transaction('0001', { count: '⟦9⟧' })), fixes: ['Set SE01 to 10'] },
    { name: 'zero-padded, true', text: one(transaction('0001', { count: '0010' })) },
    { name: 'zero-padded, wrong: the fix keeps the width', text: one(transaction('0001', { count: '⟦0012⟧' })), fixes: ['Set SE01 to 0010'] },
    { name: 'not a number', text: one(transaction('0001', { count: '⟦1O⟧' })), messages: ['SE01 says a 2-character value'], fixes: ['Set SE01 to 10'] },
    { name: 'empty SE01: reported at SE, the fix fills it', text: one(transaction('0001', { segment: '⟦SE⟧**0001' })), messages: ['SE01 is empty'], fixes: ['Set SE01 to 10'] },
    { name: 'no SE01 at all: reported, no fix', text: one(transaction('0001', { segment: '⟦SE⟧' })), messages: ['SE has no SE01'], fixes: [] },
    { name: 'two transactions, both true', text: one(transaction('0001'), transaction('0002', {}, [...CLAIM, 'LX*2', 'SV1*HC:J7507:KX*125*UN*5***1'])) },
    { name: 'two transactions, the second wrong', text: one(transaction('0001'), transaction('0002', { count: '⟦10⟧' }, [...CLAIM, 'LX*2', 'SV1*HC:J7507:KX*125*UN*5***1'])), messages: ['holds 12 segments'] },
    { name: "pipes and newline terminators, true", text: write(interchange([group([transaction()])]), PIPES) },
    { name: "pipes and newline terminators, wrong", text: write(interchange([group([transaction('0001', { count: '⟦11⟧' })])]), PIPES) },
    { name: "'~' elements and '_' terminators, true", text: write(interchange([group([transaction()])]), UNDERSCORE) },
    { name: "'~' elements and '_' terminators, wrong", text: write(interchange([group([transaction('0001', { count: '⟦25⟧' })])]), UNDERSCORE) },
    { name: 'CRLF after each segment, true', text: write(interchange([group([transaction()])]), CRLF) },
    { name: 'CRLF after each segment, wrong', text: write(interchange([group([transaction('0001', { count: '⟦20⟧' })])]), CRLF) },
    { name: 'one line, no breaks, true', text: write(interchange([group([transaction()])]), RUN_ON) },
    { name: 'one line, no breaks, wrong', text: write(interchange([group([transaction('0001', { count: '⟦8⟧' })])]), RUN_ON) },
    { name: 'blanks and blank lines after terminators are not segments', text: write(interchange([group([transaction()])]), BLANKS) },
    { name: 'blanks after terminators, wrong count', text: write(interchange([group([transaction('0001', { count: '⟦14⟧' })])]), BLANKS) },
    { name: 'an empty segment (~~) is not a segment', text: one(transaction()).replace('HL*1**20*1~', 'HL*1**20*1~~') },
    { name: 'two interchanges, the second wrong', text: one(transaction()) + write(interchange([group([transaction('0001', { count: '⟦11⟧' })])], '000000002')) },
    { name: 'two interchanges with different delimiters, both true', text: one(transaction()) + write(interchange([group([transaction()])], '000000002'), PIPES) },
    { name: 'cut off before SE: no count to check (x12-missing-trailer says so)', text: one(transaction('0001', { segment: null })).replace(/GE\*.*$/s, '') },
    { name: '835, true', text: one(transaction('0001', {}, PAYMENT, '835*{c}')) },
    { name: '835, wrong', text: one(transaction('0001', { count: '⟦9⟧' }, PAYMENT, '835*{c}')), messages: ['holds 6 segments'] },
    { name: 'turned off in .hcpcsrc.json', text: one(transaction('0001', { count: '12' })), settings: { rules: { 'x12-segment-count': { enabled: false } } } },
  ]));

test('x12-transaction-count: GE01 against the transaction sets in the group', (t) =>
  checkRule(t, 'x12-transaction-count', [
    { name: 'one transaction', text: one(transaction()) },
    { name: 'one transaction, GE01 2', text: write(interchange([group([transaction()], '1', { count: '⟦2⟧' })])), messages: ['GE01 says "2", but the functional group holds 1 transaction set (ST).'], fixes: ['Set GE01 to 1'] },
    { name: 'two transactions', text: one(transaction('0001'), transaction('0002')) },
    { name: 'two transactions, GE01 1', text: write(interchange([group([transaction('0001'), transaction('0002')], '1', { count: '⟦1⟧' })])), fixes: ['Set GE01 to 2'] },
    { name: 'zero-padded, wrong', text: write(interchange([group([transaction('0001'), transaction('0002')], '1', { count: '⟦0001⟧' })])), fixes: ['Set GE01 to 0002'] },
    { name: 'a transaction cut off before its SE still counts', text: write(interchange([group([transaction('0001', { segment: null }), transaction('0002')])])) },
    { name: 'two groups, each counted on its own', text: write(interchange([group([transaction('0001')], '1'), group([transaction('0002'), transaction('0003')], '2')])) },
    { name: 'two groups, the second wrong', text: write(interchange([group([transaction('0001')], '1'), group([transaction('0002'), transaction('0003')], '2', { count: '⟦3⟧' })])) },
    { name: 'pipes, wrong', text: write(interchange([group([transaction()], '1', { count: '⟦0⟧' })]), PIPES) },
    { name: 'pipes, true', text: write(interchange([group([transaction()])]), PIPES) },
    { name: 'no GE01', text: write(interchange([group([transaction()], '1', { segment: '⟦GE⟧' })])), fixes: [] },
    { name: 'no GE: nothing to compare', text: write(interchange([group([transaction()], '1', { segment: null })])) },
  ]));

test('x12-group-count: IEA01 against the functional groups in the interchange', (t) =>
  checkRule(t, 'x12-group-count', [
    { name: 'one group', text: one(transaction()) },
    { name: 'one group, IEA01 2', text: write(interchange([group([transaction()])], '000000001', { count: '⟦2⟧' })), messages: ['IEA01 says "2", but the interchange holds 1 functional group (GS).'], fixes: ['Set IEA01 to 1'] },
    { name: 'two groups', text: write(interchange([group([transaction('0001')], '1'), group([transaction('0002')], '2')])) },
    { name: 'two groups, IEA01 1', text: write(interchange([group([transaction('0001')], '1'), group([transaction('0002')], '2')], '000000001', { count: '⟦1⟧' })), fixes: ['Set IEA01 to 2'] },
    { name: 'zero-padded, wrong', text: write(interchange([group([transaction()])], '000000001', { count: '⟦00002⟧' })), fixes: ['Set IEA01 to 00001'] },
    { name: 'zero-padded, true', text: write(interchange([group([transaction()])], '000000001', { count: '00001' })) },
    { name: 'two interchanges, each counted on its own', text: one(transaction()) + write(interchange([group([transaction()], '1'), group([transaction()], '2')], '000000002')) },
    { name: 'two interchanges, the second wrong', text: one(transaction()) + write(interchange([group([transaction()])], '000000002', { count: '⟦2⟧' })) },
    { name: 'CRLF, wrong', text: write(interchange([group([transaction()])], '000000001', { count: '⟦3⟧' }), CRLF) },
    { name: 'CRLF, true', text: write(interchange([group([transaction()])]), CRLF) },
    { name: 'cut off before IEA: nothing to compare', text: write(interchange([group([transaction()])], '000000001', { segment: null })) },
  ]));

test('x12-control-number-mismatch: SE02, GE02, IEA02 repeat ST02, GS06, ISA13', (t) =>
  checkRule(t, 'x12-control-number-mismatch', [
    { name: 'all three agree', text: one(transaction()) },
    { name: 'SE02 differs', text: one(transaction('0001', { control: '⟦0002⟧' })), messages: ['SE02 "0002" does not match ST02 "0001"'], fixes: ['Set SE02 to 0001 (as ST02)'] },
    { name: 'SE02 without the zeros: ST02 is alphanumeric, so it differs', text: one(transaction('0001', { control: '⟦1⟧' })), fixes: ['Set SE02 to 0001 (as ST02)'] },
    { name: 'GE02 differs', text: write(interchange([group([transaction()], '1', { control: '⟦2⟧' })])), fixes: ['Set GE02 to 1 (as GS06)'] },
    { name: 'GE02 zero-padded: GS06 is a number, so it agrees', text: write(interchange([group([transaction()], '1', { control: '0001' })])) },
    { name: 'IEA02 differs: the fix writes ISA13 (9 digits)', text: write(interchange([group([transaction()])], '000000001', { control: '⟦000000002⟧' })), fixes: ['Set IEA02 to 000000001 (as ISA13)'] },
    { name: 'IEA02 unpadded: ISA13 is a number, so it agrees', text: write(interchange([group([transaction()])], '000000001', { control: '1' })) },
    { name: 'IEA02 unpadded and different', text: write(interchange([group([transaction()])], '000000001', { control: '⟦2⟧' })), fixes: ['Set IEA02 to 000000001 (as ISA13)'] },
    { name: 'SE without SE02: reported, no fix', text: one(transaction('0001', { segment: '⟦SE⟧*10' })), messages: ['SE has no SE02'], fixes: [] },
    { name: 'second transaction differs', text: one(transaction('0001'), transaction('0002', { control: '⟦0003⟧' })) },
    { name: 'second interchange differs', text: one(transaction()) + write(interchange([group([transaction()])], '000000002', { control: '⟦000000001⟧' })) },
    { name: 'two interchanges, each agrees with its own', text: one(transaction()) + write(interchange([group([transaction()])], '000000002'), UNDERSCORE) },
    { name: "'~' elements, differs", text: write(interchange([group([transaction('0001', { control: '⟦0002⟧' })])]), UNDERSCORE) },
    { name: 'cut off before SE: nothing to compare', text: write(interchange([group([transaction('0001', { segment: null })])])) },
    { name: 'turned down to a warning still reports', text: one(transaction('0001', { control: '⟦0002⟧' })), settings: { rules: { 'x12-control-number-mismatch': { enabled: true, severity: 'warning' } } } },
  ]));

test('x12-missing-trailer: an envelope cut off is reported at its header, and the rest is still checked', (t) =>
  checkRule(t, 'x12-missing-trailer', [
    { name: 'complete', text: one(transaction()) },
    {
      name: 'the file ends after a claim: ST, GS and ISA are open',
      text: write(interchange([group([transaction('0001', { segment: null })], '1', { segment: null })], '000000001', { segment: null }).map((s) => s.replace(/^(ISA|GS|ST)\*/, '⟦$1⟧*'))),
      messages: ['Interchange ISA "000000001" has no IEA trailer: the file ends before it', 'Functional group GS "1" has no GE trailer: the file ends before it', 'Transaction set ST "0001" has no SE trailer: the file ends before it'],
    },
    { name: 'SE deleted: GE comes first', text: write(interchange([group([transaction('0001', { segment: null }).map((s) => s.replace(/^ST\*/, '⟦ST⟧*'))])])), messages: ['Transaction set ST "0001" has no SE trailer: GE comes before it'] },
    { name: 'SE deleted between two transactions: the next ST comes first', text: one(transaction('0001', { segment: null }).map((s) => s.replace(/^ST\*/, '⟦ST⟧*')), transaction('0002')), messages: ['ST comes before it'] },
    { name: 'GE and IEA deleted before the next ISA', text: write(interchange([group([transaction()], '1', { segment: null }).map((s) => s.replace(/^GS\*/, '⟦GS⟧*'))], '000000001', { segment: null }).map((s) => s.replace(/^ISA\*/, '⟦ISA⟧*'))) + one(transaction()), messages: ['ISA comes before it', 'ISA comes before it'] },
    { name: 'CRLF, complete', text: write(interchange([group([transaction()])]), CRLF) },
    { name: 'pipes, the file ends after SE', text: write(interchange([group([transaction()], '1', { segment: null }).map((s) => s.replace(/^GS\*/, '⟦GS⟧*'))], '000000001', { segment: null }).map((s) => s.replace(/^ISA\*/, '⟦ISA⟧*')), PIPES) },
    { name: 'pipes, complete', text: write(interchange([group([transaction()])]), PIPES) },
  ]));

test('a truncated file: the claims that were read are still checked', () => {
  const text = write(interchange([group([transaction('0001', { segment: null }, [...CLAIM.slice(0, 6), 'LX*1', 'SV1*HC:J7507*125*UN*5***1'])], '1', { segment: null })], '000000001', { segment: null }));
  const ids = check(text, { codeset: coreCodeSet() }).map((f) => f.ruleId);
  assert.deepEqual(ids.filter((id) => id === 'x12-missing-trailer').length, 3);
  assert.ok(ids.includes('missing-kx'), ids.join(', '));
  assert.ok(!ids.some((id) => id === 'x12-segment-count' || id === 'x12-transaction-count' || id === 'x12-group-count'), ids.join(', '));
});

test('a count rewritten in the width of the one it replaces', () => {
  const rows: [string, number, string][] = [
    ['12', 10, '10'],
    ['9', 10, '10'],
    ['0012', 10, '0010'],
    ['00002', 1, '00001'],
    ['0', 1, '1'],
    ['099', 1234, '1234'],
    ['1O', 10, '10'],
    ['', 10, '10'],
  ];
  for (const [written, value, expected] of rows) assert.equal(inWidthOf(written, value), expected, `${written} -> ${value}`);
});

const ENVELOPE_IDS = ['x12-segment-count', 'x12-transaction-count', 'x12-group-count', 'x12-control-number-mismatch', 'x12-missing-trailer'];

test('each envelope id can be turned off (or down) in the editor settings and in .hcpcsrc.json', () => {
  const all = write(interchange([group([transaction('0001', { count: '12', control: '0002' })], '1', { count: '2' })], '000000001', { count: '3' })) + write(interchange([group([transaction('0001', { segment: null })], '1', { segment: null })], '000000002', { segment: null }));
  const service = (settings: Settings) => createService({ codeset: coreCodeSet(), guidance: loadGuidance({}), settings, today: () => '2025-11-20' });
  const ids = (settings: Settings) => service(settings).findings(TextDocument.create('file:///e.837', 'x12', 1, all)).map((f) => `${f.ruleId} ${f.severity}`);
  const found = ids(defaultSettings);
  for (const id of ENVELOPE_IDS) assert.ok(found.includes(`${id} error`), `${id} fires by default: ${found.join(', ')}`);
  for (const id of ENVELOPE_IDS) {
    const fromEditor = ids(settingsFromEditor({ rules: { [id]: 'off' } }));
    const parsed = parseConfig(JSON.stringify({ rules: { [id]: 'off' } }));
    assert.deepEqual(parsed.problems, [], id);
    const fromFile = ids(mergeSettings(defaultSettings, parsed.settings));
    for (const got of [fromEditor, fromFile]) {
      assert.ok(!got.some((f) => f.startsWith(`${id} `)), `${id} off`);
      assert.deepEqual(got, found.filter((f) => !f.startsWith(`${id} `)), `${id} off leaves the others`);
    }
    const lowered = ids(settingsFromEditor({ rules: { [id]: 'warning' } }));
    assert.ok(lowered.includes(`${id} warning`), `${id} as a warning`);
  }
  for (const profile of ['medicare', 'commercial', 'none'] as const) {
    const got = ids({ ...defaultSettings, profile });
    for (const id of ENVELOPE_IDS) assert.ok(got.some((f) => f.startsWith(`${id} `)), `${id} in the ${profile} profile`);
  }
});

/**
 * The real samples: which envelopes are right, counted independently of the reader (split on the
 * ISA's terminator, skip blanks). x12_complex writes SE01 25 and 26 for transactions of 147 segments
 * each and GE01 1 for two transactions; x12_valid_different_separators writes SE01 25 for 34 segments
 * (ST on line 3, SE on line 36). Every other sample's envelopes are right.
 */
const SAMPLE_ENVELOPES: Record<string, string[]> = {
  'imsweb-x12-parser__x12_complex.edi': [
    'x12-segment-count "25" SE01 says "25", but the transaction set holds 147 segments (ST to SE inclusive).',
    'x12-segment-count "26" SE01 says "26", but the transaction set holds 147 segments (ST to SE inclusive).',
    'x12-transaction-count "1" GE01 says "1", but the functional group holds 2 transaction sets (ST).',
  ],
  'imsweb-x12-parser__x12_valid_different_separators.edi': ['x12-segment-count "25" SE01 says "25", but the transaction set holds 34 segments (ST to SE inclusive).'],
};

/** SE01/GE01/IEA01 and the control numbers counted by splitting the text, as a person would */
function countByHand(text: string): string[] {
  const at = text.indexOf('ISA');
  const element = text[at + 3]!;
  const terminator = text[at + 105]!;
  const segments = text.slice(at).split(terminator).map((s) => s.trim()).filter(Boolean).map((s) => s.split(element));
  const wrong: string[] = [];
  let st = 0;
  let transactions = 0;
  let groups = 0;
  segments.forEach((e, i) => {
    if (e[0] === 'ISA') groups = 0;
    if (e[0] === 'GS') (groups++, (transactions = 0));
    if (e[0] === 'ST') (transactions++, (st = i));
    if (e[0] === 'SE' && Number(e[1]) !== i - st + 1) wrong.push(`SE01 ${e[1]} ${i - st + 1}`);
    if (e[0] === 'GE' && Number(e[1]) !== transactions) wrong.push(`GE01 ${e[1]} ${transactions}`);
    if (e[0] === 'IEA' && Number(e[1]) !== groups) wrong.push(`IEA01 ${e[1]} ${groups}`);
  });
  return wrong;
}

test('the real samples: envelopes right in 12 of 14 X12 files, the two wrong ones pinned', (t) => {
  const dir = samplesDir();
  if (!dir) return t.skip(reasons.samples);
  const files = ['835', '837i', '837p'].flatMap((k) => readdirSync(join(dir, k)).sort().map((f) => ({ name: f, path: join(dir, k, f) })));
  assert.equal(files.length, 14);
  let right = 0;
  for (const { name, path } of files) {
    const text = readFileSync(path, 'utf8');
    const found = check(text, { codeset: coreCodeSet() })
      .filter((f) => ENVELOPE_IDS.includes(f.ruleId))
      .map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.range.start, f.range.end))} ${f.message}`);
    assert.deepEqual(found, SAMPLE_ENVELOPES[name] ?? [], name);
    assert.equal(countByHand(text).length, found.length, `${name}: the hand count agrees (${countByHand(text).join('; ')})`);
    if (found.length === 0) right++;
  }
  assert.equal(right, 12);
});
