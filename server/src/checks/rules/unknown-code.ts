// A procedure code that the loaded CMS release does not have (or that is not shaped like one).
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf, dateOf } from '../line-facts';
import { releaseDate } from '../../codeset/index';
import { staleClause } from '../../codeset/staleness';
import { quoteField } from '../../base/safe-text';

const rule: LineRule = {
  id: 'unknown-code',
  source: { basis: 'CMS release', ref: 'HCPCS Level II quarterly release (code list)' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Procedure code that is not in the loaded HCPCS release or is not shaped like a HCPCS code',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('unknown-code'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance', 'note'],
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
    // the loaded releases list the codes in force from the oldest one's date (and some deleted earlier):
    // before that a code may have existed and been deleted, so the line is not called invalid
    const billedOn = line.serviceDate?.value;
    const oldest = codeset.release.releases?.[0] ?? codeset.release;
    const releaseStart = releaseDate(oldest.id);
    if (billedOn && billedOn < releaseStart) {
      return [
        finding(
          rule,
          line.code.range,
          `${code} is not in ${oldest.label}; it may have been deleted before that release (date of service ${billedOn} is before ${releaseStart}): check the release in force on that date`,
        ),
      ];
    }
    // a date past the newest release's quarter: CMS may have added the code since (information only)
    const stale = staleClause(codeset, dateOf(ctx));
    if (stale) return [{ ...finding(rule, line.code.range, `${code} is not in ${codeset.release.label} (${stale})`), capSeverity: 'information' }];
    return [finding(rule, line.code.range, `${code} is not in ${codeset.release.label}`)];
  },
};
export default rule;
