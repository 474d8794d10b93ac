// Payer-specific: codes outside settings.allowedCodes or inside settings.forbiddenCodes.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { firstMatch } from '../../base/patterns';

const rule: LineRule = {
  id: 'code-not-allowed',
  source: { basis: 'payer settings', ref: 'allowedCodes / forbiddenCodes in .hcpcsrc.json' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Code forbidden, or not allowed, by the payer settings',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('code-not-allowed'),
  profiles: allProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, settings } = ctx;
    const { allowedCodes, forbiddenCodes } = settings;
    if (!allowedCodes.length && !forbiddenCodes.length) return [];
    const kind = codeKind(line);
    if (kind !== 'level2' && kind !== 'cpt') return [];
    const code = codeOf(line);
    const forbidden = firstMatch(forbiddenCodes, code);
    if (forbidden) return [finding(rule, line.code.range, `${code} is forbidden by the payer settings (forbiddenCodes: ${forbidden})`)];
    if (allowedCodes.length && !firstMatch(allowedCodes, code)) {
      return [finding(rule, line.code.range, `${code} is not in the payer's allowed codes (allowedCodes)`)];
    }
    return [];
  },
};
export default rule;
