// 835 service line balancing: the line's charge less its adjustments is what was paid for it.
import { docsPath, finding, allProfiles, type LineRule } from '../rule';
import { unbalanced } from '../balance';
import { centsText, sumText } from '../../base/money';

const rule: LineRule = {
  id: 'remit-line-balance',
  source: { basis: 'X12 TR3', ref: '835 (005010X221A1) 1.10.2.1.1 service line balancing: SVC02 minus the line\'s CAS amounts equals SVC03' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Remittance line does not balance: SVC02 − CAS adjustments ≠ SVC03',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('remit-line-balance'),
  profiles: allProfiles,
  kinds: ['remittance'],
  check(ctx) {
    const amounts = ctx.line.amounts;
    const charge = amounts?.charge?.cents;
    const paid = amounts?.paid;
    if (!amounts || ctx.line.source !== 'SVC' || charge === undefined || paid?.cents === undefined) return [];
    const gap = unbalanced(charge, amounts.adjustments ?? [], paid.cents);
    if (!gap) return [];
    const less = gap.adjustments.length ? `less its adjustments ${sumText(gap.adjustments)}` : 'with no CAS adjustments';
    return [finding(rule, paid.range, `SVC03 is ${centsText(paid.cents)}; SVC02 ${centsText(charge)} ${less} leaves ${centsText(gap.left)}`)];
  },
};
export default rule;
