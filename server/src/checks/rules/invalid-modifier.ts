// A modifier that is neither a Level II modifier in the release nor a CPT modifier.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { quoteField } from '../../base/safe-text';
import type { CodeSet } from '../../codeset/types';
import type { Finding } from '../types';

/** the core set may carry only some modifiers: judge Level II modifiers only when the list is whole */
const WHOLE_MODIFIER_LIST = 300;

/** CPT Category II performance-measure modifiers */
const CPT_CATEGORY_II = /^[1238]P$/;
const AMBULANCE_PAIR = /^[DEGHIJNPRSX]{2}$/;

function knowsAllModifiers(codeset: CodeSet): boolean {
  return codeset.isFull || codeset.release.modifierCount >= WHOLE_MODIFIER_LIST;
}

const rule: LineRule = {
  id: 'invalid-modifier',
  source: { basis: 'CMS release', ref: 'HCPCS release modifier list; CPT modifiers' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Modifier that is not a HCPCS Level II or CPT modifier',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('invalid-modifier'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    if (codeKind(line) === 'other') return [];
    const out: Finding[] = [];
    const ambulance = codeOf(line).startsWith('A0');
    for (const mod of line.modifiers) {
      const m = mod.value.trim().toUpperCase();
      if (!m) continue;
      if (!/^[A-Z0-9]{2}$/.test(m)) {
        out.push(finding(rule, mod.range, `${quoteField(mod.value, 'modifier')} is not a modifier: modifiers are two letters or digits`));
        continue;
      }
      if (codeset.modifier(m) || codeset.cptModifier(m) || CPT_CATEGORY_II.test(m)) continue;
      // ambulance origin/destination: two one-letter codes (RH = residence to hospital), not listed as pairs
      if (ambulance && AMBULANCE_PAIR.test(m)) continue;
      if (/^[0-9]{2}$/.test(m)) {
        // CPT modifiers are described in our own words in data/; judge only when that list is there.
        if (codeset.cptModifier('25')) out.push(finding(rule, mod.range, `${m} is not a CPT modifier`));
      } else if (knowsAllModifiers(codeset)) {
        out.push(finding(rule, mod.range, `${m} is not a modifier in ${codeset.release.label}`));
      }
    }
    return out;
  },
};
export default rule;
