// A route or form the descriptor contradicts: "J7527 ... intravenous" (J7527 is oral everolimus),
// "J7516 ... capsules" (J7516 is injectable cyclosporine). Statements in notes and reference text.
import { allProfiles, docsPath, finding, type DocumentRule } from '../rule';
import { statementsOf } from '../statements';
import { clauseOf, hedged, routeGroup, ROUTE_STATEMENTS } from '../statement-patterns';
import type { Finding } from '../types';

const rule: DocumentRule = {
  id: 'fact-route',
  source: { basis: 'CMS release', ref: 'HCPCS long descriptors (route and form)' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'document',
  description: 'A route or form stated for a code that its descriptor contradicts',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('fact-route'),
  profiles: allProfiles,
  kinds: ['note', 'reference'],
  check(ctx) {
    const out: Finding[] = [];
    for (const s of statementsOf(ctx.document, ctx.text)) {
      const info = ctx.codeset.drug(s.value);
      const actual = routeGroup(info?.route);
      if (!info || info.noc || !actual) continue;
      const clause = clauseOf(ctx.text.slice(s.code.range.end, s.phraseEnd));
      for (const { pattern, route } of ROUTE_STATEMENTS) {
        const m = pattern.exec(clause);
        if (!m || route === actual || hedged(clause.slice(0, m.index))) continue;
        const start = s.code.range.end + m.index;
        const record = ctx.codeset.lookup(s.value)?.record;
        const said = m[0];
        out.push(
          finding(rule, { start, end: start + said.length }, `${s.value} is ${actual === 'parenteral' ? 'given by injection or infusion' : actual}, not ${said}: "${record?.long ?? s.value}"`, {
            related: [{ range: { ...s.code.range }, message: `${s.value} named here` }],
          }),
        );
        break;
      }
    }
    return out;
  },
};
export default rule;
