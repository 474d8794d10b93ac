// Outline: the tree of names and details per format, selection ranges inside ranges, no patient names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, OUTLINE_LIMIT } from '../../../server/src/features/symbols';
import { generate837p } from '../../../bench/generate/index';
import { build, LEAKS } from './support';
import { csv, fhir, fhirItem, x12i, x12p } from './samples';
import { x12Remit } from '../checks/harness';

/** the tree as indented "name | detail" lines */
function render(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` | ${s.detail}` : ''}`, ...render(s.children ?? [], depth + 1)]);
}

function within(inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkSymbols(text: string, lang: string, expected: string[], forbidden: string[] = []): void {
  const { ctx } = build(text, { languageId: lang });
  const symbols = documentSymbols(ctx);
  const lines = render(symbols);
  assert.deepEqual(lines, expected);
  const walk = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
    for (const s of list) {
      assert.ok(s.name.trim().length > 0, 'names are never empty');
      assert.doesNotMatch(`${s.name} ${s.detail ?? ''}`, LEAKS);
      assert.ok(within(s.selectionRange, s.range), `${s.name}: selection inside range`);
      if (parent) assert.ok(within(s.range, parent.range), `${s.name} inside ${parent.name}`);
      walk(s.children ?? [], s);
    }
  };
  walk(symbols);
  for (const word of forbidden) assert.ok(!lines.join('\n').includes(word), `"${word}" must not be in the outline`);
}

const WITH_PATIENT = (body: string) =>
  x12p(body).replace('CLM*PCN1001', 'NM1*QC*1*DOE*JANE****MI*123~\nCLM*PCN1001');

const rows: [string, string, string, string[], string[]?][] = [
  ['837P: interchange > group > transaction > claim > lines', WITH_PATIENT('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~\nDTP*472*D8*20251105~\nLX*2~\nSV1*HC:J2357*500*UN*30***1~'), 'x12', [
    'Interchange 000000001',
    '  Functional group HC 1',
    '    837P transaction 0001',
    '      Claim PCN1001 | $125.00 · 2 lines',
    '        J7507-KX | Tacrolimus imme rel oral 1mg · 5 units',
    '        J2357 | Omalizumab injection · 30 units',
  ], ['DOE', 'JANE']],
  ['837I: SV2 lines', x12i('LX*1~\nSV2*0250*HC:J7507*125*UN*5~'), 'x12', [
    'Interchange 000000002',
    '  Functional group HC 2',
    '    837I transaction 0002',
    '      Claim PCN2002 | $300.00 · 1 line',
    '        J7507 | Tacrolimus imme rel oral 1mg · 5 units',
  ]],
  // CLP02 is the claim's status (1 = processed as primary), not an amount: CLP03 is charged, CLP04 paid
  ['835: the claim shows CLP03 charged and CLP04 paid', x12Remit('80', 'LX*1', 'CLP*C1*1*100*80**MC*123', 'SVC*HC:J7507*100*80**5', 'CAS*CO*45*20'), 'x12', [
    'Interchange 000000001',
    '  Functional group HP 1',
    '    835 transaction 0001',
    '      Claim C1 | $100.00 · paid $80.00 · 1 line',
    '        J7507 | Tacrolimus imme rel oral 1mg · 5 units',
  ]],
  ['CSV: table > claims > rows', csv(['C1,1,J7507,KX,,5,,2025-11-05', 'C1,2,J2357,JZ,,30,,2025-11-05', 'C2,1,J7520,KX,,2,,2025-11-05']), 'csv', [
    'Table (4 rows, comma-delimited)',
    '  Claim C1 | 2 lines',
    '    Row 2: J7507-KX | Tacrolimus imme rel oral 1mg · 5 units',
    '    Row 3: J2357-JZ | Omalizumab injection · 30 units',
    '  Claim C2 | 1 line',
    '    Row 4: J7520-KX | Sirolimus, oral · 2 units',
  ]],
  ['FHIR: bundle > EOB > items', fhir(fhirItem('J7507', { modifiers: ['KX'], quantity: 5, date: '2025-11-05' })), 'json', [
    'Bundle (collection)',
    '  ExplanationOfBenefit eob-1 | 1 line',
    '    J7507-KX | Tacrolimus imme rel oral 1mg · 5 units',
  ]],
  ['prose: the codes', 'Patient on tacrolimus J7507 x 5 units, also J7520-KX.\n', 'plaintext', [
    'J7507 | Tacrolimus imme rel oral 1mg · 5 units',
    'J7520-KX | Sirolimus, oral',
  ]],
  ['prose without codes: empty outline', 'Nothing to bill today.\n', 'plaintext', []],
];

for (const [name, text, lang, expected, forbidden] of rows) test(`symbols: ${name}`, () => checkSymbols(text, lang, expected, forbidden));

test('a very large file: the outline stops at its limit and says how much is not listed', () => {
  const { text, claims } = generate837p({ seed: 3, targetBytes: 2_000_000 });
  const { ctx } = build(text, { languageId: 'x12' });
  const outline = documentSymbols(ctx);
  const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  const listedClaims = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + (s.kind === SymbolKind.Object ? 1 : 0) + listedClaims(s.children ?? []), 0);
  // the envelopes (interchange, group, transaction) are always listed; claims and lines share the limit
  assert.ok(count(outline) <= OUTLINE_LIMIT + ctx.model.containers.length + 1, `${count(outline)} symbols`);
  const last = outline[outline.length - 1];
  const notListed = claims - listedClaims(outline);
  assert.ok(notListed > 0, 'the file has more claims than the outline lists');
  assert.match(last.name, new RegExp(`${notListed.toLocaleString('en-US')} more claims not listed`));
});
