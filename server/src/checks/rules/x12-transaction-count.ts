// GE01 is not the number of transaction sets in the functional group: a receiver that checks it rejects the envelope. The fix rewrites the count.
import { allProfiles, docsPath, type EnvelopeRule } from '../rule';
import { countFindings } from '../envelopes';

const rule: EnvelopeRule = {
  id: 'x12-transaction-count',
  source: { basis: 'X12 TR3', ref: 'GE01 number of transaction sets included (999 AK905 code 5)' },
  since: '0.2.0',
  bulkSafeFix: false, // a count that disagrees may mean a lost segment: a person looks before it is rewritten
  scope: 'envelope',
  description: 'GE01 is not the number of transaction sets in the functional group',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('x12-transaction-count'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance'],
  check: (ctx) => countFindings(rule, ctx, 'group'),
};
export default rule;
