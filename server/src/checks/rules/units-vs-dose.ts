// A dose written next to the line ("5 mg") must come out as the billed units: dose ÷ amount per unit, rounded up.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { formatNumber, unitsForDose, type UnitCount } from '../amounts';
import { drugNameFits } from '../drug-facts';
import type { DoseMention, ServiceLine } from '../../model';
import type { BillingUnit } from '../../codeset/types';

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
    const info = codeset.drug(code, line.serviceDate?.value);
    const billing = info?.unit;
    if (!info || info.noc || !billing) return [];
    const counts: { dose: DoseMention; count: UnitCount }[] = [];
    for (const dose of line.doses) {
      if (!dose.amount || !dose.unit) continue;
      // another drug's dose is drug-mismatch's business
      if (dose.drug && !drugNameFits(dose.drug.value, code, info, codeset)) continue;
      const count = countFor(dose.amount.value, dose.unit.value, billing);
      if (!count) continue;
      if (count.exact === 1 && units.value !== 1 && restatesUnit(line, dose, ctx.text)) continue;
      counts.push({ dose, count });
    }
    if (!counts.length || counts.some((c) => c.count.units === units.value)) return [];
    // a unit the model is not sure of: say so, and never compute or fix units from it
    if (billing.uncertain) {
      const { dose } = counts[0]!;
      return [
        finding(rule, units.range, `Units of ${code} cannot be checked against the dose ${formatNumber(dose.amount!.value)} ${dose.unit!.value}: the billing unit is uncertain (${billing.text}); check the ASP HCPCS code dosage`, {
          related: [{ range: { ...dose.range }, message: `dose ${formatNumber(dose.amount!.value)} ${dose.unit!.value}` }],
        }),
      ];
    }
    const { dose, count } = counts[0]!;
    const written = `${formatNumber(dose.amount!.value)} ${dose.unit!.value}`;
    const per = `${formatNumber(billing.amount)} ${billing.unit} per unit`;
    const arithmetic =
      billing.kind === 'greater-than'
        ? `${written} is more than ${formatNumber(billing.amount)} ${billing.unit}: 1 unit`
        : count.exact === count.units
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
/**
 * Units for a dose by the unit's kind: 'greater than 100 mg' bills one unit for any dose above
 * 100 mg (and says nothing about smaller doses, which are another code's); the rest divide.
 */
function countFor(amount: number, unit: string, billing: BillingUnit): UnitCount | undefined {
  if (billing.kind === 'each' || billing.kind === 'per-dose') return undefined;
  const count = unitsForDose(amount, unit, billing);
  if (!count || billing.kind !== 'greater-than') return count;
  return count.exact > 1 ? { ...count, units: 1 } : undefined;
}

/** words after a strength that make it a description of what was dispensed, not a dose */
const PRODUCT_WORDS = /^[^)\n;]{0,40}?\b(?:supply|days?|capsules?|caps|tablets?|tabs|strength|each|vials?)\b/i;

/**
 * A dose equal to one billing unit is a dose like any other ("J7525 x 5 units (tacrolimus 5 mg)"),
 * except where it restates the product: written between the code and the units ("J7507 (tacrolimus
 * 1 mg) x 5"), followed by what was dispensed ("(tacrolimus 1 mg, 30-day supply)", "1 mg capsules"),
 * or in a claim file's description, which names the product's strength.
 */
function restatesUnit(line: ServiceLine, dose: DoseMention, text: string): boolean {
  if (line.source !== 'prose') return true;
  const units = line.units;
  if (units && dose.range.start > line.code.range.start && dose.range.start < units.range.start) return true;
  return PRODUCT_WORDS.test(text.slice(dose.range.end, dose.range.end + 48));
}

export default rule;
