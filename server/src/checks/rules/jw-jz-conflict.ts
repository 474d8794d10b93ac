// JW and JZ contradict each other: one says some drug was discarded, the other says none was.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';

const rule: LineRule = {
  id: 'jw-jz-conflict',
  source: { basis: 'CMS manual', ref: 'Medicare Claims Processing Manual (Pub. 100-04) ch. 17 §40: JW/JZ on single-dose container drugs' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'JW and JZ on the same line',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('jw-jz-conflict'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const mods = ctx.line.modifiers;
    const jw = mods.find((m) => m.value.trim().toUpperCase() === 'JW');
    const jz = mods.find((m) => m.value.trim().toUpperCase() === 'JZ');
    if (!jw || !jz) return [];
    const [first, second] = jw.range.start < jz.range.start ? [jw, jz] : [jz, jw];
    return [
      finding(rule, second.range, 'JW and JZ on one line: JZ says no drug was discarded, JW bills a discarded amount (put it on its own line)', {
        related: [{ range: { ...first.range }, message: `${first.value.trim().toUpperCase()} is here` }],
      }),
    ];
  },
};
export default rule;
