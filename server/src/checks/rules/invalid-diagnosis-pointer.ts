// A line's diagnosis pointer must name a diagnosis the claim lists: 837P SV107 pointers are 1 to 12
// and index the claim's HI diagnoses in order; FHIR item.diagnosisSequence names a diagnosis.sequence.
// Payers reject a claim whose pointer names a position no diagnosis fills. No fix: which diagnosis
// the service was for is the biller's call, never a guess.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { diagnosisAt, pointersApply, positionsText, X12_POINTER_MAX } from '../diagnoses';
import type { Finding } from '../types';

const rule: LineRule = {
  id: 'invalid-diagnosis-pointer',
  source: { basis: 'X12 TR3', ref: '837P SV107 composite diagnosis code pointer (1 to 12, positions of the 2300 HI diagnoses); FHIR Claim.item.diagnosisSequence' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Diagnosis pointer that names no diagnosis of the claim',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('invalid-diagnosis-pointer'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    const { line, claim } = ctx;
    if (!line.diagnosisPointers?.length || !pointersApply(line)) return [];
    const x12 = line.source === 'SV1';
    const out: Finding[] = [];
    for (const p of line.diagnosisPointers) {
      if (x12 && (p.value < 1 || p.value > X12_POINTER_MAX)) {
        out.push(finding(rule, p.range, `Diagnosis pointer ${p.value} is outside 1-${X12_POINTER_MAX}: SV107 names a position of the claim's HI diagnoses (${positionsText(claim)})`));
      } else if (!diagnosisAt(claim, p.value)) {
        const where = x12 ? `HI position ${p.value}` : `diagnosis.sequence ${p.value}`;
        out.push(finding(rule, p.range, `Diagnosis pointer ${p.value} names no diagnosis: there is no ${where}; ${positionsText(claim)}`));
      }
    }
    return out;
  },
};
export default rule;
