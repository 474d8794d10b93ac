// A procedure code that the loaded CMS release does not have (or that is not shaped like one).
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { quoteField } from '../../safe-text';

const rule: LineRule = {
  id: 'unknown-code',
  scope: 'line',
  description: 'Procedure code that is not in the loaded HCPCS release or is not shaped like a HCPCS code',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('unknown-code'),
  profiles: allProfiles,
  check(ctx) {
    const { line, codeset } = ctx;
    const code = codeOf(line);
    if (!code) return [];
    const kind = codeKind(line);
    if (kind === 'malformed') {
      return [
        finding(rule, line.code.range, `${quoteField(line.code.value, 'code')} is not a HCPCS code: Level II is a letter and 4 digits (J7507), CPT is 5 characters (99213, 1036F)`),
      ];
    }
    // Only a whole CMS release can say a code does not exist; CDT (D) codes are not in it by licence.
    if (kind !== 'level2' || !codeset.isFull || code.startsWith('D')) return [];
    if (codeset.lookup(code)) return [];
    return [finding(rule, line.code.range, `${code} is not in ${codeset.release.label}`)];
  },
};
export default rule;
