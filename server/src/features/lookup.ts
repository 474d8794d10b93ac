// Look up a code without a claim open: by code (or its start), drug name or descriptor words,
// each result with its status on the date asked for. Backs the hcpcs/lookup request.
import type { CodeSet, CodeStatus } from '../codeset/types';
import type { LookupItem, LookupResult } from '../protocol';
import { toIsoDate } from '../documents/dates';

export const LOOKUP_LIMIT = 50;
const MAX_QUERY = 200;

const STATUS_TEXT: Record<CodeStatus, string> = {
  active: 'active',
  'not-yet-effective': 'not yet effective',
  terminated: 'terminated',
};

/** the date to judge on: the caller's (ISO, MM/DD/YYYY, YYYYMMDD ...) when it is a real date, else today */
function dateOr(value: unknown, today: string): string {
  return (typeof value === 'string' && value.length <= 40 && toIsoDate(value)) || today;
}

export function lookupCodes(codeset: CodeSet, query: unknown, date: unknown, today: string, limit = LOOKUP_LIMIT): LookupResult {
  const on = dateOr(date, today);
  const base = { date: on, release: codeset.release.label };
  if (typeof query !== 'string' || !query.trim()) return { ...base, items: [], message: 'Type a code, a drug name or descriptor words.' };
  if (query.length > MAX_QUERY) return { ...base, items: [], message: `The search text is longer than ${MAX_QUERY} characters.` };
  const q = query.trim();
  const codes: string[] = [];
  const add = (code: string) => {
    if (codes.length < limit && !codes.includes(code)) codes.push(code);
  };
  if (/^[A-Za-z]\d{0,4}$/.test(q)) codeset.searchPrefix(q, limit).forEach((r) => add(r.code));
  if (/^[A-Za-z][A-Za-z-]{3,}$/.test(q)) codeset.codesForDrug(q.toLowerCase()).forEach(add);
  codeset.searchWords(q, limit).forEach((r) => add(r.code));
  const items: LookupItem[] = [];
  for (const code of codes) {
    const found = codeset.lookup(code, on);
    if (!found) continue;
    const unit = codeset.drug(code)?.unit;
    items.push({
      code,
      short: found.record.short,
      long: found.record.long,
      status: found.status,
      statusText: STATUS_TEXT[found.status] + (found.successor ? ` (successor ${found.successor})` : ''),
      ...(unit ? { unit: `1 unit = ${unit.text}` } : {}),
    });
  }
  return items.length ? { ...base, items } : { ...base, items, message: `No code matches "${q}" in ${codeset.release.label}.` };
}
