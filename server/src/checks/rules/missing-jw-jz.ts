// Medicare Part B: separately payable injectable drugs need JZ (nothing discarded) or JW (the discarded amount).
import { docsPath, finding, medicareOnly, type LineRule } from '../rule';
import { addModifierFix, codeKind, codeOf, dateOf, hasModifier, staleNote } from '../line-facts';
import { JW_JZ_START, jwJzApplies } from '../drug-facts';

const rule: LineRule = {
  id: 'missing-jw-jz',
  source: { basis: 'CMS manual', ref: 'Medicare Claims Processing Manual (Pub. 100-04) ch. 17 §40: JW/JZ on single-dose container drugs' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Separately payable Part B injectable drug without JW or JZ (dates of service from 2023-07-01)',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('missing-jw-jz'),
  profiles: medicareOnly,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line } = ctx;
    if (codeKind(line) !== 'level2') return [];
    if (dateOf(ctx) < JW_JZ_START || hasModifier(line, 'JW') || hasModifier(line, 'JZ')) return [];
    const code = codeOf(line);
    const reason = jwJzApplies(code, ctx.codeset, ctx.settings);
    if (!reason) return [];
    const why = reason === 'settings-add' ? 'is on the JW/JZ list in settings' : 'is a separately payable Part B injectable (it has an ASP payment limit)';
    const fix = addModifierFix(line, 'JZ', 'Add JZ (no drug discarded)');
    return [
      finding(rule, line.code.range, `${code} ${why}: add JZ when no drug was discarded, or bill the discarded amount on its own line with JW${staleNote(ctx)}`, {
        fixes: fix ? [fix] : [],
      }),
    ];
  },
};
export default rule;
