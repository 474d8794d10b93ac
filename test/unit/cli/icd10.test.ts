// hcpcs-check --icd10: the ICD-10-CM list from a file, zip or folder; a bad path stops the run (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, runCli } from './cli-process';
import { ICD10_FIXTURE, icd10Zip } from '../../support/icd10';
import { x12 } from '../checks/harness';
import { reasons } from '../../support/needs';

const skip = built() ? false : 'dist/cli.js is not built';
const claimFile = (hi: string, date = '20251105'): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'icd10-cli-')), 'claim.837');
  writeFileSync(file, x12(hi, 'LX*1', 'SV1*HC:J7507*125*UN*5***1', `DTP*472*D8*${date}`));
  return file;
};
const ids = (stdout: string): string[] => (JSON.parse(stdout) as { ruleId: string }[]).map((f) => f.ruleId).filter((id) => id.includes('diagnosis'));

test('--icd10 FILE: diagnosis findings on a FY2026 claim, none on an ICD-9 claim', { skip }, () => {
  const r = runCli(['--format', 'json', '--icd10', ICD10_FIXTURE, claimFile('HI*ABK:E11*ABF:E1199*ABF:I10')]);
  assert.match(r.stderr, /Loaded ICD-10-CM FY2026 \(23 billable of 47 codes, 2025-10-01 to 2026-09-30/);
  assert.deepEqual(ids(r.stdout).sort(), ['diagnosis-not-billable', 'unknown-diagnosis']);
  const old = runCli(['--format', 'json', '--icd10', ICD10_FIXTURE, claimFile('HI*BK:4019*BF:25000', '20140302')]);
  assert.deepEqual(ids(old.stdout), []);
});

test('--icd10 with the CDC zip as published', { skip: skip || (icd10Zip() ? false : reasons.icd10) }, () => {
  const r = runCli(['--format', 'json', '--icd10', icd10Zip()!, claimFile('HI*ABK:J44*ABF:J449')]);
  assert.match(r.stderr, /74,719 billable of 98,186 codes/);
  assert.deepEqual(ids(r.stdout), ['diagnosis-not-billable']);
});

test('--icd10 with a bad path: a clear message and exit 2', { skip }, () => {
  const r = runCli(['--icd10', join(tmpdir(), 'no-such-icd10'), claimFile('HI*ABK:E11')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--icd10 .*no-such-icd10: ICD-10-CM: .*does not exist/);
  const notList = join(mkdtempSync(join(tmpdir(), 'icd10-cli-')), 'icd10cm-order-2026.txt');
  writeFileSync(notList, 'hello\n');
  const bad = runCli(['--icd10', notList, claimFile('HI*ABK:E11')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /is neither an ICD-10-CM order file/);
});
