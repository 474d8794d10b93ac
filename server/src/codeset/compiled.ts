// The compiled index: plain JSON data made once from a release (+ ASP), loaded fast by loadIndex.
// Rows are tuples to keep the file small and JSON.parse quick; '' stands for "absent".
import type { AspPrice, CodeRecord, DrugInfo, ModifierRecord, NdcCrosswalkEntry, ReleaseInfo } from './types';
import type { ImportedRelease } from './import/release-types';
import type { AspData } from './import/asp';
import { drugInfoOf } from './drugs';
import { wordsOf } from './words';

export const INDEX_FORMAT = 'hcpcs-index';
export const INDEX_VERSION = 1;

/** code, short, long, add, actionEffective, term, action, coverage, pricing (space-joined), xrefs, betos, tos */
export type CodeRow = [string, string, string, string, string, string, string, string, string, string, string, string];
/** code, short, long, add, actionEffective, term, action */
export type ModifierRow = [string, string, string, string, string, string, string];
/** code index, drug names ('|'-joined), unit amount (0 = none), unit, unit text, upTo (0/1), noc (0/1), route */
export type DrugRow = [number, string, number, string, string, 0 | 1, 0 | 1, string];
/** code, dosage, payment limit */
export type AspRow = [string, string, number];
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
  asp?: { label: string; prices: AspRow[]; ndc: NdcRow[] };
}

export interface CompileOptions {
  kind?: 'full' | 'core';
  /** overrides the release label (the core set says which release its facts come from) */
  label?: string;
}

export function compileIndex(release: ImportedRelease, asp?: AspData, options: CompileOptions = {}): CompiledIndex {
  const codes = [...release.codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const modifiers = [...release.modifiers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const priced = new Set(asp?.prices.map((p) => p.code) ?? []);
  const drugs: DrugRow[] = [];
  codes.forEach((c, i) => {
    const d = drugInfoOf(c, priced.has(c.code));
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
    out.asp = { label: asp.label ?? 'ASP', prices: asp.prices.map(aspRow), ndc: asp.crosswalk.map(ndcRow) };
  }
  return out;
}

function codeRow(c: CodeRecord): CodeRow {
  return [c.code, c.short, c.long, c.addDate ?? '', c.actionEffectiveDate ?? '', c.termDate ?? '', c.actionCode ?? '', c.coverage ?? '', c.pricing.join(' '), c.xrefs.join(' '), c.betos ?? '', c.tos.join(' ')];
}

function modifierRow(m: ModifierRecord): ModifierRow {
  return [m.code, m.short, m.long, m.addDate ?? '', m.actionEffectiveDate ?? '', m.termDate ?? '', m.actionCode ?? ''];
}

function drugRow(i: number, d: DrugInfo): DrugRow {
  return [i, d.drugs.join('|'), d.unit?.amount ?? 0, d.unit?.unit ?? '', d.unit?.text ?? '', d.unit?.upTo ? 1 : 0, d.noc ? 1 : 0, d.route ?? ''];
}

const aspRow = (p: AspPrice): AspRow => [p.code, p.dosage, p.paymentLimit];
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
