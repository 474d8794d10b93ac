// What the diagnosis rules ask of a claim: the diagnosis a line's pointer names, the pointer limits
// of the format, whether a claim must name a principal diagnosis.
import type { Claim, Diagnosis, ServiceLine } from '../model';

/** 837P 5010: SV107 points at one of twelve diagnosis positions (HI01 to HI12) */
export const X12_POINTER_MAX = 12;

/** the claim's diagnosis at a pointer's position (FHIR: diagnosis.sequence), if it lists one */
export function diagnosisAt(claim: Claim | undefined, position: number): Diagnosis | undefined {
  return claim?.diagnoses.find((d) => d.position === position);
}

/** lines whose format carries pointers that must name a diagnosis: 837P SV1 and FHIR items */
export function pointersApply(line: ServiceLine): boolean {
  return line.source === 'SV1' || line.source === 'fhir';
}

/** "positions 1-3" / "position 1" / "no diagnosis": what the claim offers a pointer, in words */
export function positionsText(claim: Claim | undefined): string {
  const positions = (claim?.diagnoses ?? []).map((d) => d.position);
  if (!positions.length) return 'the claim lists no diagnosis';
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const contiguous = sorted[sorted.length - 1]! - sorted[0]! === sorted.length - 1;
  const list = sorted.length === 1 ? `position ${sorted[0]}` : contiguous ? `positions ${sorted[0]}-${sorted[sorted.length - 1]}` : `positions ${sorted.join(', ')}`;
  return `the claim lists ${sorted.length} diagnos${sorted.length === 1 ? 'is' : 'es'} (${list})`;
}
