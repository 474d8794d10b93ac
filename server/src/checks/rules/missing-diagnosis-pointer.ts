// Every 837P service line points at one to four of the claim's diagnoses (SV107, required in 5010):
// the payer reads medical necessity from it. 837I lines have no pointer (every diagnosis of the
// claim applies) and FHIR makes item.diagnosisSequence optional, so only SV1 lines are asked.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';

const rule: LineRule = {
  id: 'missing-diagnosis-pointer',
  source: { basis: 'X12 TR3', ref: '837P SV107 composite diagnosis code pointer: required on every service line' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: '837P service line without a diagnosis pointer (SV107)',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('missing-diagnosis-pointer'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    const { line } = ctx;
    // an SV107 that holds only unreadable pointers is reported by the reader (x12-bad-pointer)
    if (line.source !== 'SV1' || line.diagnosisPointers) return [];
    return [finding(rule, line.code.range, `The line has no diagnosis pointer: SV107 names the HI position (1-12) of the diagnosis this service was for`)];
  },
};
export default rule;
