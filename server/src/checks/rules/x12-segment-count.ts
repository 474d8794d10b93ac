// SE01 is not the number of segments from ST to SE inclusive: a receiver that checks it rejects the envelope. The fix rewrites the count.
import { allProfiles, docsPath, type EnvelopeRule } from '../rule';
import { countFindings } from '../envelopes';

const rule: EnvelopeRule = {
  id: 'x12-segment-count',
  source: { basis: 'X12 TR3', ref: 'SE01 number of included segments (999 IK502 code 4)' },
  since: '0.2.0',
  bulkSafeFix: false, // a count that disagrees may mean a lost segment: a person looks before it is rewritten
  scope: 'envelope',
  description: 'SE01 is not the number of segments from ST to SE inclusive',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('x12-segment-count'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance'],
  check: (ctx) => countFindings(rule, ctx, 'transaction'),
};
export default rule;
