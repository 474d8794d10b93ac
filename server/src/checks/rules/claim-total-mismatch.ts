// An 837 claim's total charge (CLM02) must equal the sum of its lines' charges (SV102 / SV203).
import { docsPath, finding, allProfiles, type ClaimRule } from '../rule';
import { centsOf, chargedLines, chargeElement, sum } from '../balance';
import { traitsOf } from '../../documents/formats';
import { amountLike, centsText, sumText } from '../../base/money';

const rule: ClaimRule = {
  id: 'claim-total-mismatch',
  source: { basis: 'X12 TR3', ref: '837P CLM02 / 837I CLM02: the total claim charge must equal the sum of the service line charges (SV102 / SV203)' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'claim',
  description: 'Claim total (CLM02) is not the sum of its line charges',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('claim-total-mismatch'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    const { claim } = ctx;
    const total = claim.amounts?.charge;
    if (!traitsOf(ctx.document).claimMoney || claim.amounts?.paid || claim.amounts?.unreadLines) return [];
    const lines = chargedLines(claim);
    if (total?.cents === undefined || lines.length === 0) return [];
    // a line without a readable charge is its own finding; the sum is not known without it
    const charges = centsOf(lines.map((l) => l.amounts!.charge));
    if (!charges || sum(charges) === total.cents) return [];
    const added = sum(charges);
    const element = chargeElement(lines[0]!);
    const message = `CLM02 is ${centsText(total.cents)}; the lines (${element}) add up to ${sumText(charges)}`;
    // the lines are what was billed: only the total is set, and only when every line's charge is valid
    const fixable = added >= 0 && charges.every((c) => c >= 0);
    const text = amountLike(added, total.value);
    return [
      finding(rule, total.range, message, {
        fixes: fixable ? [{ title: `Set CLM02 to ${text}, the sum of the lines`, edits: [{ range: { ...total.range }, newText: text }] }] : [],
        related: lines.map((l) => ({ range: { ...l.amounts!.charge!.range }, message: `${element} ${centsText(l.amounts!.charge!.cents!)}` })).slice(0, 20),
      }),
    ];
  },
};
export default rule;
