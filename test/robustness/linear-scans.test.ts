// Issue #19 cases 5 and 8: reader passes are linear. Dose reading retried a digit run from every
// position (a 64 kB NTE took 10 s); a claims CSV with one stray opening quote took 120 s per
// keystroke; 10,000 patterns in .hcpcsrc.json cleared the pattern cache on every line (24.5 s per
// 2,000-line claim). Each shape: 2x input must take < 3x the CPU time (a ratio, never an absolute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../../server/src/documents/index';
import { findDoses } from '../../server/src/documents/doses';
import { createService } from '../../server/src/service';
import { defaultSettings, type Settings } from '../../server/src/settings';
import { firstMatch } from '../../server/src/base/patterns';
import { coreSet, shippedGuidance } from '../unit/features/support';
import { x12_837p } from '../support/x12';
import { medianCpuMs, repeatTo } from '../support/fuzz';

const KB = 1024;
const FLOOR_MS = 20;
const drugs = new Set(['tacrolimus', 'cyclosporine']);
const isDrugName = (w: string) => drugs.has(w);

/** 2x input < 3x CPU time; the helper every row goes through */
function assertLinear(name: string, of: (n: number) => string, base: number, run: (text: string) => void): void {
  const small = of(base);
  const large = of(2 * base);
  run(small);
  const measure = (runs: number) => {
    const a = Math.max(medianCpuMs(() => run(small), runs), FLOOR_MS);
    const b = Math.max(medianCpuMs(() => run(large), runs), FLOOR_MS);
    console.log(`${name}: ${small.length} chars ${a.toFixed(1)} ms, ${large.length} chars ${b.toFixed(1)} ms CPU`);
    return b / a;
  };
  let ratio = measure(3);
  if (ratio >= 3) ratio = measure(7);
  assert.ok(ratio < 3, `${name}: 2x input took ${ratio.toFixed(2)}x the CPU time`);
}

const nte = (body: string) => x12_837p(['CLM*PT1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940', 'LX*1', 'SV1*HC:J7507*125*UN*5***1', `NTE*ADD*${body}`, 'DTP*472*D8*20251105']);

const shapes: { name: string; languageId?: string; of: (n: number) => string; base: number; doses?: boolean }[] = [
  { name: 'NTE with one long run of digits', languageId: 'x12', of: (n) => nte('1'.repeat(n)), base: 64 * KB },
  { name: 'NTE with a long run of thousands groups', languageId: 'x12', of: (n) => nte('1' + ',111'.repeat(n / 4)), base: 64 * KB },
  { name: 'NTE of digits and dots', languageId: 'x12', of: (n) => nte('1.'.repeat(n / 2)), base: 64 * KB },
  { name: 'findDoses: many amounts, many drug words', of: (n) => repeatTo('tacrolimus 1 mg cyclosporine 2 mg ', n), base: 64 * KB, doses: true },
  { name: 'findDoses: amounts without drug words', of: (n) => repeatTo('take 1 mg then 2 mg ', n), base: 64 * KB, doses: true },
  {
    name: 'claims CSV with one stray opening quote',
    languageId: 'csv',
    of: (n) => 'claim_id,service_date,hcpcs,units,notes\nC0,2025-11-05,J7507,5,"stray\n' + repeatTo('C1,2025-11-05,J7507,5,"tacrolimus, 5 mg daily"\n', n),
    base: 256 * KB,
  },
  { name: 'claims CSV: one cell of 1 MB digits', languageId: 'csv', of: (n) => 'hcpcs,units,notes\nJ7507,5,' + '9'.repeat(n) + '\n', base: 256 * KB },
];

for (const shape of shapes) {
  test(`linear scan: ${shape.name}`, () => {
    if (shape.doses) assertLinear(shape.name, shape.of, shape.base, (t) => void findDoses(t, 0, t.length, isDrugName));
    else assertLinear(shape.name, shape.of, shape.base, (t) => void parseDocument(t, { languageId: shape.languageId, isDrugName }));
  });
}

// the scan change keeps what is read: dose rows (hostile and ordinary) with their expected results
const doseRows: { text: string; expect: string[] }[] = [
  { text: 'tacrolimus 1 mg', expect: ['tacrolimus 1 mg'] },
  { text: '1 mg tacrolimus', expect: ['tacrolimus 1 mg'] },
  { text: 'tacrolimus 1 mg cyclosporine 2 mg', expect: ['tacrolimus 1 mg', 'cyclosporine 2 mg'] },
  { text: 'tacrolimus 1 mg 2 mg', expect: ['tacrolimus 1 mg', '- 2 mg'] },
  { text: 'penicillin 1,200,000 units', expect: ['- 1200000 units'] },
  { text: '1234567890123456789012 mg', expect: [] },
  { text: 'A123 mg', expect: [] },
  { text: '0.5 ml', expect: ['- 0.5 ml'] },
  { text: 'cyclosporine', expect: ['cyclosporine'] },
];
for (const row of doseRows) {
  test(`doses: "${row.text}"`, () => {
    const got = findDoses(row.text, 0, row.text.length, isDrugName).map((d) => [d.drug?.value ?? (d.amount ? '-' : ''), d.amount?.value, d.unit?.value].filter((x) => x !== undefined).join(' '));
    assert.deepEqual(got, row.expect);
  });
}

// case 8: 10,000 patterns, claims of 1,000 vs 2,000 lines
const patterns = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `Q${String(i).padStart(4, '0')}` : i % 3 === 1 ? `Q${String(i % 1000).padStart(3, '0')}*` : `Q${String(i).padStart(4, '0')}-Q${String(i + 1).padStart(4, '0')}`));
const settings: Settings = {
  ...defaultSettings,
  allowedCodes: [...patterns, 'J75*'],
  forbiddenCodes: patterns,
  requiredModifiers: patterns.map((pattern) => ({ pattern, modifiers: ['KX'] })),
  jwJzCodes: { add: patterns, remove: patterns },
};

test('linear scan: 10,000 patterns in .hcpcsrc.json over a growing claim', () => {
  const service = createService({ codeset: coreSet(), guidance: shippedGuidance(), today: () => '2025-11-05', settings });
  const claim = (lines: number) => x12_837p(['CLM*PT1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940', ...Array.from({ length: lines }, (_, i) => [`LX*${i + 1}`, `SV1*HC:J75${String(i % 100).padStart(2, '0')}:KX*125*UN*5***1`, 'DTP*472*D8*20251105']).flat()]);
  let version = 0;
  assertLinear('10,000 patterns', claim, 1000, (text) => void service.findings(TextDocument.create('file:///w/p.837', 'x12', ++version, text)));
});

const matchRows: { list: string[]; code: string; expect: string | undefined }[] = [
  { list: ['J75*', 'J7507'], code: 'J7507', expect: 'J75*' },
  { list: ['J7507', 'J75*'], code: 'J7507', expect: 'J7507' },
  { list: ['J7500-J7599', 'J7507'], code: 'J7507', expect: 'J7500-J7599' },
  { list: ['j7507'], code: 'J7507', expect: 'j7507' },
  { list: ['J75?7'], code: 'J7507', expect: 'J75?7' },
  { list: ['J7508', 'J7509'], code: 'J7507', expect: undefined },
  { list: ['bad!', 'J7507'], code: 'J7507', expect: 'J7507' },
  { list: [], code: 'J7507', expect: undefined },
];
for (const row of matchRows) {
  test(`firstMatch(${JSON.stringify(row.list)}, ${row.code}) is ${row.expect}`, () => assert.equal(firstMatch(row.list, row.code), row.expect));
}
