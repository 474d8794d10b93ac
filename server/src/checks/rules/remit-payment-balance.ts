// 835 transaction balancing: the payment (BPR02) is the claims' paid amounts less the provider-level adjustments.
import { docsPath, finding, allProfiles, type DocumentRule } from '../rule';
import type { Finding } from '../types';
import { centsOf, sum } from '../balance';
import { centsText, sumText } from '../../base/money';
import { quoteField } from '../../base/safe-text';

const rule: DocumentRule = {
  id: 'remit-payment-balance',
  source: { basis: 'X12 TR3', ref: '835 (005010X221A1) 1.10.2.1.3 transaction balancing: BPR02 equals the sum of CLP04 less the sum of PLB adjustment amounts' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'document',
  description: 'Remittance payment (BPR02) is not the sum of claim payments (CLP04) less PLB adjustments',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('remit-payment-balance'),
  profiles: allProfiles,
  kinds: ['remittance'],
  check(ctx) {
    const out: Finding[] = [];
    for (const container of ctx.document.containers) {
      const payment = container.payment;
      const paid = payment?.paid;
      if (!payment || !paid) continue;
      const notAmounts = [paid, ...payment.adjustments].filter((a) => a.cents === undefined);
      for (const a of notAmounts) {
        const element = a === paid ? 'BPR02' : 'The PLB amount';
        out.push(finding(rule, a.range, `${element} is ${quoteField(a.value, 'amount')}: not an amount, so the payment cannot be balanced`));
      }
      if (notAmounts.length || paid.cents === undefined) continue;
      if (paid.cents < 0) {
        out.push(finding(rule, paid.range, `BPR02 is ${centsText(paid.cents)}: the payment amount cannot be negative`));
        continue;
      }
      const claims = payment.claimsPaid;
      const adjustments = centsOf(payment.adjustments) ?? [];
      if (claims.unreadable > 0) continue; // a CLP04 that is not an amount is reported on its claim
      const expected = claims.cents - sum(adjustments);
      if (expected === paid.cents) continue;
      const plural = claims.claims === 1 ? 'claim' : 'claims';
      const less = adjustments.length ? `, less the PLB adjustments ${sumText(adjustments)}, is ${centsText(expected)}` : '';
      out.push(finding(rule, paid.range, `BPR02 is ${centsText(paid.cents)}; the ${claims.claims} ${plural} paid (CLP04) ${centsText(claims.cents)}${less}`));
    }
    return out;
  },
};
export default rule;
