// A diagnosis code that the ICD-10-CM release in force on the date of service does not have.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { diagnosisStaleNote, diagnosisVerdicts, verdictDate } from '../diagnosis-facts';
import { quoteField } from '../../base/safe-text';

const rule: LineRule = {
  id: 'unknown-diagnosis',
  source: { basis: 'CMS release', ref: 'ICD-10-CM code files (CDC/NCHS), fiscal-year release in force on the date of service' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Diagnosis code that is not in the ICD-10-CM release in force on the date of service',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('unknown-diagnosis'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    return diagnosisVerdicts(ctx)
      .filter((v) => v.kind === 'absent' || v.kind === 'malformed')
      .map((v) => {
        const what = v.kind === 'malformed' ? `${quoteField(v.diagnosis.value, 'diagnosis')} is not shaped like an ICD-10-CM code (a letter, a digit, then 1 to 5 letters or digits)` : `${v.printed} is not an ICD-10-CM code in ${v.release.label} (${verdictDate(v)})`;
        const f = finding(rule, v.diagnosis.range, `${what}${diagnosisStaleNote(v)}`);
        return v.pastData && v.kind === 'absent' ? { ...f, capSeverity: 'information' as const } : f;
      });
  },
};
export default rule;
