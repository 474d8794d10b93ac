// The loaded ASP quarters: a payment limit holds only for dates in its own quarter; the NDC
// crosswalk keeps every code CMS maps an NDC to (Aranesp 55513-0002-04 is J0881 and J0882).
import type { AspPrice, AspQuarterInfo, NdcCrosswalkEntry } from './types';
import type { AspRow, CompiledAsp, NdcRow } from './compiled';
import { normalizeNdc } from './ndc';
import { quarterFromLabel, quarterOf } from './quarters';

interface Quarter {
  info: AspQuarterInfo;
  /** built on the first price asked of the quarter */
  prices: () => Map<string, AspPrice>;
}

/** One quarter's compiled tables: its label and id at hand, its rows given when first asked (the same value every time). */
export interface AspQuarterTables {
  label: string;
  id?: string;
  prices(): AspRow[];
  ndc(): NdcRow[];
}

/** the tables of a compiled quarter in hand */
export function aspTablesOf(c: CompiledAsp): AspQuarterTables {
  const out: AspQuarterTables = { label: c.label, prices: () => c.prices, ndc: () => c.ndc };
  if (c.id !== undefined) out.id = c.id;
  return out;
}

/** Payment limits and the NDC crosswalk of every quarter, each table built when first asked. */
export class AspQuarters {
  /** oldest first */
  readonly quarters: Quarter[];
  private readonly compiled: { c: AspQuarterTables; id: string }[];
  /** built on the first NDC asked */
  private ndcMap: Map<string, NdcRow[]> | undefined;
  /** ndc -> one entry per code, the newest quarter's first; made once per NDC asked */
  private readonly entries = new Map<string, NdcCrosswalkEntry[]>();
  /** what has been built so far (tests) */
  readonly built = { priceTables: 0, ndc: false };

  constructor(compiled: AspQuarterTables[]) {
    this.compiled = compiled.map((c) => ({ c, id: c.id ?? quarterFromLabel(c.label) ?? '' })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.quarters = this.compiled.map(({ c, id }) => {
      let prices: Map<string, AspPrice> | undefined;
      const table = () => {
        if (!prices) {
          prices = new Map<string, AspPrice>();
          for (const [code, dosage, limit] of c.prices()) {
            const price: AspPrice = { code, dosage, paymentLimit: limit ?? NaN };
            if (id) price.quarter = id;
            prices.set(code, price);
          }
          this.built.priceTables++;
        }
        return prices;
      };
      return { info: { id, label: c.label }, prices: table };
    });
  }

  /** ndc -> its compiled rows, one per code, the newest quarter's first (rows become entries when asked) */
  private get ndcs(): Map<string, NdcRow[]> {
    if (!this.ndcMap) {
      const map = new Map<string, NdcRow[]>();
      for (let q = this.compiled.length - 1; q >= 0; q--) {
        for (const row of this.compiled[q]!.c.ndc()) {
          const rows = map.get(row[0]);
          if (!rows) map.set(row[0], [row]);
          else if (!rows.some((r) => r[1] === row[1])) rows.push(row);
        }
      }
      this.ndcMap = map;
      this.built.ndc = true;
    }
    return this.ndcMap;
  }

  /** each quarter's tables, oldest first (a code set made with more quarters shares them) */
  get tables(): AspQuarterTables[] {
    return this.compiled.map((q) => q.c);
  }

  get infos(): AspQuarterInfo[] {
    return this.quarters.map((q) => q.info);
  }

  /** the newest quarter's label ('ASP January 2026'), for the footer and the status bar */
  get newestLabel(): string | undefined {
    return this.quarters[this.quarters.length - 1]?.info.label;
  }

  /** the limit of the quarter holding the date; without a date, the newest quarter that prices the code */
  price(code: string, onDate?: string): AspPrice | undefined {
    const c = code.trim().toUpperCase();
    if (onDate) {
      const q = quarterOf(onDate);
      return this.quarters.find((x) => x.info.id === q)?.prices().get(c);
    }
    for (let i = this.quarters.length - 1; i >= 0; i--) {
      const p = this.quarters[i].prices().get(c);
      if (p) return p;
    }
    return undefined;
  }

  ndcRows(ndc11: string): NdcCrosswalkEntry[] {
    const key = normalizeNdc(ndc11) ?? ndc11.replace(/\D/g, '');
    const made = this.entries.get(key);
    if (made) return made;
    const rows = this.ndcs.get(key);
    if (!rows) return [];
    const entries = rows.map(([ndc, code, drugName, labeler, hcpcsDosage, packageSize, packageQuantity, billUnits, billUnitsPerPackage]): NdcCrosswalkEntry => ({ ndc, code, drugName, labeler, hcpcsDosage, packageSize, packageQuantity, billUnits, billUnitsPerPackage }));
    this.entries.set(key, entries);
    return entries;
  }
}
