// Diagnosis pointers over the real samples in ../shared/samples: how many 837P lines carry pointers
// that name a diagnosis, and which files fail which diagnosis check. Expected values were counted by
// reading the files (SV1 elements 7, HI composites), not copied from the reader's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplesDir } from '../../support/paths';
import { parseDocument } from '../../../server/src/documents/index';
import { diagnosisAt } from '../../../server/src/checks/diagnoses';
import { check, coreCodeSet } from './harness';
import { needs } from '../../support/needs';

const IDS = ['invalid-diagnosis-pointer', 'missing-diagnosis-pointer', 'missing-principal-diagnosis', 'x12-hi-qualifier', 'x12-bad-pointer'];

interface Row {
  file: string;
  /** SV1 lines, lines with SV107 pointers, lines whose every pointer names an HI diagnosis */
  lines: [number, number, number];
  /** diagnosis findings by id, with their count */
  findings?: Record<string, number>;
}

const rows: Row[] = [
  // three claims: HI BK:0340*BF:V7389 (pointers 1, 1, 2, 2), four diagnoses (1:2:3:4, 1:2, 1:2), the first again
  { file: '837p/Inteligenz-X12Parser__837P_5010_Example1_2_And_3_Combined.edi', lines: [11, 11, 11] },
  // a template: five claims without HI, ten SV1 lines without SV107
  { file: '837p/Inteligenz-X12Parser__837P_5010_MedicaidExample.edi', lines: [10, 0, 0], findings: { 'missing-principal-diagnosis': 5, 'missing-diagnosis-pointer': 10 } },
  { file: '837p/LinuxForHealth-x12__demo.ambulance.example5.edi', lines: [4, 4, 4] },
  { file: '837p/LinuxForHealth-x12__demo.drug.example10.1.edi', lines: [2, 2, 2] },
  { file: '837p/LinuxForHealth-x12__demo.drug.example10.2.edi', lines: [6, 6, 6] },
  // component separator '>': SV107 1>2 and 1 of HI BK>496*BF>25000
  { file: '837p/LinuxForHealth-x12__demo.example11-ppo-repriced.edi', lines: [2, 2, 2] },
  { file: '837p/LinuxForHealth-x12__demo.example7-oxygen.edi', lines: [2, 2, 2] },
  { file: '837p/LinuxForHealth-x12__demo.example8-wheelchair.edi', lines: [1, 1, 1] },
  // HI*BK*8901*BF*87200*BF:5559: the damaged element form before a composite; pointers 1 and 1:2:3
  { file: '837p/imsweb-x12-parser__x12_complex.edi', lines: [10, 10, 10] },
  { file: '837p/imsweb-x12-parser__x12_valid_different_separators.edi', lines: [2, 2, 2] },
  // 837I: SV2 lines carry no pointer; the principal diagnosis is BK in its own HI
  { file: '837i/Inteligenz-X12Parser__837I_5010_Spec_3.1.1.edi', lines: [0, 0, 0] },
  { file: '837i/LinuxForHealth-x12__institutional-claim.edi', lines: [0, 0, 0] },
];

for (const row of rows) {
  test(`samples, diagnosis pointers: ${row.file}`, { skip: needs.samples }, () => {
    const dir = samplesDir()!;
    const codeset = coreCodeSet();
    const path = join(dir, row.file);
    const text = readFileSync(path, 'utf8');
    const doc = parseDocument(text, { uri: path });
    const sv1 = doc.claims.flatMap((c) => c.lines.filter((l) => l.source === 'SV1').map((line) => ({ line, claim: c })));
    const pointed = sv1.filter((x) => x.line.diagnosisPointers?.length);
    const resolved = pointed.filter((x) => x.line.diagnosisPointers!.every((p) => diagnosisAt(x.claim, p.value)));
    assert.deepEqual([sv1.length, pointed.length, resolved.length], row.lines);
    const counts: Record<string, number> = {};
    for (const f of check(text, { codeset, uri: path })) if (IDS.includes(f.ruleId)) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    assert.deepEqual(counts, row.findings ?? {});
  });
}
