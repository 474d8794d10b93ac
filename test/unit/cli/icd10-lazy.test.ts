// The ICD-10-CM list built beside the bundle is read when a claim first has a diagnosis to judge: a run
// whose claims have none never reads it, and the note at start (from the summary the build wrote
// beside the list) is the one the whole list gives. Without a summary that fits, the list is read at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosisCodes, icd10Summary, Icd10Release } from '../../../server/src/codeset/icd10';
import { importIcd10 } from '../../../server/src/codeset/import/icd10cm';
import { ICD10_BUILT_FILE, ICD10_SUMMARY_FILE, loadBuiltIcd10, loadBuiltIcd10Lazily } from '../../../server/src/node/icd10-store';
import { loadIcd10Source } from '../../../server/src/cli/codeset';
import { makeService, runTask } from '../../../server/src/cli/task';
import { defaultSettings } from '../../../server/src/settings';
import { coreCodeSet } from '../../support/codesets';
import { ICD10_FIXTURE, fixtureDiagnosisCodes } from '../../support/icd10';
import { x12 } from '../checks/harness';
import { fixture } from '../../support/paths';

const TODAY = '2025-11-20';
const index = () => {
  const imported = importIcd10(readFileSync(ICD10_FIXTURE), 'icd10cm-order-2026.txt');
  if (!imported.ok) throw new Error(imported.error);
  return imported.index;
};

/** a dist folder with the compiled list and (unless told otherwise) its summary */
function dist(options: { summary?: 'fits' | 'other size' | 'garbage' | 'none'; list?: 'good' | 'corrupt' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'icd10-lazy-'));
  const good = JSON.stringify(index());
  const list = options.list === 'corrupt' ? `{${'x'.repeat(good.length - 1)}` : good; // the same size, not JSON
  writeFileSync(join(dir, ICD10_BUILT_FILE), list);
  const summary = icd10Summary(fixtureDiagnosisCodes(), Buffer.byteLength(good));
  const kind = options.summary ?? 'fits';
  if (kind === 'fits') writeFileSync(join(dir, ICD10_SUMMARY_FILE), JSON.stringify(summary));
  if (kind === 'other size') writeFileSync(join(dir, ICD10_SUMMARY_FILE), JSON.stringify({ ...summary, bytes: summary.bytes + 1 }));
  if (kind === 'garbage') writeFileSync(join(dir, ICD10_SUMMARY_FILE), '{"format":"icd10cm-summary"');
  return dir;
}

test('a lazy list says what it holds without reading it, and reads it on the first question about a code', () => {
  const rows: { name: string; ask: (c: DiagnosisCodes) => unknown; reads: boolean }[] = [
    { name: 'nothing asked', ask: () => undefined, reads: false },
    { name: 'what the releases are', ask: (c) => c.infos, reads: false },
    { name: 'its label', ask: (c) => c.label, reads: false },
    { name: 'a code on a date', ask: (c) => c.lookup('E119', '2025-11-05'), reads: true },
    { name: 'codes under a header', ask: (c) => c.billableUnder('E11', '2025-11-05', 3), reads: true },
    { name: 'the release in force', ask: (c) => c.inForce('2025-11-05')?.info, reads: true },
  ];
  const eager = fixtureDiagnosisCodes();
  for (const row of rows) {
    let reads = 0;
    const lazy = DiagnosisCodes.lazy(eager.infos, () => (reads++, [new Icd10Release(index())]));
    const answer = row.ask(lazy);
    assert.equal(lazy.isLoaded, row.reads, row.name);
    assert.equal(reads, row.reads ? 1 : 0, row.name);
    assert.deepEqual(answer, row.ask(eager), row.name);
  }
  // a list that cannot be read: no releases, nothing said, read once
  let tries = 0;
  const broken = DiagnosisCodes.lazy(eager.infos, () => (tries++, undefined));
  assert.equal(broken.available, false);
  assert.equal(broken.available, false);
  assert.equal(tries, 1);
  assert.equal(broken.label, eager.label);
});

test('the built list: read lazily when its summary fits, at start otherwise, with the same note', () => {
  const eagerNote = (loadBuiltIcd10(dist()) as { message: string }).message;
  assert.match(eagerNote, /^Loaded ICD-10-CM FY2026 \(23 billable of 47 codes, 2025-10-01 to 2026-09-30, from icd10cm-order-2026\.txt\) \(compiled at build time\)\.$/);
  const rows: { name: string; dir: string; lazy: boolean }[] = [
    { name: 'summary fits', dir: dist(), lazy: true },
    { name: 'summary of another size', dir: dist({ summary: 'other size' }), lazy: false },
    { name: 'summary not JSON', dir: dist({ summary: 'garbage' }), lazy: false },
    { name: 'no summary', dir: dist({ summary: 'none' }), lazy: false },
  ];
  for (const row of rows) {
    const errors: string[] = [];
    const loaded = loadBuiltIcd10Lazily(row.dir, (e) => errors.push(e));
    assert.ok(loaded?.ok, row.name);
    assert.equal(loaded.message, eagerNote, row.name);
    assert.equal(loaded.codes.isLoaded, !row.lazy, row.name);
    assert.deepEqual(loaded.codes.lookup('E11', '2025-11-05'), fixtureDiagnosisCodes().lookup('E11', '2025-11-05'), row.name);
    assert.deepEqual(errors, [], row.name);
  }
  assert.equal(loadBuiltIcd10Lazily(mkdtempSync(join(tmpdir(), 'icd10-lazy-')), () => assert.fail('no list, no error')), undefined, 'no built list: none');
  // the list went bad after the build: its note at start, then no verdicts and one error when first asked
  const errors: string[] = [];
  const corrupt = loadBuiltIcd10Lazily(dist({ list: 'corrupt' }), (e) => errors.push(e));
  assert.ok(corrupt?.ok);
  assert.equal(corrupt.message, eagerNote);
  assert.equal(corrupt.codes.available, false);
  assert.equal(corrupt.codes.available, false);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^ICD-10-CM: .*icd10cm\.json could not be loaded/);
});

test('hcpcs-check reads the built list only for a claim with a diagnosis to judge, and finds the same', () => {
  const line = ['LX*1', 'SV1*HC:J7507*125*UN*5***1', 'DTP*472*D8*20251105'];
  const rows: { name: string; text: string; reads: boolean }[] = [
    { name: 'no diagnosis', text: x12(...line), reads: false },
    { name: 'ICD-9 diagnoses only', text: x12('HI*BK:4019*BF:25000', ...line), reads: false },
    { name: 'a billing note', text: readFileSync(fixture('claims', 'billing-note.md'), 'utf8'), reads: false },
    { name: 'an ICD-10-CM diagnosis', text: x12('HI*ABK:E11*ABF:E1199*ABF:I10', ...line), reads: true },
  ];
  const eager = makeService(coreCodeSet(), defaultSettings, TODAY, fixtureDiagnosisCodes());
  for (const row of rows) {
    const { codes, notes } = loadIcd10Source(undefined, dist(), (e) => assert.fail(e));
    const service = makeService(coreCodeSet(), defaultSettings, TODAY, codes);
    const task = { kind: 'doc', doc: { id: row.name, languageId: '', text: row.text } } as const;
    const result = runTask(service, task);
    assert.equal(codes!.isLoaded, row.reads, row.name);
    assert.deepEqual(notes, [(loadBuiltIcd10(dist()) as { message: string }).message], row.name);
    assert.deepEqual(result, runTask(eager, task), row.name);
    if (row.reads) assert.ok(result.findings.some((f) => f.ruleId.includes('diagnosis')), row.name);
  }
});
