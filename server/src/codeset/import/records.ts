// Turns the raw fields of one CMS row (fixed-width or table edition) into a code or modifier
// record, the same way for every edition so that they compare equal.
import type { CodeRecord, ModifierRecord } from '../types';
import { cmsDateToIso } from './dates';

export interface RawRow {
  hcpc: string;
  recordId: string;
  long: string;
  short: string;
  prices: string[];
  xrefs: string[];
  coverage: string;
  betos: string;
  tos: string[];
  addDate: string;
  actionEffectiveDate: string;
  termDate: string;
  actionCode: string;
}

const nonEmpty = (values: string[]): string[] => values.map((v) => v.trim()).filter((v) => v !== '');
const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** Record id 3/4 = procedure, 7/8 = modifier (CMS RIC). */
export function isModifierRecordId(recordId: string): boolean {
  return recordId === '7' || recordId === '8';
}

export function toCodeRecord(r: RawRow): CodeRecord {
  return strip({
    ...commonFields(r),
    coverage: opt(r.coverage),
    pricing: nonEmpty(r.prices),
    xrefs: nonEmpty(r.xrefs),
    betos: opt(r.betos),
    tos: nonEmpty(r.tos),
  });
}

export function toModifierRecord(r: RawRow): ModifierRecord {
  return strip(commonFields(r));
}

/** what procedure and modifier records share: code, descriptors, dates, action */
function commonFields(r: RawRow): ModifierRecord {
  return {
    code: r.hcpc.trim().toUpperCase(),
    short: r.short.trim(),
    long: r.long.trim(),
    addDate: cmsDateToIso(r.addDate),
    actionEffectiveDate: cmsDateToIso(r.actionEffectiveDate),
    termDate: cmsDateToIso(r.termDate),
    actionCode: opt(r.actionCode),
  };
}

/** drops undefined members so records compare (and serialise) the same whatever the edition */
function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
