// A drug named next to a code whose descriptor covers another drug: "J7520 (tacrolimus)" — J7520 is sirolimus.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf, dateOf } from '../line-facts';
import { drugLabel, drugNameFits } from '../drug-facts';
import { convert } from '../amounts';
import type { BillingUnit, CodeSet, DrugInfo } from '../../codeset/types';
import type { DoseMention } from '../../model';
import type { Fix } from '../types';

const LISTED = 6;

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
  check(ctx) {
    const { line, codeset } = ctx;
    if (codeKind(line) !== 'level2') return [];
    const code = codeOf(line);
    const info = codeset.drug(code);
    if (!info || info.noc || !info.drugs.length) return [];
    for (const dose of line.doses) {
      if (!dose.drug) continue;
      const name = dose.drug.value.trim().toLowerCase();
      if (drugNameFits(name, code, info, codeset)) continue;
      const candidates = codeset.codesForDrug(name).filter((c) => c !== code);
      if (!candidates.length) continue; // a name no code covers (brand, typo): nothing to compare with
      const listed = candidates.slice(0, LISTED).join(', ') + (candidates.length > LISTED ? ', …' : '');
      const better = replacement(candidates, info, dose, dateOf(ctx), codeset);
      const fixes: Fix[] = better
        ? [{ title: `Replace ${code} with ${better} (${name})`, edits: [{ range: { ...line.code.range }, newText: better }], preferred: true }]
        : [];
      return [
        finding(rule, line.code.range, `${code} is ${drugLabel(info)}, not ${name}; codes for ${name}: ${listed}`, {
          related: [{ range: { ...dose.drug.range }, message: `${name} named here` }],
          fixes,
        }),
      ];
    }
    return [];
  },
};
export default rule;
