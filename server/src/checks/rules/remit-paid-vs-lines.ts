// 835: a claim with service lines pays what its lines paid, less the claim-level adjustments.
import { docsPath, finding, allProfiles, type ClaimRule } from '../rule';
import { centsOf, chargedLines, sum } from '../balance';
import { centsText, sumText } from '../../base/money';

const rule: ClaimRule = {
  id: 'remit-paid-vs-lines',
  source: { basis: 'X12 TR3', ref: '835 (005010X221A1) 1.10.2.1.2 claim balancing with service lines: CLP04 equals the sum of SVC03 less the claim-level CAS amounts' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'claim',
  description: 'Remittance claim paid (CLP04) is not its lines\' paid amounts (SVC03) less claim-level adjustments',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('remit-paid-vs-lines'),
  profiles: allProfiles,
  kinds: ['remittance'],
  check(ctx) {
    const amounts = ctx.claim.amounts;
    const paid = amounts?.paid;
    const lines = chargedLines(ctx.claim);
    if (!amounts || paid?.cents === undefined || lines.length === 0 || amounts.unreadLines) return [];
    const linesPaid = centsOf(lines.map((l) => l.amounts!.paid));
    const claimLevel = centsOf(amounts.adjustments);
    if (!linesPaid || !claimLevel) return [];
    const expected = sum(linesPaid) - sum(claimLevel);
    if (expected === paid.cents) return [];
    const less = claimLevel.length ? `, less the claim-level adjustments ${sumText(claimLevel)}, is ${centsText(expected)}` : '';
    return [finding(rule, paid.range, `CLP04 is ${centsText(paid.cents)}; the lines paid (SVC03) ${sumText(linesPaid)}${less}`)];
  },
};
export default rule;
