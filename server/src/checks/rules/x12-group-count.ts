// IEA01 is not the number of functional groups in the interchange: a receiver that checks it rejects the envelope. The fix rewrites the count.
import { allProfiles, docsPath, type EnvelopeRule } from '../rule';
import { countFindings } from '../envelopes';

const rule: EnvelopeRule = {
  id: 'x12-group-count',
  source: { basis: 'X12 TR3', ref: 'IEA01 number of included functional groups (TA1 note code 021)' },
  since: '0.2.0',
  bulkSafeFix: false, // a count that disagrees may mean a lost segment: a person looks before it is rewritten
  scope: 'envelope',
  description: 'IEA01 is not the number of functional groups in the interchange',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('x12-group-count'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance'],
  check: (ctx) => countFindings(rule, ctx, 'interchange'),
};
export default rule;
