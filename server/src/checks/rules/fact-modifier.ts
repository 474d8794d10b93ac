// A modifier written as a word used after its end date ("use the JG modifier" when JG ended
// 2024-12-31: TB) or for what it does not mean (JW for a multiple-dose container).
import { allProfiles, docsPath, finding, type DocumentRule } from '../rule';
import { HISTORY, hedged, MODIFIER_MEANINGS } from '../statement-patterns';
import { successorOf } from './modifier-not-effective';
import type { Finding, Fix } from '../types';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const rule: DocumentRule = {
  id: 'fact-modifier',
  source: { basis: 'CMS release', ref: 'HCPCS modifier add/termination dates; Medicare Claims Processing Manual (Pub. 100-04) ch. 17 §40 for JW/JZ' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'document',
  description: 'A modifier named after its end date, or for what it does not mean',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('fact-modifier'),
  profiles: allProfiles,
  kinds: ['note', 'reference'],
  check(ctx) {
    const out: Finding[] = [];
    for (const mention of ctx.document.modifierMentions ?? []) {
      if (mention.quoted) continue; // an example in quotes or code, not a statement
      const code = mention.modifier.value.toUpperCase();
      const dated = mention.serviceDate && ISO.test(mention.serviceDate.value) ? mention.serviceDate.value : undefined;
      const date = dated ?? ctx.today;
      const sentence = ctx.text.slice(mention.sentence.start, mention.sentence.end);
      const found = ctx.codeset.modifier(code, date);
      if (found?.status === 'terminated' && !HISTORY.test(sentence)) {
        const successor = successorOf(found.record, date, ctx.codeset);
        const fixes: Fix[] = successor ? [{ title: `Replace ${code} with ${successor}`, edits: [{ range: { ...mention.modifier.range }, newText: successor }], preferred: true }] : [];
        const when = dated ? `the note's date ${dated}` : `today (${ctx.today}; no date in the text)`;
        out.push(finding(rule, mention.modifier.range, `${code} ended on ${found.record.termDate ?? 'an earlier date'}; ${when}${successor ? `; use ${successor}` : ''}`, { fixes }));
        continue;
      }
      for (const meaning of MODIFIER_MEANINGS) {
        if (meaning.modifier !== code) continue;
        const m = meaning.contradicts.exec(sentence);
        if (!m || hedged(sentence)) continue;
        const described = found ? ` (${code}: "${found.record.long}")` : '';
        out.push(finding(rule, mention.modifier.range, `${meaning.fact}${described}`, {
          related: [{ range: { start: mention.sentence.start + m.index, end: mention.sentence.start + m.index + m[0].length }, message: m[0] }],
        }));
      }
    }
    return out;
  },
};
export default rule;
