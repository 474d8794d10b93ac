// More than four modifiers: the claim formats carry four; the rest are dropped or the line is rejected.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { maxOf, minOf } from '../../base/arrays';

const MAX = 4;

const rule: LineRule = {
  id: 'too-many-modifiers',
  source: { basis: 'X12 TR3', ref: '837P SV101-3 to SV101-6: four modifier positions (CMS-1500 item 24D)' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'More than four modifiers on a line',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('too-many-modifiers'),
  profiles: allProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const mods = ctx.line.modifiers;
    if (mods.length <= MAX) return [];
    const extra = mods.slice(MAX);
    // modifiers need not be in text order (CSV columns): the range spans all the extra ones
    const range = { start: minOf(extra.map((m) => m.range.start)), end: maxOf(extra.map((m) => m.range.end)) };
    const names = extra.map((m) => m.value.trim().toUpperCase()).join(', ');
    return [finding(rule, range, `${mods.length} modifiers on this line; a claim line carries at most ${MAX} (extra: ${names})`)];
  },
};
export default rule;
