// A code said to be something it is not: "J7599 is a specific drug code" (J7599 is not otherwise
// classified), "J7507 is an unclassified code" (J7507 names tacrolimus).
import { allProfiles, docsPath, finding, type DocumentRule } from '../rule';
import { statementsOf } from '../statements';
import { clauseOf, hedged, KIND_STATEMENTS } from '../statement-patterns';
import type { Finding } from '../types';

/** the statement is about the code: "J7599 is ...", "J7599 (immunosuppressive drug, NOC) is ..." */
const COPULA = /^[ \t]*(?:\([^()]*\)[ \t]*)?(?:,[^,]{0,60},[ \t]*)?(?:is|are|was|remains|serves as|=)\b/i;

const rule: DocumentRule = {
  id: 'fact-code-kind',
  source: { basis: 'CMS release', ref: 'HCPCS long descriptors (not otherwise classified codes)' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'document',
  description: 'A code said to be a specific drug code when it is not otherwise classified, or the reverse',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('fact-code-kind'),
  profiles: allProfiles,
  kinds: ['note', 'reference'],
  check(ctx) {
    const out: Finding[] = [];
    for (const s of statementsOf(ctx.document, ctx.text)) {
      const info = ctx.codeset.drug(s.value);
      const record = ctx.codeset.lookup(s.value)?.record;
      if (!info || !record) continue;
      const clause = clauseOf(ctx.text.slice(s.code.range.end, s.phraseEnd));
      const copula = COPULA.exec(clause);
      if (!copula) continue;
      for (const k of KIND_STATEMENTS) {
        const m = k.pattern.exec(clause.slice(copula[0].length));
        if (!m) continue;
        const at = copula[0].length + m.index;
        if (hedged(clause.slice(copula[0].length, at))) continue;
        const wrong = k.falseWhenNoc ? info.noc : !info.noc && info.drugs.length > 0;
        if (!wrong) continue;
        const start = s.code.range.end + at;
        const fact = info.noc ? `${s.value} is not otherwise classified` : `${s.value} is a specific code`;
        out.push(finding(rule, { start, end: start + m[0].length }, `${fact}: "${record.long}"`, { related: [{ range: { ...s.code.range }, message: `${s.value} named here` }] }));
        break;
      }
    }
    return out;
  },
};
export default rule;
