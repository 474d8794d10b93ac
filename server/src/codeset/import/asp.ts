// The quarterly ASP files: the payment-limit table (asp_pricing.csv) and the NDC-HCPCS crosswalk
// (asp_crosswalk.csv). Windows-1252, CRLF, a preamble before the header row, hundreds of empty
// trailing columns. Only Level II rows are kept: the CPT rows' descriptors are AMA text.
import type { AspPrice, NdcCrosswalkEntry } from '../types';
import { parseCsv } from './csv';
import { normalizeNdc } from '../ndc';
import { appendAll } from '../../base/arrays';

export interface AspData {
  /** 'ASP October 2025' */
  label?: string;
  prices: AspPrice[];
  crosswalk: NdcCrosswalkEntry[];
  problems: string[];
}

export type AspRead<T> = { ok: true; label?: string; rows: T[]; problems: string[] } | { ok: false; error: string };

const LEVEL_II = /^[A-V][0-9]{4}$/;
const cp1252 = new TextDecoder('windows-1252');
const norm = (h: string): string => h.toUpperCase().replace(/[^A-Z0-9]/g, '');

function decode(bytes: Uint8Array): string {
  return cp1252.decode(bytes);
}

/** 'Effective October 1, 2025 through December 31, 2025' in the preamble -> 'ASP October 2025' */
function labelFromPreamble(rows: string[][], headerAt: number): string | undefined {
  for (let i = 0; i < headerAt; i++) {
    for (const cell of rows[i]) {
      const m = /effective\s+([a-z]+)\s+\d{1,2},\s*(\d{4})/i.exec(cell);
      if (m) return `ASP ${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()} ${m[2]}`;
    }
  }
  return undefined;
}

function findHeader(rows: string[][], test: (names: string[]) => boolean): number {
  for (let i = 0; i < Math.min(rows.length, 30); i++) if (test(rows[i].map(norm))) return i;
  return -1;
}

function num(s: string | undefined): number {
  const n = Number((s ?? '').replace(/[$,\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

export function importAspPricing(bytes: Uint8Array, fileName = 'ASP pricing file'): AspRead<AspPrice> {
  const rows = parseCsv(decode(bytes)).rows;
  const at = findHeader(rows, (n) => n.includes('HCPCSCODE') && n.includes('PAYMENTLIMIT'));
  if (at < 0) return { ok: false, error: `${fileName}: not an ASP pricing file (no header row with HCPCS Code and Payment Limit)` };
  const h = rows[at].map(norm);
  const code = h.indexOf('HCPCSCODE');
  const dosage = h.indexOf('HCPCSCODEDOSAGE');
  const limit = h.indexOf('PAYMENTLIMIT');
  const out: AspPrice[] = [];
  const problems: string[] = [];
  for (let r = at + 1; r < rows.length; r++) {
    const c = (rows[r][code] ?? '').trim().toUpperCase();
    if (!LEVEL_II.test(c)) continue; // CPT rows and blank lines
    // 'N/A' (A9606): CMS lists the code with no limit; keep the row (its dosage is the billing unit)
    const paymentLimit = num(rows[r][limit]);
    out.push({ code: c, dosage: (rows[r][dosage] ?? '').trim(), paymentLimit });
  }
  return { ok: true, label: labelFromPreamble(rows, at), rows: out, problems };
}

export function importAspCrosswalk(bytes: Uint8Array, fileName = 'ASP crosswalk file'): AspRead<NdcCrosswalkEntry> {
  const rows = parseCsv(decode(bytes)).rows;
  const isCode = (n: string): boolean => /^\d{4}CODE$/.test(n) || n === 'HCPCSCODE' || n === 'HCPCS';
  const at = findHeader(rows, (n) => n.some(isCode) && n.includes('NDC2'));
  if (at < 0) return { ok: false, error: `${fileName}: not an ASP NDC-HCPCS crosswalk (no header row with a _yyyy_CODE and NDC2 column)` };
  const h = rows[at].map(norm);
  const col = {
    code: h.findIndex(isCode),
    ndc: h.indexOf('NDC2'),
    labeler: h.indexOf('LABELERNAME'),
    drug: h.indexOf('DRUGNAME'),
    dosage: h.indexOf('HCPCSDOSAGE'),
    pkgSize: h.indexOf('PKGSIZE'),
    pkgQty: h.indexOf('PKGQTY'),
    billUnits: h.indexOf('BILLUNITS'),
    billUnitsPkg: h.indexOf('BILLUNITSPKG'),
  };
  const out: NdcCrosswalkEntry[] = [];
  const problems: string[] = [];
  const cell = (row: string[], i: number): string => (i >= 0 ? (row[i] ?? '').trim() : '');
  for (let r = at + 1; r < rows.length; r++) {
    const row = rows[r];
    const code = cell(row, col.code).toUpperCase();
    if (!LEVEL_II.test(code)) continue;
    const ndc = normalizeNdc(cell(row, col.ndc));
    if (!ndc) {
      if (problems.length < 50) problems.push(`row ${r + 1}: ${code} has an NDC that cannot be read ('${cell(row, col.ndc)}')`);
      continue;
    }
    out.push({
      ndc,
      code,
      drugName: cell(row, col.drug),
      labeler: cell(row, col.labeler),
      hcpcsDosage: cell(row, col.dosage),
      packageSize: num(cell(row, col.pkgSize)),
      packageQuantity: num(cell(row, col.pkgQty)),
      billUnits: num(cell(row, col.billUnits)),
      billUnitsPerPackage: num(cell(row, col.billUnitsPkg)),
    });
  }
  return { ok: true, label: labelFromPreamble(rows, at), rows: out, problems };
}

/** Both files (either may be missing) -> AspData, or the first error. */
export function importAsp(
  pricing: Uint8Array | undefined,
  crosswalk: Uint8Array | undefined,
): { ok: true; asp: AspData } | { ok: false; error: string } {
  const asp: AspData = { prices: [], crosswalk: [], problems: [] };
  if (pricing) {
    const p = importAspPricing(pricing, 'asp_pricing.csv');
    if (!p.ok) return p;
    asp.prices = p.rows;
    asp.label = p.label;
    appendAll(asp.problems, p.problems);
  }
  if (crosswalk) {
    const x = importAspCrosswalk(crosswalk, 'asp_crosswalk.csv');
    if (!x.ok) return x;
    asp.crosswalk = x.rows;
    asp.label ??= x.label;
    appendAll(asp.problems, x.problems);
  }
  return { ok: true, asp };
}
