// The compiled index: plain JSON data made once from a release (+ ASP), loaded fast by loadIndex.
// Rows are tuples to keep the file small and JSON.parse quick; '' stands for "absent".
import type { AspPrice, CodeRecord, DrugInfo, ModifierRecord, NdcCrosswalkEntry, ReleaseInfo } from './types';
import type { ImportedRelease } from './import/release-types';
import type { AspData } from './import/asp';
import { drugInfoOf } from './drugs';
import { wordsOf } from './words';
import { quarterFromLabel } from './quarters';

export const INDEX_FORMAT = 'hcpcs-index';
/** 2: the text is laid out in parts, each table parsed on first use (index-text.ts) */
export const INDEX_VERSION = 2;

/** data that is not a compiled index, or one of another version */
export class LoadError extends Error {}

/** code, short, long, add, actionEffective, term, action, coverage, pricing (space-joined), xrefs, betos, tos */
export type CodeRow = [string, string, string, string, string, string, string, string, string, string, string, string];
/** code, short, long, add, actionEffective, term, action */
export type ModifierRow = [string, string, string, string, string, string, string];
/**
 * code index, drug names ('|'-joined), unit amount (0 = none), unit, unit text, upTo (0/1), noc (0/1), route,
 * then (newer indexes) unit kind, uncertain (0/1), unit source ('asp' | 'descriptor'), components ('|'-joined)
 */
export type DrugRow = [number, string, number, string, string, 0 | 1, 0 | 1, string, string?, (0 | 1)?, string?, string?];
/** code, dosage, payment limit (null: CMS writes N/A) */
export type AspRow = [string, string, number | null];
/** ndc, code, drug name, labeler, dosage, package size, package quantity, bill units, bill units per package */
export type NdcRow = [string, string, string, string, string, number, number, number, number];

export interface CompiledIndex {
  format: typeof INDEX_FORMAT;
  version: number;
  release: ReleaseInfo;
  codes: CodeRow[];
  modifiers: ModifierRow[];
  /** descriptor words, sorted; postings[i] lists code index * 2 + 1 when the word is in the short descriptor, * 2 when only in the long */
  words: { terms: string[]; postings: number[][] };
  drugs: DrugRow[];
  asp?: CompiledAsp;
}

/** one ASP quarter: payment limits and the NDC crosswalk */
export interface CompiledAsp {
  label: string;
  /** '2025-10': the quarter the limits hold for (older indexes: told from the label) */
  id?: string;
  prices: AspRow[];
  ndc: NdcRow[];
}

export const INDEX_SET_FORMAT = 'hcpcs-index-set';

/** several quarterly releases (oldest first) and several ASP quarters, each used on its own dates */
export interface CompiledIndexSet {
  format: typeof INDEX_SET_FORMAT;
  version: number;
  releases: CompiledIndex[];
  asp: CompiledAsp[];
}

export interface CompileOptions {
  kind?: 'full' | 'core';
  /** overrides the release label (the core set says which release its facts come from) */
  label?: string;
}

export function compileIndex(release: ImportedRelease, asp?: AspData, options: CompileOptions = {}): CompiledIndex {
  const codes = [...release.codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const modifiers = [...release.modifiers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const dosage = new Map(asp?.prices.map((p) => [p.code, p.dosage]) ?? []);
  const drugs: DrugRow[] = [];
  codes.forEach((c, i) => {
    const d = drugInfoOf(c, dosage.get(c.code) ?? false);
    if (d) drugs.push(drugRow(i, d));
  });
  const info: ReleaseInfo = {
    id: release.id,
    label: options.label ?? release.label,
    kind: options.kind ?? 'full',
    source: release.source,
    codeCount: codes.length,
    modifierCount: modifiers.length,
  };
  if (asp?.label) info.asp = asp.label;
  const out: CompiledIndex = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    release: info,
    codes: codes.map(codeRow),
    modifiers: modifiers.map(modifierRow),
    words: wordIndex(codes),
    drugs,
  };
  if (asp && (asp.prices.length > 0 || asp.crosswalk.length > 0)) {
    out.asp = compileAsp(asp);
  }
  return out;
}

export function compileAsp(asp: AspData): CompiledAsp {
  const out: CompiledAsp = { label: asp.label ?? 'ASP', prices: asp.prices.map(aspRow), ndc: asp.crosswalk.map(ndcRow) };
  const id = quarterFromLabel(asp.label);
  if (id) out.id = id;
  return out;
}

/**
 * Several releases and ASP quarters -> one index set. Each release's billing units come from the
 * ASP quarter in force on its first day (else the nearest one), so a unit never mixes two quarters.
 */
export function compileIndexSet(releases: ImportedRelease[], asps: AspData[], options: CompileOptions = {}): CompiledIndexSet {
  const quarters = asps
    .filter((a) => a.prices.length > 0 || a.crosswalk.length > 0)
    .map((a) => ({ data: a, id: quarterFromLabel(a.label) ?? '0000-01' }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sorted = [...releases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const compiled = sorted.map((r) => {
    const inForce = [...quarters].reverse().find((q) => q.id <= r.id) ?? quarters[0];
    const index = compileIndex(r, inForce?.data, options);
    delete index.asp;
    delete index.release.asp;
    return index;
  });
  return { format: INDEX_SET_FORMAT, version: INDEX_VERSION, releases: compiled, asp: quarters.map((q) => compileAsp(q.data)) };
}

function codeRow(c: CodeRecord): CodeRow {
  return [c.code, c.short, c.long, c.addDate ?? '', c.actionEffectiveDate ?? '', c.termDate ?? '', c.actionCode ?? '', c.coverage ?? '', c.pricing.join(' '), c.xrefs.join(' '), c.betos ?? '', c.tos.join(' ')];
}

function modifierRow(m: ModifierRecord): ModifierRow {
  return [m.code, m.short, m.long, m.addDate ?? '', m.actionEffectiveDate ?? '', m.termDate ?? '', m.actionCode ?? ''];
}

function drugRow(i: number, d: DrugInfo): DrugRow {
  const u = d.unit;
  return [i, d.drugs.join('|'), u?.amount ?? 0, u?.unit ?? '', u?.text ?? '', u?.upTo ? 1 : 0, d.noc ? 1 : 0, d.route ?? '', u?.kind ?? '', u?.uncertain ? 1 : 0, u?.source ?? '', u?.components?.join('|') ?? ''];
}

const aspRow = (p: AspPrice): AspRow => [p.code, p.dosage, Number.isFinite(p.paymentLimit) ? p.paymentLimit : null];
const ndcRow = (n: NdcCrosswalkEntry): NdcRow => [n.ndc, n.code, n.drugName, n.labeler, n.hcpcsDosage, n.packageSize, n.packageQuantity, n.billUnits, n.billUnitsPerPackage];

function wordIndex(codes: CodeRecord[]): CompiledIndex['words'] {
  const byWord = new Map<string, Map<number, number>>();
  const note = (word: string, i: number, flag: number): void => {
    let p = byWord.get(word);
    if (!p) byWord.set(word, (p = new Map()));
    p.set(i, Math.max(p.get(i) ?? 0, flag));
  };
  codes.forEach((c, i) => {
    for (const w of wordsOf(c.long)) note(w, i, 0);
    for (const w of wordsOf(c.short)) note(w, i, 1);
  });
  const terms = [...byWord.keys()].sort();
  const postings = terms.map((t) => [...byWord.get(t)!].sort((a, b) => a[0] - b[0]).map(([i, f]) => i * 2 + f));
  return { terms, postings };
}
