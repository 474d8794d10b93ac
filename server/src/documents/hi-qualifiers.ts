// The X12 HI composite qualifiers (code list of element 1270 as the 837P/837I 5010 guides use it):
// which ones hold a diagnosis (and in which code set, with what role), and which hold something else
// (procedures, occurrences, values, condition codes), so that a reader can tell a diagnosis from
// another HI composite and an unknown qualifier from a known one.
import type { DiagnosisSystem } from '../model';

export interface DiagnosisQualifier {
  system: DiagnosisSystem;
  /** the diagnosis's role on the claim, as a hover names it */
  role: string;
  principal: boolean;
}

const icd10 = (role: string, principal = false): DiagnosisQualifier => ({ system: 'icd10', role, principal });
const icd9 = (role: string, principal = false): DiagnosisQualifier => ({ system: 'icd9', role, principal });

/** qualifiers whose composite holds a diagnosis code (ICD-10-CM A..., ICD-9-CM the older two-letter ones) */
const DIAGNOSIS: ReadonlyMap<string, DiagnosisQualifier> = new Map([
  ['ABK', icd10('principal diagnosis', true)],
  ['ABF', icd10('other diagnosis')],
  ['ABJ', icd10('admitting diagnosis')],
  ['APR', icd10("patient's reason for visit")],
  ['ABN', icd10('external cause of injury')],
  ['BK', icd9('principal diagnosis', true)],
  ['BF', icd9('other diagnosis')],
  ['BJ', icd9('admitting diagnosis')],
  ['PR', icd9("patient's reason for visit")],
  ['BN', icd9('external cause of injury')],
  // read as diagnoses before this list had roles; kept so no claim loses a diagnosis it had
  ['AAU', icd10('diagnosis')],
  ['AAV', icd10('diagnosis')],
  ['AAW', icd10('diagnosis')],
]);

/**
 * qualifiers of HI composites that are not diagnoses: anesthesia and ICD procedures (BP, BO, BBR,
 * BBQ, BR, BQ, CAH), occurrence spans and occurrences (BI, BH), values (BE), condition codes (BG),
 * treatment codes (TC), the DRG (DR) and LOINC codes (LOI)
 */
const OTHER = new Set(['BP', 'BO', 'BBR', 'BBQ', 'BR', 'BQ', 'CAH', 'BI', 'BH', 'BE', 'BG', 'TC', 'DR', 'LOI']);

/** the diagnosis a qualifier announces (case-insensitive), or undefined for any other qualifier */
export function diagnosisQualifier(qualifier: string): DiagnosisQualifier | undefined {
  return DIAGNOSIS.get(qualifier.toUpperCase());
}

/** a qualifier the guides know (diagnosis or not) */
export function isKnownHiQualifier(qualifier: string): boolean {
  const q = qualifier.toUpperCase();
  return DIAGNOSIS.has(q) || OTHER.has(q);
}
