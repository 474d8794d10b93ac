// What the loaded ICD-10-CM releases say of a claim's diagnoses, for the diagnosis rules. Diagnoses
// belong to the claim, rules run per line: they are judged once, on the claim's first line, on every
// date of service the claim bills (a code is judged only when every date gives the same answer).
import type { Claim, Diagnosis } from '../model';
import type { LineContext } from './types';
import { dottedDiagnosis, isIcd10Shaped, normalizeDiagnosis, type Icd10ReleaseInfo } from '../codeset/icd10';

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export interface DiagnosisVerdict {
  diagnosis: Diagnosis;
  /** the code without the dot, upper-case */
  code: string;
  /** E11.9: how messages print it */
  printed: string;
  kind: 'billable' | 'header' | 'absent' | 'malformed';
  release: Icd10ReleaseInfo;
  /** the earliest date of service the claim bills (or today when it has none) */
  date: string;
  /** whether the claim had a date, for the wording */
  dated: boolean;
  /** a date lies past the newest release's last day: a newer release may say otherwise */
  pastData: boolean;
  /** billable codes under a header in the release in force (how many; a few for the message) */
  billableUnder?: { count: number; examples: string[] };
}

let memoClaim: Claim | undefined;
let memoCodes: unknown;
let memoVerdicts: DiagnosisVerdict[] = [];

/** the claim's diagnoses judged against ICD-10-CM; empty on every line but the claim's first, or without a release */
export function diagnosisVerdicts(ctx: LineContext): DiagnosisVerdict[] {
  const { claim, diagnosisCodes } = ctx;
  if (!claim || !diagnosisCodes || claim.lines[0] !== ctx.line || claim.diagnoses.length === 0) return [];
  if (claim === memoClaim && diagnosisCodes === memoCodes) return memoVerdicts;
  memoClaim = claim;
  memoCodes = diagnosisCodes;
  memoVerdicts = judge(ctx, claim);
  return memoVerdicts;
}

/** the distinct dates of service a claim bills (its lines', else its own), sorted */
export function claimDates(claim: Claim): string[] {
  const dates = new Set<string>();
  const claimDate = claim.serviceDate?.value;
  for (const line of claim.lines) {
    const d = line.serviceDate?.value ?? claimDate;
    if (d && ISO_DATE.test(d)) dates.add(d);
  }
  if (dates.size === 0 && claimDate && ISO_DATE.test(claimDate)) dates.add(claimDate);
  return [...dates].sort();
}

/** ICD-9 (HI BK/BF, an ICD-9 FHIR system) is another code set; a column of unknown system is judged only when shaped like ICD-10 */
const judged = (diagnosis: Diagnosis): boolean => diagnosis.system !== 'icd9' && (diagnosis.system === 'icd10' || isIcd10Shaped(diagnosis.value));

function judge(ctx: LineContext, claim: Claim): DiagnosisVerdict[] {
  // the list is asked (and a lazy one read) only for a claim with a diagnosis to judge
  const toJudge = claim.diagnoses.filter(judged);
  const codes = ctx.diagnosisCodes!;
  if (toJudge.length === 0 || !codes.available) return [];
  const dates = claimDates(claim);
  const dated = dates.length > 0;
  if (!dated) dates.push(ctx.today);
  const out: DiagnosisVerdict[] = [];
  for (const diagnosis of toJudge) {
    const shaped = isIcd10Shaped(diagnosis.value);
    const code = normalizeDiagnosis(diagnosis.value);
    let verdict: DiagnosisVerdict | undefined;
    let agreed = true;
    for (const date of dates) {
      const found = codes.lookup(code, date);
      // before the oldest loaded release the code set in force is not known here: no judgment
      if (!found.release) {
        agreed = false;
        break;
      }
      const kind = shaped ? found.entry.kind : 'malformed';
      if (!verdict) verdict = { diagnosis, code, printed: shaped ? dottedDiagnosis(code) : diagnosis.value.trim(), kind, release: found.release, date, dated, pastData: found.pastData };
      else if (verdict.kind !== kind) agreed = false;
      else if (found.pastData) verdict.pastData = true;
    }
    if (!verdict || !agreed) continue;
    if (verdict.kind === 'header') {
      const under = codes.billableCodesUnder(code, verdict.date, Number.MAX_SAFE_INTEGER);
      verdict.billableUnder = { count: under.length, examples: under.slice(0, 3).map(dottedDiagnosis) };
    }
    out.push(verdict);
  }
  return out;
}

/** 'date of service 2025-11-05' or 'today (2025-11-20; the claim has no date of service)' */
export function verdictDate(v: DiagnosisVerdict): string {
  return v.dated ? `date of service ${v.date}` : `today (${v.date}; the claim has no date of service)`;
}

/** ' (its codes hold from 2025-10-01 to 2026-09-30; this date is later: load the current ICD-10-CM release)' when past the data */
export function diagnosisStaleNote(v: DiagnosisVerdict): string {
  return v.pastData ? ` (facts from ${v.release.label}, in force ${v.release.startDate} to ${v.release.endDate}; this date is later: load the current ICD-10-CM release)` : '';
}
