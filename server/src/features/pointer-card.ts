// Hover on a diagnosis pointer: the diagnosis it names, where the claim lists it and in what role,
// or that it names none. Exported so a diagnosis card (ICD-10-CM titles) can add to it.
import type { Claim, Diagnosis, ServiceLine, Span } from '../model';
import { diagnosisAt, positionsText, X12_POINTER_MAX } from '../checks/diagnoses';
import { diagnosisQualifier } from '../documents/hi-qualifiers';
import { md } from './format';

const SYSTEM_NAMES: Record<Diagnosis['system'], string> = { icd10: 'ICD-10-CM', icd9: 'ICD-9-CM', unknown: 'code set not stated' };

/** where the diagnosis sits and what it is: "HI position 2, ABF: other diagnosis" / "diagnosis.sequence 2, ICD-10-CM" */
export function diagnosisPlace(d: Diagnosis, line: ServiceLine): string {
  const q = d.qualifier?.value.trim();
  if (q) {
    const role = diagnosisQualifier(q)?.role;
    return `HI position ${d.position}, ${md(q.toUpperCase())}${role ? `: ${role}` : ''}`;
  }
  const place = line.source === 'fhir' ? `diagnosis.sequence ${d.position}` : `diagnosis ${d.position}`;
  return `${place}, ${SYSTEM_NAMES[d.system]}${d.principal ? ', principal' : ''}`;
}

/** the pointer card's Markdown lines (the first says what the pointer names) */
export function pointerHover(claim: Claim | undefined, line: ServiceLine, pointer: Span<number>): string[] {
  const n = pointer.value;
  const d = diagnosisAt(claim, n);
  if (d) return [`**Diagnosis pointer ${n}** → **${md(d.value.trim())}** (${diagnosisPlace(d, line)})`];
  const outside = line.source === 'SV1' && (n < 1 || n > X12_POINTER_MAX);
  const why = outside ? `SV107 pointers are 1-${X12_POINTER_MAX}` : `there is no ${line.source === 'SV1' ? 'HI position' : 'diagnosis with sequence'} ${n}`;
  return [`**Diagnosis pointer ${n}** names no diagnosis: ${why}; ${positionsText(claim)}.`];
}
