// Drug lines on an 837 carry the NDC in LIN*N4 (with CTP quantity); many payers return lines without it.
import { docsPath, finding, medicareOnly, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';

const rule: LineRule = {
  id: 'missing-ndc',
  source: { basis: 'X12 TR3', ref: '837P loop 2410 LIN03 (NDC) and CTP04 (quantity) on drug lines' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Drug code on an 837 service line without an NDC (LIN*N4)',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('missing-ndc'),
  profiles: medicareOnly,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    if ((line.source !== 'SV1' && line.source !== 'SV2') || line.ndc || codeKind(line) !== 'level2') return [];
    const code = codeOf(line);
    if (!codeset.drug(code)) return [];
    return [finding(rule, line.code.range, `${code} is a drug code: add its NDC (LIN**N4*<11 digits> and CTP with the NDC quantity)`)];
  },
};
export default rule;
