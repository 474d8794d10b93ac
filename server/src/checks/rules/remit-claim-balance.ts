// 835 claim balancing: the claim's charge less every adjustment (claim and line level) is what was paid.
import { docsPath, finding, allProfiles, type ClaimRule } from '../rule';
import { allAdjustments, unbalanced } from '../balance';
import { centsText, sumText } from '../../base/money';

const rule: ClaimRule = {
  id: 'remit-claim-balance',
  source: { basis: 'X12 TR3', ref: '835 (005010X221A1) 1.10.2.1.2 claim balancing: CLP03 minus the claim- and service-level CAS amounts equals CLP04' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'claim',
  description: 'Remittance claim does not balance: CLP03 − CAS adjustments ≠ CLP04',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('remit-claim-balance'),
  profiles: allProfiles,
  kinds: ['remittance'],
  check(ctx) {
    const amounts = ctx.claim.amounts;
    const charge = amounts?.charge?.cents;
    const paid = amounts?.paid;
    if (!amounts || charge === undefined || paid?.cents === undefined || amounts.unreadLines) return [];
    const gap = unbalanced(charge, allAdjustments(ctx.claim), paid.cents);
    if (!gap) return [];
    const less = gap.adjustments.length ? `less the claim's and its lines' adjustments ${sumText(gap.adjustments)}` : 'with no CAS adjustments';
    return [finding(rule, paid.range, `CLP04 is ${centsText(paid.cents)}; CLP03 ${centsText(charge)} ${less} leaves ${centsText(gap.left)}`)];
  },
};
export default rule;
