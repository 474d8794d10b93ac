// A modifier used outside its dates, e.g. JG (terminated 2024-12-31) where TB now applies.
import { allProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, dateOf, describeDate, hasModifier, removeModifierEdit, staleNote } from '../line-facts';
import type { CodeSet, ModifierRecord } from '../../codeset/types';
import type { Finding, Fix } from '../types';

/** successors CMS announced where the data cannot show them (used when no same-worded modifier is found) */
const KNOWN_SUCCESSORS: Record<string, string> = { JG: 'TB' };

/** successors by code set, then 'JG|2025-02-03': a file repeats the same modifier and date many times */
const memo = new WeakMap<CodeSet, Map<string, string | undefined>>();

export function successorOf(record: ModifierRecord, date: string, codeset: CodeSet): string | undefined {
  let byKey = memo.get(codeset);
  if (!byKey) memo.set(codeset, (byKey = new Map()));
  const key = `${record.code}|${date}`;
  if (!byKey.has(key)) {
    if (byKey.size > 10_000) byKey.clear();
    byKey.set(key, findSuccessor(record, date, codeset));
  }
  return byKey.get(key);
}

/** the active modifier with the same long descriptor (JG -> TB share theirs), else a known successor */
function findSuccessor(record: ModifierRecord, date: string, codeset: CodeSet): string | undefined {
  const wording = record.long.trim().toLowerCase();
  const same = codeset
    .allModifiers()
    .find((m) => m.code !== record.code && m.long.trim().toLowerCase() === wording && codeset.modifier(m.code, date)?.status === 'active');
  if (same) return same.code;
  const known = KNOWN_SUCCESSORS[record.code];
  return known && codeset.modifier(known, date)?.status === 'active' ? known : undefined;
}

const rule: LineRule = {
  id: 'modifier-not-effective',
  source: { basis: 'CMS release', ref: 'HCPCS release modifier add/termination dates' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Modifier not valid on the date of service (e.g. JG from 2025-01-01: use TB)',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('modifier-not-effective'),
  profiles: allProfiles,
  kinds: ['claim', 'remittance', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    if (codeKind(line) === 'other') return [];
    const date = dateOf(ctx);
    const out: Finding[] = [];
    line.modifiers.forEach((mod, index) => {
      const m = mod.value.trim().toUpperCase();
      const found = /^[A-Z0-9]{2}$/.test(m) ? codeset.modifier(m, date) : undefined;
      if (!found || found.status === 'active') return;
      if (found.status === 'not-yet-effective') {
        out.push(finding(rule, mod.range, `${m} takes effect on ${found.record.addDate ?? 'a later date'}; ${describeDate(ctx)}${staleNote(ctx)}`));
        return;
      }
      const successor = successorOf(found.record, date, codeset);
      const fixes: Fix[] = [];
      if (successor && hasModifier(line, successor)) {
        const edit = removeModifierEdit(ctx, line, index);
        if (edit) fixes.push({ title: `Remove ${m} (${successor} is already on the line)`, edits: [edit], preferred: true });
      } else if (successor) {
        fixes.push({ title: `Replace ${m} with ${successor}`, edits: [{ range: { ...mod.range }, newText: successor }], preferred: true });
      }
      const tail = successor ? `; use ${successor}` : '';
      out.push(finding(rule, mod.range, `${m} was terminated on ${found.record.termDate ?? 'an earlier date'}; ${describeDate(ctx)}${tail}${staleNote(ctx)}`, { fixes }));
    });
    return out;
  },
};
export default rule;
