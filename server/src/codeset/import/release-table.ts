// The table edition of the CMS release (.xlsx, or a .csv made from it): one row per code with
// 48 named columns (HCPC, SEQNUM, RECID, LONG DESCRIPTION, ... ADD DT, ACT EFF DT, TERM DT,
// ACTION CD). Columns are found by header name, so order and extra columns do not matter.
import type { ReleaseRecords } from './release-types';
import { isModifierRecordId, toCodeRecord, toModifierRecord, type RawRow } from './records';
import { joinLongPieces } from './long-pieces';

const norm = (h: string): string => h.toUpperCase().replace(/[^A-Z0-9]/g, '');

export type TableRead = { ok: true; records: ReleaseRecords } | { ok: false; error: string };

const REQUIRED = ['HCPC', 'RECID', 'LONGDESCRIPTION', 'SHORTDESCRIPTION'];

/** index of the header row among the first rows, or -1 */
export function findReleaseHeader(rows: string[][]): number {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const names = new Set(rows[i].map(norm));
    if (REQUIRED.every((r) => names.has(r) || (r === 'HCPC' && names.has('HCPCS')))) return i;
  }
  return -1;
}

export function readReleaseTable(rows: string[][]): TableRead {
  const headerAt = findReleaseHeader(rows);
  if (headerAt < 0) {
    return { ok: false, error: 'no HCPCS release header row (HCPC, RECID, LONG DESCRIPTION, SHORT DESCRIPTION) was found' };
  }
  const col = new Map<string, number>();
  rows[headerAt].forEach((h, i) => {
    const k = norm(h);
    if (!col.has(k)) col.set(k, i);
  });
  if (!col.has('HCPC')) col.set('HCPC', col.get('HCPCS')!);
  const numbered = (base: string, count: number): number[] =>
    Array.from({ length: count }, (_v, k) => col.get(`${base}${k + 1}`) ?? -1);
  const at = {
    hcpc: col.get('HCPC')!,
    recordId: col.get('RECID')!,
    long: col.get('LONGDESCRIPTION')!,
    short: col.get('SHORTDESCRIPTION')!,
    prices: numbered('PRICE', 4),
    xrefs: numbered('XREF', 5),
    coverage: col.get('COV') ?? -1,
    betos: col.get('BETOS') ?? -1,
    tos: numbered('TOS', 5),
    addDate: col.get('ADDDT') ?? -1,
    actionEffectiveDate: col.get('ACTEFFDT') ?? -1,
    termDate: col.get('TERMDT') ?? -1,
    actionCode: col.get('ACTIONCD') ?? -1,
  };
  const out: ReleaseRecords = { codes: [], modifiers: [], problems: [] };
  let pending: { row: string[]; pieces: string[] } | undefined;
  const cell = (row: string[], i: number): string => (i >= 0 ? (row[i] ?? '') : '');
  const flush = (): void => {
    if (!pending) return;
    const { row, pieces } = pending;
    const raw: RawRow = {
      hcpc: cell(row, at.hcpc),
      recordId: cell(row, at.recordId).trim(),
      long: pieces.length === 1 ? pieces[0] : joinLongPieces(pieces),
      short: cell(row, at.short),
      prices: at.prices.map((i) => cell(row, i)),
      xrefs: at.xrefs.map((i) => cell(row, i)),
      coverage: cell(row, at.coverage),
      betos: cell(row, at.betos),
      tos: at.tos.map((i) => cell(row, i)),
      addDate: cell(row, at.addDate),
      actionEffectiveDate: cell(row, at.actionEffectiveDate),
      termDate: cell(row, at.termDate),
      actionCode: cell(row, at.actionCode),
    };
    if (isModifierRecordId(raw.recordId)) out.modifiers.push(toModifierRecord(raw));
    else out.codes.push(toCodeRecord(raw));
    pending = undefined;
  };
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    const code = cell(row, at.hcpc).trim();
    const rid = cell(row, at.recordId).trim();
    if (code === '' && row.every((c) => c.trim() === '')) continue;
    if (!/^[A-Z0-9]{2}$|^[A-Z0-9]{5}$/i.test(code) || !/^[3478]$/.test(rid)) {
      if (out.problems.length < 50) out.problems.push(`row ${r + 1}: not a HCPCS record (code '${code}', record id '${rid}'), skipped`);
      continue;
    }
    if (rid === '4' || rid === '8') {
      if (pending && cell(pending.row, at.hcpc).trim() === code) pending.pieces.push(cell(row, at.long));
      else if (out.problems.length < 50) out.problems.push(`row ${r + 1}: continuation of ${code} without its first record, skipped`);
      continue;
    }
    flush();
    pending = { row, pieces: [cell(row, at.long)] };
  }
  flush();
  return { ok: true, records: out };
}
