// Drug questions several rules share: is this a JW/JZ drug, does a written drug name fit a code.
import type { CodeSet, DrugInfo } from '../codeset/types';
import type { Settings } from '../settings';
import { matchesAny } from '../base/patterns';

/** JW/JZ apply from this date of service (CMS policy: JZ required from 2023-07-01). */
export const JW_JZ_START = '2023-07-01';

export type JwJzReason = 'settings-add' | 'derived';

/**
 * A Part B drug Medicare pays separately (it has an ASP payment limit), given by injection or
 * infusion, and not a NOC code. Settings add or remove codes by pattern.
 */
export function jwJzApplies(code: string, codeset: CodeSet, settings: Settings): JwJzReason | undefined {
  if (matchesAny(settings.jwJzCodes.remove, code)) return undefined;
  if (matchesAny(settings.jwJzCodes.add, code)) return 'settings-add';
  return jwJzDerived(code, codeset) ? 'derived' : undefined;
}

/** the JW/JZ policy's own reach, before settings: a separately payable (ASP-priced) injectable, not NOC */
export function jwJzDerived(code: string, codeset: CodeSet): boolean {
  const drug = codeset.drug(code);
  if (!drug || drug.noc) return false;
  if (drug.route !== 'injection' && drug.route !== 'infusion') return false;
  return !!codeset.asp(code);
}

/** does a drug name as written (lower-case) belong to this code's descriptor? */
export function drugNameFits(name: string, code: string, info: DrugInfo, codeset: CodeSet): boolean {
  const n = name.trim().toLowerCase();
  if (!n) return true;
  if (info.drugs.some((d) => d === n || d.startsWith(n) || n.startsWith(d))) return true;
  return codeset.codesForDrug(n).includes(code);
}

/** 'sirolimus' or 'sirolimus/everolimus' for messages */
export function drugLabel(info: DrugInfo): string {
  return info.drugs.join('/');
}
