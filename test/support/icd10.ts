// The ICD-10-CM lists tests run against: the committed excerpt of the FY2026 order file (always
// there) and the whole FY2026 release from ../shared (HCPCS_ICD10), absent on a bare clone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosisCodes, Icd10Release } from '../../server/src/codeset/icd10';
import { importIcd10 } from '../../server/src/codeset/import/icd10cm';
import { loadIcd10Path } from '../../server/src/node/icd10-store';
import { repoRoot, sharedDir } from './paths';

export const ICD10_FIXTURE = join(repoRoot, 'test/fixtures/icd10cm/icd10cm-order-2026.txt');

let fixture: DiagnosisCodes | undefined;
/** the committed excerpt: real FY2026 rows (E11 family, I10, J45, M54, R06, Z79, W21, U09, …) */
export function fixtureDiagnosisCodes(): DiagnosisCodes {
  if (!fixture) {
    const imported = importIcd10(readFileSync(ICD10_FIXTURE), 'icd10cm-order-2026.txt');
    if (!imported.ok) throw new Error(imported.error);
    fixture = new DiagnosisCodes([new Icd10Release(imported.index)]);
  }
  return fixture;
}

/** the folder of ICD-10-CM releases: HCPCS_ICD10, else ../shared's */
export function icd10Path(): string | undefined {
  const p = process.env.HCPCS_ICD10 ?? join(sharedDir, 'cms/icd10cm');
  return existsSync(p) ? p : undefined;
}

/** the CDC zip of FY2026 as published */
export function icd10Zip(): string | undefined {
  const p = join(sharedDir, 'cms/icd10cm/fy2026/icd10cm-Code Descriptions-2026.zip');
  return existsSync(p) ? p : undefined;
}

let full: DiagnosisCodes | null | undefined;
/** every loaded release from ../shared; undefined when absent */
export function fullDiagnosisCodes(): DiagnosisCodes | undefined {
  if (full === undefined) {
    const path = icd10Path();
    const loaded = path ? loadIcd10Path(path) : undefined;
    if (loaded && !loaded.ok) throw new Error(loaded.error);
    full = loaded ? loaded.codes : null;
  }
  return full ?? undefined;
}
