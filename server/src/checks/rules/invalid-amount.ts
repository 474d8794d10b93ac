// A money element that is not an amount ("12.5O", "1.234"), or a negative charge on a claim, is
// reported as what it is; the balancing rules skip what they cannot add up.
import { docsPath, finding, allProfiles, type ClaimRule } from '../rule';
import type { Amount } from '../../model';
import type { Finding } from '../types';
import { chargeElement, claimChargeElement } from '../balance';
import { centsText } from '../../base/money';
import { quoteField } from '../../base/safe-text';

const rule: ClaimRule = {
  id: 'invalid-amount',
  source: { basis: 'X12 TR3', ref: 'X12 R (decimal) money elements CLM02, SV102, SV203, CLP03, CLP04, SVC02, SVC03, CAS03..18; claim charges are not negative' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'claim',
  description: 'An amount that is not a number, or a negative charge on a claim',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('invalid-amount'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance'],
  check(ctx) {
    const { claim } = ctx;
    const out: Finding[] = [];
    // a claim being billed has no negative charges; an 835 reverses a payment with negative amounts (CLP02 22)
    const billed = ctx.document.kind === 'claim' && !claim.amounts?.paid;
    const look = (amount: Amount | undefined, element: string, charge: boolean) => {
      if (!amount) return;
      if (amount.cents === undefined) out.push(finding(rule, amount.range, `${element} is ${quoteField(amount.value, 'amount')}: not an amount (dollars and cents, e.g. 125.00)`));
      else if (charge && billed && amount.cents < 0) out.push(finding(rule, amount.range, `${element} is ${centsText(amount.cents)}: a charge on a claim cannot be negative`));
    };
    const amounts = claim.amounts;
    if (amounts) {
      look(amounts.charge, claimChargeElement(claim), true);
      look(amounts.paid, 'CLP04', false);
      for (const a of amounts.adjustments) look(a, 'The CAS amount', false);
    }
    for (const line of claim.lines) {
      if (!line.amounts) continue;
      look(line.amounts.charge, chargeElement(line), true);
      look(line.amounts.paid, 'SVC03', false);
      for (const a of line.amounts.adjustments ?? []) look(a, 'The CAS amount', false);
    }
    return out;
  },
};
export default rule;
