// Zero (or negative) units: nothing to pay; payers return the line.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';

const rule: LineRule = {
  id: 'zero-units',
  source: { basis: 'X12 TR3', ref: '837P SV104 / 837I SV205 service unit count' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Service line with zero or negative units',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('zero-units'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line } = ctx;
    const units = line.units;
    if (!units || units.value > 0) return [];
    const kind = codeKind(line);
    if (kind !== 'level2' && kind !== 'cpt') return [];
    return [finding(rule, units.range, `${units.value} units billed for ${codeOf(line)}: a line needs at least 1 unit`)];
  },
};
export default rule;
