// A claim line must carry its charge (SV102 / SV203); a zero charge on a claim that bills money is
// almost always a line whose amount was lost.
import { docsPath, finding, allProfiles, type LineRule } from '../rule';
import { chargeElement } from '../balance';
import { traitsOf } from '../../documents/formats';

const rule: LineRule = {
  id: 'missing-line-charge',
  source: { basis: 'X12 TR3', ref: '837P SV102 / 837I SV203 line item charge amount (required)' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Service line without a charge, or with a zero charge on a claim that bills an amount',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('missing-line-charge'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    const { line, claim } = ctx;
    const amounts = line.amounts;
    if (!amounts || !traitsOf(ctx.document).claimMoney || claim?.amounts?.paid) return [];
    const element = chargeElement(line);
    if (!amounts.charge) return [finding(rule, line.code.range, `${element} (the line's charge) is empty: every service line needs its charge`)];
    const total = claim?.amounts?.charge?.cents;
    if (amounts.charge.cents === 0 && total !== undefined && total > 0) {
      return [{ ...finding(rule, amounts.charge.range, `${element} is 0 on a claim that bills an amount: enter the line's charge`), capSeverity: 'warning' }];
    }
    return [];
  },
};
export default rule;
