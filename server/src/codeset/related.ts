// Codes related to a code, best first: its XREF successor(s), the codes it replaced, the same
// drug in other forms and strengths (J7507 -> J7503, J7508, J7521, J7525), then neighbours in
// its family (the same first three characters: J7500-J7599), nearest first.
import type { CodeRecord, DrugInfo, RelatedCode, RelationKind } from './types';

/** what related() needs from the loaded index */
export interface RelatedSource {
  record(code: string): CodeRecord | undefined;
  drug(code: string): DrugInfo | undefined;
  /** codes whose drug names include this exact name */
  codesNamingDrug(name: string): string[];
  /** terminated codes whose XREF names this code */
  predecessors(code: string): string[];
  /** all codes in order (for family neighbours) */
  codesWithPrefix(prefix: string): CodeRecord[];
}

export function relatedCodes(code: string, src: RelatedSource, limit = 10): RelatedCode[] {
  const self = src.record(code.toUpperCase());
  if (!self || limit <= 0) return [];
  const out: RelatedCode[] = [];
  const seen = new Set([self.code]);
  const push = (c: string, kind: RelationKind): boolean => {
    if (out.length >= limit || seen.has(c)) return out.length < limit;
    const r = src.record(c);
    if (!r) return true;
    seen.add(c);
    out.push({ code: c, kind, short: r.short });
    return out.length < limit;
  };
  if (self.termDate) for (const x of self.xrefs) push(x, 'successor');
  for (const p of src.predecessors(self.code)) push(p, 'predecessor');
  const mine = src.drug(self.code);
  if (mine && !mine.noc && mine.drugs.length > 0) {
    const primary = mine.drugs[0];
    const candidates = new Set(src.codesNamingDrug(primary));
    // a code whose primary drug this code also names ('adrenalin' codes also say 'epinephrine')
    for (const name of mine.drugs.slice(1)) for (const c of src.codesNamingDrug(name)) if (src.drug(c)?.drugs[0] === name) candidates.add(c);
    const sameRouteFirst = [...candidates].sort((a, b) => {
      const ra = src.drug(a)?.route === mine.route ? 0 : 1;
      const rb = src.drug(b)?.route === mine.route ? 0 : 1;
      return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
    });
    for (const c of sameRouteFirst) push(c, 'same-drug');
  }
  const number = Number(self.code.slice(1));
  if (Number.isFinite(number)) {
    const family = src
      .codesWithPrefix(self.code.slice(0, 3))
      .filter((r) => r.code !== self.code)
      .sort((a, b) => Math.abs(Number(a.code.slice(1)) - number) - Math.abs(Number(b.code.slice(1)) - number) || (a.code < b.code ? -1 : 1));
    // active codes before terminated ones: a neighbour is offered as an alternative
    const active = family.filter((r) => !r.termDate);
    const ended = family.filter((r) => r.termDate);
    for (const r of [...active, ...ended]) if (!push(r.code, 'family')) break;
  }
  return out;
}
