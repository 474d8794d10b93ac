// Medicare pays whole billing units: a dose between units is rounded up, never billed as a fraction.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { formatNumber, roundUp } from '../amounts';

const rule: LineRule = {
  id: 'fractional-units',
  source: { basis: 'CMS release', ref: 'HCPCS descriptor dose per billing unit: whole units, rounded up' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Units that are not a whole number',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('fractional-units'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line } = ctx;
    const units = line.units;
    if (!units || units.value <= 0 || Number.isInteger(units.value)) return [];
    const kind = codeKind(line);
    if (kind !== 'level2' && kind !== 'cpt') return [];
    const whole = String(roundUp(units.value));
    const shown = formatNumber(units.value);
    return [
      finding(rule, units.range, `${shown} units of ${codeOf(line)}: bill whole units, rounded up to ${whole}`, {
        fixes: [{ title: `Round up to ${whole} units`, edits: [{ range: { ...units.range }, newText: whole }], preferred: true }],
      }),
    ];
  },
};
export default rule;
