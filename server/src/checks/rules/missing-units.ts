// A claim line without a quantity cannot be priced.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';

const rule: LineRule = {
  id: 'missing-units',
  source: { basis: 'X12 TR3', ref: '837P SV104 / 837I SV205 service unit count required' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Service line without units (or with units that are not a number)',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('missing-units'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line } = ctx;
    // Prose rarely states units; 835 lines default to 1 when SVC05 is empty.
    if (line.source === 'prose' || line.units) return [];
    const kind = codeKind(line);
    if (kind !== 'level2' && kind !== 'cpt') return [];
    const written = line.unitsText?.value.trim();
    if (written) {
      return [finding(rule, line.unitsText!.range, `Units "${written}" for ${codeOf(line)} is not a number`)];
    }
    // an empty units field has no width to underline: point at the code
    return [finding(rule, line.code.range, `No units for ${codeOf(line)}: a line needs the number of billing units`)];
  },
};
export default rule;
