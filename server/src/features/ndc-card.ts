// Hover card for an NDC in LIN*N4 (or an NDC column): what the ASP crosswalk says it bills as.
import type { ServiceLine } from '../model';
import type { CodeSet } from '../codeset/types';
import { formatNumber, md } from './format';
import { footer } from './code-card';

/** '00378-2045-01', '0378-2045-01' (4-4-2), '00378204501' -> 11 digits; undefined when it cannot be one */
export function ndc11(written: string): string | undefined {
  const text = written.trim();
  if (/^\d{11}$/.test(text)) return text;
  const parts = text.split('-');
  if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p))) {
    const [a = '', b = '', c = ''] = parts;
    // the 10-digit hyphenated forms (4-4-2, 5-3-2, 5-4-1) pad the short segment with a zero
    if (a.length <= 5 && b.length <= 4 && c.length <= 2 && a.length + b.length + c.length >= 10) {
      return a.padStart(5, '0') + b.padStart(4, '0') + c.padStart(2, '0');
    }
  }
  return undefined;
}

function hyphenated(ndc: string): string {
  return `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}`;
}

export function ndcCard(codeset: CodeSet, line: ServiceLine): string | undefined {
  const written = line.ndc?.value;
  if (!written) return undefined;
  const ndc = ndc11(written);
  if (!ndc) return `**NDC ${md(written)}**: not an 11-digit NDC (5-4-2).\n\n${footer({ codeset })}`;
  const entry = codeset.ndc(ndc);
  if (!entry) {
    const why = codeset.release.asp ? `not in the ${md(codeset.release.asp)} NDC–HCPCS crosswalk` : 'no ASP NDC–HCPCS crosswalk is loaded';
    return `**NDC ${hyphenated(ndc)}**: ${why}.\n\n${footer({ codeset })}`;
  }
  const parts: string[] = [];
  const name = [entry.drugName, entry.labeler].filter((s) => s?.trim()).map((s) => md(s.trim()));
  parts.push(`**NDC ${hyphenated(ndc)}**${name.length ? ` — ${name[0]}${name[1] ? ` (${name[1]})` : ''}` : ''}`);
  const target = codeset.lookup(entry.code);
  parts.push(`Bills as **${md(entry.code)}**${target?.record.short ? ` ${md(target.record.short)}` : ''}${entry.hcpcsDosage ? `, 1 unit = ${md(entry.hcpcsDosage)}` : ''}`);
  const pkg: string[] = [];
  if (Number.isFinite(entry.billUnitsPerPackage) && entry.billUnitsPerPackage > 0) pkg.push(`${formatNumber(entry.billUnitsPerPackage)} billable units per package`);
  if (Number.isFinite(entry.billUnits) && entry.billUnits > 0) pkg.push(`${formatNumber(entry.billUnits)} per NDC unit`);
  if (Number.isFinite(entry.packageSize) && entry.packageSize > 0) {
    const qty = Number.isFinite(entry.packageQuantity) && entry.packageQuantity > 1 ? ` × ${formatNumber(entry.packageQuantity)}` : '';
    pkg.push(`package size ${formatNumber(entry.packageSize)}${qty}`);
  }
  if (pkg.length) parts.push(pkg.join('; '));
  const lineCode = line.code.value.trim().toUpperCase();
  if (lineCode && lineCode !== entry.code) parts.push(`This line bills **${md(lineCode)}**, but the crosswalk maps this NDC to **${md(entry.code)}**.`);
  parts.push(footer({ codeset }));
  return parts.join('\n\n');
}
