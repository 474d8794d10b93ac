// Payer-specific: modifiers a code pattern must carry (settings.requiredModifiers).
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { addModifierFix, codeKind, codeOf, hasModifier } from '../line-facts';
import { entriesMatching } from '../../base/patterns';
import type { Finding } from '../types';

const rule: LineRule = {
  id: 'required-modifier',
  source: { basis: 'payer settings', ref: 'requiredModifiers in .hcpcsrc.json' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'A modifier the payer settings require for this code is missing',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('required-modifier'),
  profiles: allProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, settings } = ctx;
    if (!settings.requiredModifiers.length) return [];
    const kind = codeKind(line);
    if (kind !== 'level2' && kind !== 'cpt') return [];
    const code = codeOf(line);
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const entry of entriesMatching(settings.requiredModifiers, code)) {
      for (const raw of entry.modifiers) {
        const m = raw.trim().toUpperCase();
        if (!m || reported.has(m) || hasModifier(line, m)) continue;
        reported.add(m);
        const fix = addModifierFix(line, m);
        out.push(finding(rule, line.code.range, `${code} needs modifier ${m} (settings: ${entry.pattern})`, { fixes: fix ? [fix] : [] }));
      }
    }
    return out;
  },
};
export default rule;
