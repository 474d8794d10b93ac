// The same modifier twice on one line: payers read it once at best, reject the line at worst.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { removeModifierEdit } from '../line-facts';
import type { Finding } from '../types';

const rule: LineRule = {
  id: 'duplicate-modifier',
  source: { basis: 'X12 TR3', ref: '837P SV101-3 to SV101-6 / 837I SV202-3 to SV202-6 modifier positions' },
  since: '0.1.0',
  bulkSafeFix: true,
  scope: 'line',
  description: 'The same modifier more than once on a line',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('duplicate-modifier'),
  profiles: allProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line } = ctx;
    const seen = new Set<string>();
    const out: Finding[] = [];
    line.modifiers.forEach((mod, index) => {
      const m = mod.value.trim().toUpperCase();
      if (!m) return;
      if (!seen.has(m)) {
        seen.add(m);
        return;
      }
      const edit = removeModifierEdit(ctx, line, index);
      const fixes = edit ? [{ title: `Remove the second ${m}`, edits: [edit], preferred: true }] : [];
      out.push(finding(rule, mod.range, `${m} is on this line twice`, { fixes }));
    });
    return out;
  },
};
export default rule;
