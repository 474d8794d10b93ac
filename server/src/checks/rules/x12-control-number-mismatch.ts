// A trailer's control number that does not repeat its header's (SE02/ST02, GE02/GS06, IEA02/ISA13):
// a receiver that checks it rejects the envelope. The fix writes the header's number into the trailer.
import { allProfiles, docsPath, type EnvelopeRule } from '../rule';
import { controlFindings } from '../envelopes';

const rule: EnvelopeRule = {
  id: 'x12-control-number-mismatch',
  source: { basis: 'X12 TR3', ref: 'SE02 = ST02 (999 IK502 code 3), GE02 = GS06 (999 AK905 code 4), IEA02 = ISA13 (TA1 note code 001)' },
  since: '0.2.0',
  bulkSafeFix: false, // whether the header or the trailer is wrong is a person's call
  scope: 'envelope',
  description: "A trailer's control number (SE02, GE02, IEA02) differs from its header's (ST02, GS06, ISA13)",
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('x12-control-number-mismatch'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance'],
  check: (ctx) => controlFindings(rule, ctx),
};
export default rule;
