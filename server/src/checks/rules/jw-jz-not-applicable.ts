// JW/JZ on an oral drug or a code that is not a drug: the payer cannot apply them and may reject the line.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf, removeModifierEdit } from '../line-facts';
import { jwJzApplies } from '../drug-facts';
import type { Finding } from '../types';

const rule: LineRule = {
  id: 'jw-jz-not-applicable',
  source: { basis: 'CMS manual', ref: 'Medicare Claims Processing Manual (Pub. 100-04) ch. 17 §40: JW/JZ on single-dose container drugs' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'JW or JZ on an oral drug or on a code that is not a drug',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('jw-jz-not-applicable'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, codeset, settings } = ctx;
    if (codeKind(line) !== 'level2') return [];
    const code = codeOf(line);
    const indexes = line.modifiers.flatMap((m, i) => (/^(JW|JZ)$/i.test(m.value.trim()) ? [i] : []));
    if (!indexes.length || !codeset.lookup(code) || jwJzApplies(code, codeset, settings) === 'settings-add') return [];
    const drug = codeset.drug(code);
    let why: string | undefined;
    if (!drug) why = `${code} is not a drug code`;
    else if (drug.route === 'oral') why = `${code} is an oral drug`;
    if (!why) return [];
    const out: Finding[] = [];
    for (const index of indexes) {
      const mod = line.modifiers[index]!;
      const m = mod.value.trim().toUpperCase();
      const edit = removeModifierEdit(ctx, line, index);
      out.push(
        finding(rule, mod.range, `${m} is for drugs from single-dose containers; ${why}`, {
          fixes: edit ? [{ title: `Remove ${m}`, edits: [edit], preferred: true }] : [],
        }),
      );
    }
    return out;
  },
};
export default rule;
