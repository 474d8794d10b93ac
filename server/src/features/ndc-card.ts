// Hover card for an NDC in LIN*N4 (or an NDC column): what the ASP crosswalk says it bills as.
import type { ServiceLine } from '../model';
import type { CodeSet, NdcCrosswalkEntry } from '../codeset/types';
import { formatNumber, md } from './format';
import { footer } from './code-card';
import { hyphenateNdc, normalizeNdc } from '../codeset/ndc';

export function ndcCard(codeset: CodeSet, line: ServiceLine): string | undefined {
  const written = line.ndc?.value;
  if (!written) return undefined;
  const ndc = normalizeNdc(written);
  if (!ndc) return `**NDC ${md(written)}**: not an 11-digit NDC (5-4-2).\n\n${footer({ codeset })}`;
  const rows = codeset.ndcRows(ndc);
  if (rows.length === 0) {
    const why = codeset.release.asp ? `not in the ${md(codeset.release.asp)} NDC–HCPCS crosswalk` : 'no ASP NDC–HCPCS crosswalk is loaded';
    return `**NDC ${hyphenateNdc(ndc)}**: ${why}.\n\n${footer({ codeset })}`;
  }
  const lineCode = line.code.value.trim().toUpperCase();
  // the line's own code first: its row is the one units are checked against
  const ordered = [...rows.filter((r) => r.code === lineCode), ...rows.filter((r) => r.code !== lineCode)];
  const first = ordered[0];
  const parts: string[] = [];
  const name = [first.drugName, first.labeler].filter((s) => s?.trim()).map((s) => md(s.trim()));
  parts.push(`**NDC ${hyphenateNdc(ndc)}**${name.length ? ` — ${name[0]}${name[1] ? ` (${name[1]})` : ''}` : ''}`);
  if (ordered.length > 1) parts.push(`The crosswalk maps this NDC to ${ordered.length} codes: ${ordered.map((e) => `**${md(e.code)}**`).join(', ')}.`);
  for (const entry of ordered) parts.push(codeRowText(codeset, entry));
  if (lineCode && !rows.some((r) => r.code === lineCode)) {
    parts.push(`This line bills **${md(lineCode)}**, but the crosswalk maps this NDC to ${rows.map((r) => `**${md(r.code)}**`).join(' or ')}.`);
  }
  parts.push(footer({ codeset }));
  return parts.join('\n\n');
}

/** what one crosswalk row says: the code it bills as, its unit and the package's billing units */
function codeRowText(codeset: CodeSet, entry: NdcCrosswalkEntry): string {
  const target = codeset.lookup(entry.code);
  const head = `Bills as **${md(entry.code)}**${target?.record.short ? ` ${md(target.record.short)}` : ''}${entry.hcpcsDosage ? `, 1 unit = ${md(entry.hcpcsDosage)}` : ''}`;
  const pkg: string[] = [];
  if (Number.isFinite(entry.billUnitsPerPackage) && entry.billUnitsPerPackage > 0) pkg.push(`${formatNumber(entry.billUnitsPerPackage)} billable units per package`);
  if (Number.isFinite(entry.billUnits) && entry.billUnits > 0) pkg.push(`${formatNumber(entry.billUnits)} per NDC unit`);
  if (Number.isFinite(entry.packageSize) && entry.packageSize > 0) {
    const qty = Number.isFinite(entry.packageQuantity) && entry.packageQuantity > 1 ? ` × ${formatNumber(entry.packageQuantity)}` : '';
    pkg.push(`package size ${formatNumber(entry.packageSize)}${qty}`);
  }
  return pkg.length ? `${head}: ${pkg.join('; ')}` : head;
}
