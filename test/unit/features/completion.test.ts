// Completion: code positions (prefix, drug name, descriptor words) and modifier positions, in every
// format; ranking (exact prefix first, terminated last), modifier order, caps, resolve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { complete, resolveCompletion, COMPLETION_CAP } from '../../../server/src/features/completion';
import type { CodeSet } from '../../../server/src/codeset/types';
import { applyEdits, build, coreSet, fullSet, LEAKS } from './support';
import { csv, fhir, fhirItem, x12i, x12p } from './samples';

interface Expect {
  /** the first labels, in this order */
  first?: string[];
  /** exactly these labels (any order) */
  exactly?: string[];
  includes?: string[];
  excludes?: string[];
  /** [a, b]: a is ranked before b */
  before?: [string, string][];
  /** every label starts with this */
  allStartWith?: string;
  /** the text the items' edits replace */
  replaces?: string;
  /** the document after applying the first item's edit */
  afterFirst?: string;
  incomplete?: boolean;
  count?: number;
  /** a detail that the named item carries */
  detail?: [string, string];
}

function labels(items: CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

function checkCompletion(marked: string, lang: string, expected: Expect, codeset: CodeSet): void {
  const { ctx, carets } = build(marked, { languageId: lang, codeset });
  const list = complete(ctx, carets[0] as number);
  const got = labels(list.items);
  const show = `got ${got.slice(0, 15).join(', ')}${got.length > 15 ? ' …' : ''} (${got.length})`;
  for (const item of list.items) assert.doesNotMatch(`${item.label} ${item.detail ?? ''}`, LEAKS);
  if (expected.first) assert.deepEqual(got.slice(0, expected.first.length), expected.first, show);
  if (expected.exactly) assert.deepEqual([...got].sort(), [...expected.exactly].sort(), show);
  for (const l of expected.includes ?? []) assert.ok(got.includes(l), `missing ${l}; ${show}`);
  for (const l of expected.excludes ?? []) assert.ok(!got.includes(l), `unexpected ${l}; ${show}`);
  for (const [a, b] of expected.before ?? []) {
    assert.ok(got.includes(a) && got.includes(b), `${a} and ${b} both offered; ${show}`);
    assert.ok(got.indexOf(a) < got.indexOf(b), `${a} before ${b}; ${show}`);
  }
  if (expected.allStartWith !== undefined) for (const l of got) assert.ok(l.startsWith(expected.allStartWith), `${l}; ${show}`);
  if (expected.count !== undefined) assert.equal(got.length, expected.count, show);
  if (expected.incomplete !== undefined) assert.equal(list.isIncomplete, expected.incomplete);
  const doc = ctx.textDocument;
  if (expected.replaces !== undefined) {
    for (const item of list.items) {
      assert.ok(item.textEdit && 'range' in item.textEdit, 'items carry a textEdit');
      const r = item.textEdit.range;
      assert.equal(doc.getText().slice(doc.offsetAt(r.start), doc.offsetAt(r.end)), expected.replaces);
    }
  }
  if (expected.afterFirst !== undefined) {
    const first = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.ok(first?.textEdit && 'range' in first.textEdit);
    assert.equal(applyEdits(doc, [first.textEdit]), expected.afterFirst);
  }
  if (expected.detail) {
    const [label, detail] = expected.detail;
    const item = list.items.find((i) => i.label === label);
    assert.ok(item?.detail?.includes(detail), `${label} detail "${item?.detail}" should include "${detail}"`);
  }
}

const line = (sv1: string, date = '20251105') => `LX*1~\n${sv1}\nDTP*472*D8*${date}~`;

const rows: [string, string, string, Expect, ('core' | 'full')?][] = [
  // X12 837P code positions
  ['837P exact code first', x12p(line('SV1*HC:J7507‸*125*UN*5***1~')), 'x12', { first: ['J7507'], replaces: 'J7507' }],
  ['837P prefix: code order, billing unit in the detail', x12p(line('SV1*HC:J750‸*125*UN*5***1~')), 'x12', {
    first: ['J7500', 'J7501', 'J7502'], allStartWith: 'J750', replaces: 'J750', detail: ['J7507', 'Tacrolimus imme rel oral 1mg · 1\u00a0unit\u00a0=\u00a01\u00a0mg'],
  }],
  ['837P prefix: terminated codes last', x12p(line('SV1*HC:J750‸*125*UN*5***1~')), 'x12', { before: [['J7509', 'J7506']], detail: ['J7506', 'not valid on 2025-11-05'] }],
  ['837P prefix replaces the whole token', x12p(line('SV1*HC:J75‸07:KX*125*UN*5***1~')), 'x12', { replaces: 'J7507', first: ['J7500'] }],
  ['837P applying an item changes only the token', x12p(line('SV1*HC:J750‸:KX*125*UN*5***1~')), 'x12', {
    afterFirst: x12p(line('SV1*HC:J7500:KX*125*UN*5***1~')),
  }],
  ['837P descriptor words: a drug name typed in the code field', x12p(line('SV1*HC:tacro‸*125*UN*5***1~')), 'x12', {
    includes: ['J7503', 'J7507', 'J7508', 'J7521', 'J7525'], excludes: ['J7520'], replaces: 'tacro', incomplete: true,
  }],
  ['837P only the qualifier typed: capped at the limit and incomplete', x12p(line('SV1*HC:‸*125*UN*5***1~')), 'x12', { count: COMPLETION_CAP, incomplete: true }, 'full'],
  ['837P only the qualifier typed, core set: all its codes', x12p(line('SV1*HC:‸*125*UN*5***1~')), 'x12', { count: 84, first: ['C9399', 'J0129'] }, 'core'],
  ['837P another qualifier (N4): no codes', x12p(line('SV1*N4:J75‸*125*UN*5***1~')), 'x12', { count: 0 }],
  ['837P not a procedure element: nothing', x12p(line('SV1*HC:J7507*12‸5*UN*5***1~')), 'x12', { count: 0 }],
  ['837P claim segment: nothing', x12p(line('SV1*HC:J7507*125*UN*5***1~')).replace('CLM*PCN1001', 'CLM*PCN‸1001'), 'x12', { count: 0 }],
  // X12 modifier positions
  ['837P modifier after an oral immunosuppressive: KX first', x12p(line('SV1*HC:J7507:‸*125*UN*5***1~')), 'x12', {
    first: ['KX'], excludes: ['JG'], replaces: '', detail: ['KX', 'fits J7507'],
  }],
  ['837P modifier after an oral drug (J7500): KX, then payment modifiers, no wound-dressing A1', x12p(line('SV1*HC:J7500:‸*125*UN*5***1~')), 'x12', { first: ['KX', 'GA', 'GY', 'GZ'] }],
  ['837P modifier after a wound dressing (A6212): A1…A9 lead', x12p(line('SV1*HC:A6212:‸*25*UN*5***1~')), 'x12', { first: ['A1', 'A2', 'A3'] }, 'full'],
  ['837P modifier after an ASP-priced injectable: JZ then JW first', x12p(line('SV1*HC:J2357:‸*500*UN*30***1~')), 'x12', { first: ['JZ', 'JW'], excludes: ['JG'] }],
  ['837P modifier with a partial: filtered, fitting first', x12p(line('SV1*HC:J2357:J‸*500*UN*30***1~')), 'x12', { first: ['JZ', 'JW'], allStartWith: 'J', replaces: 'J' }],
  ['837P modifier: JG offered before its termination date', x12p(line('SV1*HC:J2357:J‸*500*UN*30***1~', '20240601')), 'x12', { includes: ['JG'] }],
  ['837P modifier: ones already on the line are left out', x12p(line('SV1*HC:J2357:JZ:‸*500*UN*30***1~')), 'x12', { first: ['JW'], excludes: ['JZ'] }],
  ['837P second modifier slot after KX', x12p(line('SV1*HC:J7507:KX:G‸*125*UN*5***1~')), 'x12', { includes: ['GA', 'GZ'], excludes: ['KX'], allStartWith: 'G' }],
  // 837I
  ['837I SV2 code position', x12i(line('SV2*0250*HC:J752‸*125*UN*5~')), 'x12', { first: ['J7520', 'J7521'], replaces: 'J752' }],
  ['837I SV2 revenue code element: nothing', x12i(line('SV2*02‸50*HC:J7520*125*UN*5~')), 'x12', { count: 0 }],
  // CSV
  ['CSV code column', csv(['C1,1,J752‸,KX,,5,,2025-11-05']), 'csv', { first: ['J7520', 'J7521'], replaces: 'J752' }],
  ['CSV modifier column', csv(['C1,1,J7507,K‸,,5,,2025-11-05']), 'csv', { first: ['KX'], replaces: 'K' }],
  // FHIR
  ['FHIR coding code', fhir(fhirItem('J752‸', { quantity: 5, date: '2025-11-05' })), 'json', { first: ['J7520', 'J7521'], replaces: 'J752' }],
  ['FHIR modifier coding', fhir(fhirItem('J2357', { modifiers: ['J‸'], quantity: 30, date: '2025-11-05' })), 'json', { first: ['JZ', 'JW'] }],
  // prose
  ['prose after a drug name: the codes for that drug', 'Patient takes tacrolimus ‸\n', 'plaintext', { exactly: ['J7503', 'J7507', 'J7508', 'J7521', 'J7525'] }],
  ['prose after a drug name with a partial code', 'Patient takes tacrolimus J75‸\n', 'plaintext', { first: ['J7503', 'J7507', 'J7508', 'J7521', 'J7525'], replaces: 'J75' }],
  ['prose code prefix', 'Billed J752‸ today\n', 'plaintext', { first: ['J7520', 'J7521'], replaces: 'J752' }],
  ['prose modifier after a hyphen', 'Billed J7507-‸ today\n', 'plaintext', { first: ['KX'] }],
  ['prose ordinary word: nothing', 'The patient is stab‸\n', 'plaintext', { count: 0 }],
];

const sets: [string, () => CodeSet][] = [
  ['core', coreSet],
  ['full', fullSet],
];
for (const [setName, load] of sets) {
  for (const [name, text, lang, expected, only] of rows) {
    if (only && only !== setName) continue;
    test(`completion [${setName}] ${name}`, () => {
      const codeset = load();
      checkCompletion(text, lang, expected, codeset);
    });
  }
}

test('completion resolve: the full card for a code, the note for a modifier', () => {
  const { ctx, carets } = build(x12p(line('SV1*HC:J7507‸*125*UN*5***1~')), { languageId: 'x12' });
  const item = complete(ctx, carets[0] as number).items.find((i) => i.label === 'J7507');
  assert.ok(item);
  const resolved = resolveCompletion(ctx, item);
  const doc = resolved.documentation;
  assert.ok(doc && typeof doc === 'object' && doc.kind === 'markdown');
  assert.match(doc.value, /\*\*J7507\*\* — Tacrolimus imme rel oral 1mg[\s\S]*1 unit = 1 mg[\s\S]*active on the date of service 2025-11-05[\s\S]*Guidance: Tacrolimus/);
  assert.doesNotMatch(doc.value, LEAKS);
  const mod = resolveCompletion(ctx, { label: 'KX', data: { kind: 'modifier', code: 'KX', date: '2025-11-05' } });
  assert.ok(mod.documentation && typeof mod.documentation === 'object');
  assert.match(mod.documentation.value, /\*\*KX\*\*: Requirements specified in the medical policy/);
  assert.deepEqual(resolveCompletion(ctx, { label: 'x' }), { label: 'x' });
});
