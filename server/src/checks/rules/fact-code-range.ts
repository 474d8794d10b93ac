// A code range said to contain a drug none of its codes covers: "J7500 through J7513 include sirolimus"
// (sirolimus is J7520).
import { allProfiles, docsPath, finding, type DocumentRule } from '../rule';
import { statementsOf } from '../statements';
import { hedged, RANGE_CLAIM, RANGE_JOIN } from '../statement-patterns';
import type { Finding } from '../types';

const WORD = /[a-z][a-z-]{2,}/gi;
const MAX_RANGE = 400;

const rule: DocumentRule = {
  id: 'fact-code-range',
  source: { basis: 'CMS release', ref: 'HCPCS long descriptors of the codes in the range' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'document',
  description: 'A code range said to include a drug that none of its codes covers',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('fact-code-range'),
  profiles: allProfiles,
  kinds: ['note', 'reference'],
  check(ctx) {
    const out: Finding[] = [];
    const list = statementsOf(ctx.document, ctx.text);
    for (let i = 0; i + 1 < list.length; i++) {
      const first = list[i]!;
      const last = list[i + 1]!;
      if (first.value[0] !== last.value[0] || last.value <= first.value) continue;
      if (!RANGE_JOIN.test(ctx.text.slice(first.code.range.end, last.code.range.start))) continue;
      const inRange = ctx.codeset.searchPrefix(first.value[0]!, Number.MAX_SAFE_INTEGER).filter((r) => r.code >= first.value && r.code <= last.value);
      if (inRange.length === 0 || inRange.length > MAX_RANGE) continue;
      const codes = new Set(inRange.map((r) => r.code));
      const rest = ctx.text.slice(last.code.range.end, last.sentence.end);
      const claim = RANGE_CLAIM.exec(rest);
      if (!claim || hedged(rest.slice(0, claim.index))) continue;
      const tail = rest.slice(claim.index + claim[0].length);
      const tailStart = last.code.range.end + claim.index + claim[0].length;
      WORD.lastIndex = 0;
      for (let m = WORD.exec(tail); m; m = WORD.exec(tail)) {
        const name = m[0].toLowerCase();
        if (hedged(tail.slice(0, m.index))) break;
        if (!ctx.codeset.isDrugName(name)) continue;
        const covering = ctx.codeset.codesForDrug(name);
        if (covering.some((c) => codes.has(c))) continue;
        const start = tailStart + m.index;
        const where = covering.length ? `; codes for ${name}: ${covering.slice(0, 6).join(', ')}` : '';
        out.push(
          finding(rule, { start, end: start + m[0].length }, `No code from ${first.value} through ${last.value} covers ${name}${where}`, {
            related: [{ range: { start: first.code.range.start, end: last.code.range.end }, message: `${first.value} through ${last.value}` }],
          }),
        );
      }
    }
    return out;
  },
};
export default rule;
