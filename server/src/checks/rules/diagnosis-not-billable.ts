// A diagnosis category or subcategory (a header in the ICD-10-CM order file) billed as if it were a
// code: it needs more characters. The billable codes under it are offered by completion.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { diagnosisStaleNote, diagnosisVerdicts, verdictDate } from '../diagnosis-facts';

const rule: LineRule = {
  id: 'diagnosis-not-billable',
  source: { basis: 'CMS release', ref: 'ICD-10-CM order file, billable flag (CDC/NCHS); ICD-10-CM Official Guidelines I.B.3' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Diagnosis code that is a category heading in ICD-10-CM, not billable: it needs more characters',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('diagnosis-not-billable'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    return diagnosisVerdicts(ctx)
      .filter((v) => v.kind === 'header')
      .map((v) => {
        const under = v.billableUnder;
        const choose = under && under.count > 0 ? `; ${under.count} billable code${under.count === 1 ? '' : 's'} lie under it (${under.examples.join(', ')}${under.count > under.examples.length ? ', …' : ''}): complete here to choose one` : '';
        const f = finding(rule, v.diagnosis.range, `${v.printed} is a category heading in ${v.release.label}, not billable on ${verdictDate(v)}: it needs more characters${choose}${diagnosisStaleNote(v)}`);
        return v.pastData ? { ...f, capSeverity: 'information' as const } : f;
      });
  },
};
export default rule;
