// Information only (off by default): the line carries a CPT (Level I) code, whose descriptors we may not ship.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';

const rule: LineRule = {
  id: 'cpt-code',
  source: { basis: 'tool', ref: 'information only: where CPT (Level I) codes appear' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'CPT (Level I) code on a line (descriptor not included)',
  defaultSeverity: 'information',
  defaultEnabled: false,
  docs: docsPath('cpt-code'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance', 'note'],
  check(ctx) {
    if (codeKind(ctx.line) !== 'cpt') return [];
    return [finding(rule, ctx.line.code.range, `${codeOf(ctx.line)} is a CPT (Level I) code (descriptor not included: AMA copyright)`)];
  },
};
export default rule;
