// One release's records, drug model and word index, as loadIndex builds them; DatedCodeSet picks
// the release in force on a date. Its compiled tables come from ReleaseTables: in hand, or read
// from the index text (index-text.ts) when first asked, a code's row alone when only it is needed.
import { lowerBound } from '../base/arrays';
import type {
  BillingUnit,
  CodeLookup,
  CodeRecord,
  CodeStatus,
  DrugInfo,
  DrugRoute,
  ModifierLookup,
  ModifierRecord,
  RelatedCode,
  ReleaseInfo,
  UnitKind,
} from './types';
import type { CodeRow, CompiledIndex, DrugRow, ModifierRow } from './compiled';
import { prefixRange, wordsOf } from './words';
import { relatedCodes } from './related';
import cptModifiers from '../../../data/cpt-modifiers.json';

const list = (s: string): string[] => (s === '' ? [] : s.split(' '));
/** codes whose row is remembered (a release has under 10,000; a file of garbage codes stops adding past this) */
const MAX_REMEMBERED_CODES = 20_000;

/** the release's own date ('2025-10' -> '2025-10-01'): the status asked without a date */
export function releaseDate(id: string): string {
  return /^\d{4}-\d{2}$/.test(id) ? `${id}-01` : '9999-12-31';
}

export function statusOn(r: { addDate?: string; termDate?: string }, date: string): CodeStatus {
  if (r.addDate && date < r.addDate) return 'not-yet-effective';
  if (r.termDate && date > r.termDate) return 'terminated';
  return 'active';
}

const CPT_MODIFIERS: Map<string, string> = new Map(Object.entries((cptModifiers as { modifiers: Record<string, string> }).modifiers));

/**
 * One release's compiled tables, each given when first asked (the same value every time). Code rows
 * are in code order; one can be had alone (`codeAt`, `codeRow`) without the whole table (`codes`).
 */
export interface ReleaseTables {
  codeCount(): number;
  /** the code of row i */
  codeAt(i: number): string;
  codeRow(i: number): CodeRow;
  /** every row: for questions about the whole release (predecessors) */
  codes(): CodeRow[];
  modifiers(): ModifierRow[];
  words(): CompiledIndex['words'];
  drugs(): DrugRow[];
}

/** the tables of a compiled index in hand */
export function tablesOf(index: CompiledIndex): ReleaseTables {
  return {
    codeCount: () => index.codes.length,
    codeAt: (i) => index.codes[i]![0],
    codeRow: (i) => index.codes[i]!,
    codes: () => index.codes,
    modifiers: () => index.modifiers,
    words: () => index.words,
    drugs: () => index.drugs,
  };
}

/**
 * One release's records, drug model and word index; dates and ASP are DatedCodeSet's business.
 * Built lazily from the compiled rows: a record when it is first asked for, the code and modifier
 * lookups, the drug model and the predecessors on first use (a CLI run checking one claim asks for a
 * few codes of a release, or none). `built` counts what has been built, for tests.
 */
export class ReleaseData {
  readonly release: ReleaseInfo;
  readonly isFull: boolean;
  /** records by row index, each made on first use */
  private recordList: (CodeRecord | undefined)[] | undefined;
  private modifierTable: { list: ModifierRecord[]; byCode: Map<string, ModifierRecord> } | undefined;
  private drugTable: { byCode: Map<string, DrugInfo>; names: Map<string, string[]>; nameList: string[] } | undefined;
  /** drug models by drug row, each made on first use */
  private readonly drugInfos: (DrugInfo | undefined)[] = [];
  private drugsInOrder: boolean | undefined;
  private predecessorsMap: Map<string, string[]> | undefined;
  /** rowOf's answers by code */
  private readonly rows = new Map<string, number>();
  private readonly defaultDate: string;
  /** what has been built so far (tests: a run that asks nothing of a release builds nothing) */
  readonly built = { codeMap: false, records: 0, modifiers: false, drugs: false, predecessors: false, drugModels: 0 };

  constructor(release: ReleaseInfo, private readonly tables: ReleaseTables) {
    this.release = release;
    this.isFull = release.kind === 'full';
    this.defaultDate = releaseDate(release.id);
  }

  private get records(): (CodeRecord | undefined)[] {
    this.recordList ??= new Array<CodeRecord | undefined>(this.tables.codeCount());
    return this.recordList;
  }

  /** the row of a code (upper case), by binary search over the codes (rows are in code order); undefined when absent */
  private rowOf(code: string): number | undefined {
    this.built.codeMap = true;
    // every rule of every line asks: each code a file uses is searched once (-1: absent)
    const known = this.rows.get(code);
    if (known !== undefined) return known < 0 ? undefined : known;
    const { tables } = this;
    const count = tables.codeCount();
    const at = lowerBound(count, (i) => tables.codeAt(i), code);
    const row = at < count && tables.codeAt(at) === code ? at : undefined;
    if (this.rows.size < MAX_REMEMBERED_CODES) this.rows.set(code, row ?? -1);
    return row;
  }

  /** the record of row i, made once */
  private recordAt(i: number): CodeRecord {
    const records = this.records;
    const made = records[i];
    if (made) return made;
    const r = this.tables.codeRow(i);
    // Optional members are set only when present (no undefined keys, no deletes: objects stay fast).
    const rec: CodeRecord = { code: r[0], short: r[1], long: r[2], pricing: list(r[8]), xrefs: list(r[9]), tos: list(r[11]) };
    if (r[3]) rec.addDate = r[3];
    if (r[4]) rec.actionEffectiveDate = r[4];
    if (r[5]) rec.termDate = r[5];
    if (r[6]) rec.actionCode = r[6];
    if (r[7]) rec.coverage = r[7];
    if (r[10]) rec.betos = r[10];
    records[i] = rec;
    this.built.records++;
    return rec;
  }

  /** terminated codes by the codes they point to (XREF), in code order */
  private get predecessorsOf(): Map<string, string[]> {
    if (!this.predecessorsMap) {
      const map = new Map<string, string[]>();
      for (const r of this.tables.codes()) {
        if (!r[5]) continue;
        for (const x of list(r[9])) {
          const before = map.get(x);
          if (before) before.push(r[0]);
          else map.set(x, [r[0]]);
        }
      }
      this.predecessorsMap = map;
      this.built.predecessors = true;
    }
    return this.predecessorsMap;
  }

  private get modifiers(): { list: ModifierRecord[]; byCode: Map<string, ModifierRecord> } {
    if (!this.modifierTable) {
      const byCode = new Map<string, ModifierRecord>();
      const rows = this.tables.modifiers().map((r) => {
        const m: ModifierRecord = { code: r[0], short: r[1], long: r[2] };
        if (r[3]) m.addDate = r[3];
        if (r[4]) m.actionEffectiveDate = r[4];
        if (r[5]) m.termDate = r[5];
        if (r[6]) m.actionCode = r[6];
        byCode.set(m.code, m);
        return m;
      });
      this.modifierTable = { list: rows, byCode };
      this.built.modifiers = true;
    }
    return this.modifierTable;
  }

  /** the drug model of drug row k (rows are in code order), made once */
  private drugAt(k: number): DrugInfo {
    const made = this.drugInfos[k];
    if (made) return made;
    const [i, drugNames, amount, unitName, text, upTo, noc, route, kind, uncertain, source, components] = this.tables.drugs()[k];
    const info: DrugInfo = { code: this.tables.codeAt(i), drugs: drugNames === '' ? [] : drugNames.split('|'), noc: noc === 1 };
    if (route) info.route = route as DrugRoute;
    if (amount > 0) {
      const unit: BillingUnit = { amount, unit: unitName, text };
      if (upTo) unit.upTo = true;
      if (kind) unit.kind = kind as UnitKind;
      if (uncertain) unit.uncertain = true;
      if (source) unit.source = source as 'asp' | 'descriptor';
      if (components) unit.components = components.split('|');
      info.unit = unit;
    }
    this.drugInfos[k] = info;
    this.built.drugModels++;
    return info;
  }

  /** every drug model by code, and the codes naming each drug: built when first needed (drug names, related codes) */
  private get drugs(): { byCode: Map<string, DrugInfo>; names: Map<string, string[]>; nameList: string[] } {
    if (!this.drugTable) {
      const byCode = new Map<string, DrugInfo>();
      const names = new Map<string, string[]>();
      const count = this.tables.drugs().length;
      for (let k = 0; k < count; k++) {
        const info = this.drugAt(k);
        byCode.set(info.code, info);
        for (const n of info.drugs) {
          const codes = names.get(n);
          if (codes) codes.push(info.code);
          else names.set(n, [info.code]);
        }
      }
      this.drugTable = { byCode, names, nameList: [...names.keys()].sort() };
      this.built.drugs = true;
    }
    return this.drugTable;
  }

  /** whether drug rows are in strictly ascending code order (as compileIndex writes them), so one can be found by binary search */
  private get drugRowsSorted(): boolean {
    if (this.drugsInOrder === undefined) {
      const rows = this.tables.drugs();
      let sorted = true;
      for (let k = 1; k < rows.length && sorted; k++) sorted = rows[k - 1][0] < rows[k][0];
      this.drugsInOrder = sorted;
    }
    return this.drugsInOrder;
  }

  /** the releases's first day ('2025-10-01'); '9999-12-31' for a set without a quarter id */
  get startDate(): string {
    return this.defaultDate;
  }

  hasCode(code: string): boolean {
    return this.rowOf(code) !== undefined;
  }

  record(code: string): CodeRecord | undefined {
    const i = this.rowOf(code.trim().toUpperCase());
    return i === undefined ? undefined : this.recordAt(i);
  }

  lookup(code: string, onDate?: string): CodeLookup | undefined {
    const record = this.record(code);
    if (!record) return undefined;
    const out: CodeLookup = { record, status: statusOn(record, onDate ?? this.defaultDate) };
    if (record.termDate && record.xrefs.length > 0) out.successor = record.xrefs[0];
    return out;
  }

  modifier(code: string, onDate?: string): ModifierLookup | undefined {
    const record = this.modifiers.byCode.get(code.trim().toUpperCase());
    return record ? { record, status: statusOn(record, onDate ?? this.defaultDate) } : undefined;
  }

  cptModifier(code: string): { code: string; description: string } | undefined {
    const description = CPT_MODIFIERS.get(code.trim());
    return description === undefined ? undefined : { code: code.trim(), description };
  }

  searchPrefix(prefix: string, limit: number): CodeRecord[] {
    const p = prefix.trim().toUpperCase();
    const out: CodeRecord[] = [];
    // codes are sorted: binary search for the first, then walk
    let lo = 0;
    const { tables } = this;
    const count = tables.codeCount();
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tables.codeAt(mid) < p) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < count && out.length < limit && tables.codeAt(i).startsWith(p); i++) out.push(this.recordAt(i));
    return out;
  }

  searchWords(query: string, limit: number): CodeRecord[] {
    const words = [...new Set(wordsOf(query))];
    if (words.length === 0 || limit <= 0) return [];
    const { terms, postings } = this.tables.words();
    const n = this.tables.codeCount();
    // per code: 2 = every query word starts a word of the short descriptor, 1 = matched (somewhere), 0 = not
    let combined: Uint8Array | undefined;
    for (const w of words) {
      const hit = new Uint8Array(n);
      const [from, to] = prefixRange(terms, w);
      for (let t = from; t < to; t++) for (const p of postings[t]) hit[p >> 1] = Math.max(hit[p >> 1], (p & 1) + 1);
      if (!combined) combined = hit;
      else for (let i = 0; i < n; i++) combined[i] = Math.min(combined[i], hit[i]);
    }
    const short: CodeRecord[] = [];
    const long: CodeRecord[] = [];
    for (let i = 0; i < n && short.length < limit; i++) {
      if (combined![i] === 2) short.push(this.recordAt(i));
      else if (combined![i] === 1 && long.length < limit) long.push(this.recordAt(i));
    }
    return [...short, ...long].slice(0, limit);
  }

  allModifiers(): ModifierRecord[] {
    return this.modifiers.list;
  }

  drug(code: string): DrugInfo | undefined {
    const key = code.trim().toUpperCase();
    if (this.drugTable || !this.drugRowsSorted) return this.drugs.byCode.get(key);
    // one code's model: its drug row by binary search over the rows' code indexes
    const i = this.rowOf(key);
    if (i === undefined) return undefined;
    const rows = this.tables.drugs();
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid][0] < i) lo = mid + 1;
      else hi = mid;
    }
    return lo < rows.length && rows[lo][0] === i ? this.drugAt(lo) : undefined;
  }

  codesForDrug(name: string): string[] {
    const key = name.trim().toLowerCase();
    const { names, nameList } = this.drugs;
    if (key.length < 4) return [...(names.get(key) ?? [])];
    const [from, to] = prefixRange(nameList, key);
    const codes = new Set<string>();
    for (let i = from; i < to; i++) for (const c of names.get(nameList[i])!) codes.add(c);
    return [...codes].sort();
  }

  isDrugName(word: string): boolean {
    return this.drugs.names.has(word.trim().toLowerCase());
  }

  related(code: string, limit = 10): RelatedCode[] {
    return relatedCodes(code, {
      record: (c) => this.record(c),
      drug: (c) => this.drug(c),
      codesNamingDrug: (name) => this.drugs.names.get(name) ?? [],
      predecessors: (c) => this.predecessorsOf.get(c) ?? [],
      codesWithPrefix: (p) => this.searchPrefix(p, Number.MAX_SAFE_INTEGER),
    }, limit);
  }

}
