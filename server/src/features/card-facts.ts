// The facts of a code card that depend on the date or on coded values: the billing unit as CMS
// bills it, cross-references, the record's coded values (unknown values shown raw, never dropped),
// the ASP limit of the date's quarter, and where the facts come from.
import type { BillingUnit, CodeLookup, CodeSet } from '../codeset/types';
import { actionText, betosText, coverageText, pricingText, typeOfServiceText } from './cms-tables';
import { amountText, formatMoney, md, plural } from './format';
import { aspQuarterClause, staleClause } from '../codeset/staleness';

/** '1 unit = 1.125 g (1 gram/0.125 grams)', '1 unit = more than 100 mg', '1 unit = each' */
export function unitText(unit: BillingUnit): string {
  const amount = amountText(unit.amount, unit.unit);
  const components = unit.components?.length ? ` (${unit.components.map(md).join(' + ')})` : '';
  if (unit.uncertain) return `as the descriptor says: ${md(unit.text)} (uncertain: CMS does not say which amount one unit covers; units are not computed from it)`;
  switch (unit.kind) {
    case 'greater-than':
      return `more than ${amount}${components} (one unit per dose above that)`;
    case 'up-to':
      return `up to ${amount}${components}`;
    case 'each':
      return unit.unit === 'each' ? 'each (one item)' : `1 ${md(unit.unit)}`;
    case 'per-dose':
      return `one ${md(unit.unit)}`;
    default:
      return `${amount}${components}`;
  }
}

/** where the unit comes from, briefly */
export function unitSource(unit: BillingUnit): string {
  return unit.source === 'asp' ? ' _(ASP HCPCS code dosage)_' : '';
}

/** what this line's units amount to, or undefined when the unit cannot be multiplied */
export function lineAmountText(unit: BillingUnit, units: number): string | undefined {
  if (unit.uncertain || unit.kind === 'each' || unit.kind === 'per-dose' || unit.kind === 'greater-than') return undefined;
  return `${plural(units, 'unit')} = ${unit.kind === 'up-to' ? 'up to ' : ''}${amountText(units * unit.amount, unit.unit)}`;
}

/** successor down the XREF chain, and every XREF named ('. Successor: **J7205** (XREF Q9975, itself terminated)') */
export function successorText(codeset: CodeSet, lookup: CodeLookup, date: string): string {
  const next = lookup.activeSuccessor;
  const xrefs = lookup.record.xrefs;
  if (!next) return xrefs.length ? `. Cross-reference${xrefs.length > 1 ? 's' : ''}: ${xrefs.map((x) => `**${md(x)}**`).join(', ')} (none active on this date)` : '';
  const short = codeset.lookup(next, date)?.record.short;
  const via = xrefs.includes(next) ? '' : ` (via ${xrefs.map((x) => `**${md(x)}**`).join(', ')}, no longer active)`;
  const others = xrefs.filter((x) => x !== next);
  const also = via === '' && others.length ? `; also cross-referenced: ${others.map((x) => `**${md(x)}**`).join(', ')}` : '';
  return `. Successor: **${md(next)}**${short ? ` (${md(short)})` : ''}${via}${also}`;
}

/** the XREFs of a code that is still active (E1085 -> K0002) */
export function activeXrefLine(lookup: CodeLookup): string | undefined {
  if (lookup.status === 'terminated' || lookup.record.xrefs.length === 0) return undefined;
  return `**Cross-reference:** ${lookup.record.xrefs.map((x) => `**${md(x)}**`).join(', ')}`;
}

/** coverage and pricing lines: every value, with its text when the tables know it, raw otherwise */
export function codedValueLines(lookup: CodeLookup): string[] {
  const r = lookup.record;
  const out: string[] = [];
  const cov = r.coverage?.trim();
  if (cov) out.push(`**Medicare coverage (${md(cov)}):** ${coverageText(cov) ?? 'code not in our table'}`);
  const pricing = r.pricing.map((p) => p.trim()).filter((p) => p !== '');
  if (pricing.length) out.push(`**Pricing:** ${pricing.map((p) => `${pricingText(p) ?? 'indicator not in our table'} (${md(p)})`).join('; ')}`);
  const tos = r.tos.map((t) => t.trim()).filter((t) => t !== '');
  const other: string[] = [];
  if (r.betos?.trim()) other.push(`BETOS ${md(r.betos.trim())}${describe(betosText(r.betos))}`);
  if (tos.length) other.push(`type of service ${tos.map((t) => `${md(t)}${describe(typeOfServiceText(t))}`).join(', ')}`);
  if (r.actionCode?.trim()) other.push(`action ${md(r.actionCode.trim())}${describe(actionText(r.actionCode))}`);
  if (other.length) out.push(`**CMS codes:** ${other.join('; ')}`);
  return out;
}

const describe = (text: string | undefined): string => (text ? ` (${text})` : '');

/** the ASP limit of the quarter holding the date; for other dates, which quarters are loaded */
export function aspLine(codeset: CodeSet, code: string, date: string, units: number | undefined): string | undefined {
  const asp = codeset.asp(code, date);
  if (!asp) {
    if (!codeset.asp(code)) return undefined;
    return `**ASP payment limit:** none for ${date}: ${md(aspQuarterClause(codeset) ?? 'no ASP quarter holds this date')}`;
  }
  const label = codeset.release.aspQuarters?.find((q) => q.id === asp.quarter)?.label ?? codeset.release.asp;
  const quarter = label ? ` (${md(label)})` : '';
  const dosage = asp.dosage?.trim() ? ` of ${md(asp.dosage.trim())}` : '';
  if (!Number.isFinite(asp.paymentLimit)) return `**ASP payment limit${quarter}:** N/A (CMS lists the code without a limit)${dosage ? `; dosage${dosage.slice(3)}` : ''}`;
  let text = `**ASP payment limit${quarter}:** ${formatMoney(asp.paymentLimit, true)} per unit${dosage}`;
  if (units !== undefined && Number.isFinite(units) && units > 0) text += `; ${plural(units, 'unit')} = ${formatMoney(units * asp.paymentLimit)}`;
  return text;
}

/** the stale-data clause, when the date lies past the newest loaded release's quarter (the footer names the release in force) */
export function factsSourceLine(codeset: CodeSet, date: string): string | undefined {
  const stale = staleClause(codeset, date);
  return stale ? `**Data older than this date:** ${md(stale)}.` : undefined;
}
