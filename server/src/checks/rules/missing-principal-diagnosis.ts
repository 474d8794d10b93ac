// A claim names its principal diagnosis: an 837P/837I's first HI diagnosis carries ABK (ICD-10-CM)
// or BK (ICD-9-CM); a FHIR Claim that lists diagnoses has one of sequence 1 or type "principal".
// Checked once per claim, on its first line (a rule sees one line and its claim). CSV exports and
// FHIR Claims without any diagnosis are left alone: their formats do not require one.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';

const rule: LineRule = {
  id: 'missing-principal-diagnosis',
  source: { basis: 'X12 TR3', ref: '837P/837I loop 2300 HI01-1 qualifier ABK or BK (principal diagnosis); FHIR Claim.diagnosis sequence 1 or type principal' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Claim without a principal diagnosis',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('missing-principal-diagnosis'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    const { line, claim, text } = ctx;
    if (!claim || claim.lines[0] !== line || claim.diagnoses.some((d) => d.principal)) return [];
    const first = claim.diagnoses[0];
    if (line.source === 'SV1' || line.source === 'SV2') {
      if (first) {
        const q = first.qualifier ?? first;
        return [finding(rule, q.range, `The claim's first HI diagnosis is not marked principal: HI01 takes qualifier ABK (ICD-10-CM) or BK (ICD-9-CM)`)];
      }
      // lines read outside any CLM have no claim to put a diagnosis on
      if (!text.startsWith('CLM', claim.range.start)) return [];
      const at = claim.id?.range ?? { start: claim.range.start, end: claim.range.start + 3 };
      return [finding(rule, at, `The claim has no principal diagnosis: add HI*ABK:<ICD-10-CM code> after CLM (and ABF: for the others)`)];
    }
    if (line.source === 'fhir' && first) {
      return [finding(rule, first.range, `No diagnosis of this Claim is principal: give the principal one sequence 1 or type "principal"`)];
    }
    return [];
  },
};
export default rule;
