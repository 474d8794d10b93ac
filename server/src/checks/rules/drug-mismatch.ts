// A drug named next to a code whose descriptor covers another drug: "J7520 (tacrolimus)" — J7520 is sirolimus.
// Read on every service line (descriptions, notes, billed prose lines) and on codes named in prose.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { drugLabel, drugNameFits } from '../drug-facts';
import { convert } from '../amounts';
import { statementsOf } from '../statements';
import { isLevel2 } from '../../documents/chars';
import { codeKind } from '../line-facts';
import type { BillingUnit, CodeSet, DrugInfo } from '../../codeset/types';
import type { DoseMention, Range, Span } from '../../model';
import type { Finding, Fix } from '../types';

const LISTED = 6;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function sameStrength(a: BillingUnit | undefined, amount: number, unit: string): boolean {
  if (!a) return false;
  const v = convert(amount, unit, a.unit);
  return v !== undefined && Math.abs(v - a.amount) < 1e-9;
}

/** the one active code for the named drug with the same route and strength, if exactly one */
function replacement(candidates: string[], info: DrugInfo, dose: DoseMention, date: string, codeset: CodeSet): string | undefined {
  const sameForm = candidates.filter(
    (c) => codeset.lookup(c, date)?.status === 'active' && codeset.drug(c)?.route === info.route && !codeset.drug(c)?.noc,
  );
  const byCodeStrength = info.unit ? sameForm.filter((c) => sameStrength(codeset.drug(c)?.unit, info.unit!.amount, info.unit!.unit)) : [];
  if (byCodeStrength.length === 1) return byCodeStrength[0];
  if (dose.amount && dose.unit) {
    const byWritten = sameForm.filter((c) => sameStrength(codeset.drug(c)?.unit, dose.amount!.value, dose.unit!.value));
    if (byWritten.length === 1) return byWritten[0];
  }
  return undefined;
}

/** the finding for one code and the drugs named next to it, if one of them belongs to other codes */
function mismatch(codeSpan: Span<string>, doses: readonly DoseMention[], date: string, codeset: CodeSet, codeRange: Range): Finding | undefined {
  const code = codeSpan.value.trim().toUpperCase();
  if (!isLevel2(code)) return undefined;
  const info = codeset.drug(code);
  if (!info || info.noc || !info.drugs.length) return undefined;
  for (const dose of doses) {
    if (!dose.drug) continue;
    const name = dose.drug.value.trim().toLowerCase();
    if (drugNameFits(name, code, info, codeset)) continue;
    const candidates = codeset.codesForDrug(name).filter((c) => c !== code);
    if (!candidates.length) continue; // a name no code covers (brand, typo): nothing to compare with
    const listed = candidates.slice(0, LISTED).join(', ') + (candidates.length > LISTED ? ', …' : '');
    const better = replacement(candidates, info, dose, date, codeset);
    const fixes: Fix[] = better
      ? [{ title: `Replace ${code} with ${better} (${name})`, edits: [{ range: { ...codeRange }, newText: better }], preferred: true }]
      : [];
    return finding(rule, codeRange, `${code} is ${drugLabel(info)}, not ${name}; codes for ${name}: ${listed}`, {
      related: [{ range: { ...dose.drug.range }, message: `${name} named here` }],
      fixes,
    });
  }
  return undefined;
}

const ISO_DATE = (d: string | undefined, today: string) => (d && ISO.test(d) ? d : today);

const rule: LineRule = {
  id: 'drug-mismatch',
  source: { basis: 'CMS release', ref: 'HCPCS descriptors and CMS ASP NDC-HCPCS crosswalk drug names' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: "A drug named next to a code whose descriptor covers a different drug",
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('drug-mismatch'),
  profiles: allProfiles,
  kinds: ['claim', 'note', 'reference'],
  // a service line of a claim file (prose lines are statements, below)
  check(ctx) {
    const { line } = ctx;
    if (line.source === 'prose' || !line.doses.length || codeKind(line) !== 'level2') return [];
    const f = mismatch(line.code, line.doses, ISO_DATE(line.serviceDate?.value, ctx.today), ctx.codeset, line.code.range);
    return f ? [f] : [];
  },
  // a code named in prose, billed or not
  checkStatements(ctx) {
    const out: Finding[] = [];
    for (const s of statementsOf(ctx.document, ctx.text)) {
      if (s.inRange) continue; // "J7500 through J7513 include sirolimus" speaks of the range: fact-code-range
      const f = mismatch(s.code, s.doses, ISO_DATE(s.date, ctx.today), ctx.codeset, s.code.range);
      if (f) out.push(f);
    }
    return out;
  },
};
export default rule;
