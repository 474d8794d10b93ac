// A billing unit stated for a code that its descriptor contradicts: "J7402 ... per 5 mg" when J7402 is
// billed per 10 micrograms; "per milligram" for a code billed per 0.25 mg.
import { allProfiles, docsPath, finding, type DocumentRule } from '../rule';
import { statementsOf } from '../statements';
import { amountOf, clauseOf, hedged, UNIT_STATEMENTS } from '../statement-patterns';
import { convert } from '../amounts';
import { normaliseUnit } from '../../documents/doses';
import type { Finding, Fix } from '../types';

const rule: DocumentRule = {
  id: 'fact-billing-unit',
  source: { basis: 'CMS release', ref: 'HCPCS long descriptors and the ASP file HCPCS code dosage' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'document',
  description: 'A billing unit stated for a code that its descriptor contradicts',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('fact-billing-unit'),
  profiles: allProfiles,
  kinds: ['note', 'reference'],
  check(ctx) {
    const out: Finding[] = [];
    for (const s of statementsOf(ctx.document, ctx.text)) {
      const unit = ctx.codeset.drug(s.value)?.unit;
      if (!unit) continue;
      const clause = clauseOf(ctx.text.slice(s.code.range.end, s.phraseEnd));
      let found: Finding | undefined;
      for (const pattern of UNIT_STATEMENTS) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(clause); m && !found; m = pattern.exec(clause)) {
          if (hedged(clause.slice(0, m.index))) continue;
          const stated = amountOf(m[1]);
          const statedUnit = normaliseUnit(m[2]!.replace(/s$/i, '') === 'unit' ? 'units' : m[2]!);
          const inCodeUnit = convert(stated, statedUnit, unit.unit);
          // different dimensions (mg vs ml) are not comparable: no advice
          if (inCodeUnit === undefined || Math.abs(inCodeUnit - unit.amount) < 1e-9) continue;
          const start = s.code.range.end + m.index;
          const written = m[0].trim();
          const at = start + m[0].indexOf(written);
          const fixes: Fix[] = [];
          const per = written.toLowerCase().lastIndexOf('per ');
          // "per 5 mg" -> "per 10 mcg": the one certain replacement is the descriptor's own unit
          if (per >= 0 && pattern === UNIT_STATEMENTS[0] && !unit.upTo) {
            const quantity = written.slice(per + 4).trim();
            const qStart = at + written.length - quantity.length;
            fixes.push({ title: `Replace "${quantity}" with "${unit.amount} ${unit.unit}"`, edits: [{ range: { start: qStart, end: qStart + quantity.length }, newText: `${unit.amount} ${unit.unit}` }], preferred: true });
          }
          found = finding(rule, { start: at, end: at + written.length }, `${s.value} is billed per ${unit.text.replace(/^per /, '')}, not "${written}"`, {
            related: [{ range: { ...s.code.range }, message: `${s.value} named here` }],
            fixes,
          });
        }
        if (found) break;
      }
      if (found) out.push(found);
    }
    return out;
  },
};
export default rule;
