// The hover card of a diagnosis code: its ICD-10-CM title, whether it is billable (valid for
// submission) on the date, and the release that says so. Pure; never prints filler.
import type { DiagnosisSystem } from '../model';
import { dottedDiagnosis, isIcd10Shaped, normalizeDiagnosis, type DiagnosisCodes } from '../codeset/icd10';
import { md, plural } from './format';

export interface DiagnosisPlace {
  /** the code as written */
  written: string;
  system: DiagnosisSystem;
  /** the date to judge on and how to call it ('the date of service 2025-11-05', 'today (…)') */
  date: string;
  dateLabel: string;
  /** X12 HI qualifier (ABK, BK, …) when there is one */
  qualifier?: string;
}

export const NO_ICD10_LOADED = 'No ICD-10-CM code list is loaded: set `hcpcs.icd10Path` (or `--icd10` on the command line) to the CDC order file, its zip or a folder of releases.';

/** how many billable codes a header's card names */
const EXAMPLES = 5;

export function diagnosisCard(codes: DiagnosisCodes | undefined, place: DiagnosisPlace): string {
  const written = place.written.trim();
  const head = `**${md(written)}** here is a diagnosis code, not a procedure`;
  if (place.system === 'icd9') {
    return `${head}: ICD-9-CM${place.qualifier ? ` (HI qualifier ${md(place.qualifier)})` : ''}, which is not checked against ICD-10-CM.`;
  }
  if (!codes) return `${head} (ICD-10-CM).\n\n${NO_ICD10_LOADED}`;
  if (!isIcd10Shaped(written)) return `${head}, but it is not shaped like an ICD-10-CM code (a letter, a digit, then 1 to 5 letters or digits).`;
  const code = normalizeDiagnosis(written);
  const printed = md(dottedDiagnosis(code));
  const found = codes.lookup(code, place.date);
  if (!found.release) {
    // before the oldest loaded release: what the oldest says, without a verdict for the date
    const oldest = codes.oldest;
    const entry = oldest.entry(code);
    const said = entry.kind === 'absent' ? `not in ${oldest.info.label}` : `${entry.title ? md(entry.title) : 'a category heading'} in ${oldest.info.label}`;
    return `**${printed}** (ICD-10-CM): ${said}.\n\nThe loaded releases begin ${oldest.info.startDate}; on ${place.dateLabel} another release was in force, so whether it was valid then is not known here.`;
  }
  const { entry, release, pastData } = found;
  const source = `*${md(release.label)}, in force ${release.startDate} to ${release.endDate}${release.source ? ` (${md(release.source)})` : ''}*`;
  const stale = pastData ? `\n\n⚠ This date lies after ${release.endDate}, the last day of the newest loaded release: a newer ICD-10-CM release may say otherwise; load it.` : '';
  if (entry.kind === 'absent') return `**${printed}** is not an ICD-10-CM code in ${md(release.label)} (on ${place.dateLabel}).${stale}\n\n${source}`;
  const title = entry.title ? ` — ${md(entry.title)}` : '';
  if (entry.kind === 'billable') {
    return `**${printed}**${title}\n\n**Billable:** yes, valid for submission on ${place.dateLabel}.${stale}\n\n${source}`;
  }
  const under = codes.billableUnder(code, place.date, Number.MAX_SAFE_INTEGER);
  const list = under.slice(0, EXAMPLES).map((u) => `${md(dottedDiagnosis(u.code))} ${md(u.title)}`);
  const more = under.length > EXAMPLES ? `, and ${under.length - EXAMPLES} more (complete here to see them)` : '';
  const choose = under.length ? ` Billable codes under it (${plural(under.length, 'code')}): ${list.join('; ')}${more}.` : '';
  return `**${printed}**${title}\n\n**Billable:** no — a category heading on ${place.dateLabel}: it needs more characters.${choose}${stale}\n\n${source}`;
}
