// A code used on a date outside its add/termination dates; the fix is the XREF successor.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf, dateOf, describeDate } from '../line-facts';
import type { Finding, Fix } from '../types';
import { staleClause } from '../../codeset/staleness';

const rule: LineRule = {
  id: 'code-not-effective',
  source: { basis: 'CMS release', ref: 'HCPCS release add/termination dates and XREF successors' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Code not valid on the date of service (not yet added, or terminated)',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('code-not-effective'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    if (codeKind(line) !== 'level2') return [];
    const code = codeOf(line);
    const date = dateOf(ctx);
    const found = codeset.lookup(code, date);
    if (!found || found.status === 'active') return [];
    // past the newest release's quarter the verdict may be out of date: say so, as information
    const stale = staleClause(codeset, date);
    const said = (f: Finding): Finding[] => [stale ? { ...f, message: `${f.message} (${stale})`, capSeverity: 'information' } : f];
    if (found.status === 'not-yet-effective') {
      const from = found.record.addDate ?? found.record.actionEffectiveDate ?? 'a later date';
      return said(finding(rule, line.code.range, `${code} takes effect on ${from}; ${describeDate(ctx)}`));
    }
    // the successor followed down the XREF chain to a code active on the date (C9136 -> Q9975 -> J7205)
    const successor = found.activeSuccessor;
    const fixes: Fix[] = successor
      ? [{ title: `Replace ${code} with ${successor}`, edits: [{ range: { ...line.code.range }, newText: successor }], preferred: true }]
      : [];
    const tail = successor ? `; its successor is ${successor}` : '';
    const release = found.release && (codeset.release.releases ?? []).length > 1 ? ` (${found.release.label})` : '';
    return said(
      finding(rule, line.code.range, `${code} was terminated on ${found.record.termDate ?? 'an earlier date'}; ${describeDate(ctx)}${tail}${release}`, { fixes }),
    );
  },
};
export default rule;
