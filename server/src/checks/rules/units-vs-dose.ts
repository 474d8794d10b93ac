// A dose written next to the line ("5 mg") must come out as the billed units: dose ÷ amount per unit, rounded up.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { formatNumber, unitsForDose, type UnitCount } from '../amounts';
import { drugNameFits } from '../drug-facts';
import type { DoseMention } from '../../model';

const rule: LineRule = {
  id: 'units-vs-dose',
  source: { basis: 'CMS release', ref: 'HCPCS descriptor dose per billing unit' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: "Units that do not match the dose written for the line's drug",
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('units-vs-dose'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    const units = line.units;
    // fractional units are fractional-units' business; its fix comes first
    if (!units || !(units.value > 0) || !Number.isInteger(units.value) || codeKind(line) !== 'level2') return [];
    const code = codeOf(line);
    const info = codeset.drug(code);
    const billing = info?.unit;
    if (!info || info.noc || !billing) return [];
    const counts: { dose: DoseMention; count: UnitCount }[] = [];
    for (const dose of line.doses) {
      if (!dose.amount || !dose.unit) continue;
      // another drug's dose is drug-mismatch's business
      if (dose.drug && !drugNameFits(dose.drug.value, code, info, codeset)) continue;
      const count = unitsForDose(dose.amount.value, dose.unit.value, billing);
      if (!count) continue;
      // "J7507 (tacrolimus 1 mg)" restates the billing unit; it is not the dose given
      if (count.exact === 1 && units.value !== 1) continue;
      counts.push({ dose, count });
    }
    if (!counts.length || counts.some((c) => c.count.units === units.value)) return [];
    const { dose, count } = counts[0]!;
    const written = `${formatNumber(dose.amount!.value)} ${dose.unit!.value}`;
    const per = `${formatNumber(billing.amount)} ${billing.unit} per unit`;
    const arithmetic =
      count.exact === count.units
        ? `${written} ÷ ${per} = ${count.units} units`
        : `${written} ÷ ${per} = ${formatNumber(count.exact)}, rounded up to ${count.units} units`;
    return [
      finding(rule, units.range, `${arithmetic}, but the line bills ${formatNumber(units.value)} (${code}: ${billing.text})`, {
        related: [{ range: { ...dose.range }, message: `dose ${written}` }],
        fixes: [{ title: `Set units to ${count.units}`, edits: [{ range: { ...units.range }, newText: String(count.units) }], preferred: true }],
      }),
    ];
  },
};
export default rule;
