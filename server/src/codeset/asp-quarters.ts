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

/**
 * One quarter's compiled tables: its label and id at hand, its prices given when first asked (the
 * same value every time), and the crosswalk rows of one NDC when asked.
 */
export interface AspQuarterTables {
  label: string;
  id?: string;
  prices(): AspRow[];
  /** the crosswalk rows of an NDC (11 digits), in the quarter's order */
  ndcRows(ndc11: string): NdcRow[];
}

/** the tables of a compiled quarter in hand */
export function aspTablesOf(c: CompiledAsp): AspQuarterTables {
  let byNdc: Map<string, NdcRow[]> | undefined;
  const ndcRows = (ndc11: string): NdcRow[] => {
    if (!byNdc) {
      byNdc = new Map();
      for (const row of c.ndc) {
        const rows = byNdc.get(row[0]);
        if (rows) rows.push(row);
        else byNdc.set(row[0], [row]);
      }
    }
    return byNdc.get(ndc11) ?? [];
  };
  const out: AspQuarterTables = { label: c.label, prices: () => c.prices, ndcRows };
  if (c.id !== undefined) out.id = c.id;
  return out;
}

/** Payment limits and the NDC crosswalk of every quarter, each table built when first asked. */
export class AspQuarters {
  /** oldest first */
  readonly quarters: Quarter[];
  private readonly compiled: { c: AspQuarterTables; id: string }[];
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

  /** an NDC's compiled rows, one per code, the newest quarter's first */
  private ndcs(key: string): NdcRow[] {
    this.built.ndc = true;
    const out: NdcRow[] = [];
    for (let q = this.compiled.length - 1; q >= 0; q--) {
      for (const row of this.compiled[q]!.c.ndcRows(key)) if (!out.some((r) => r[1] === row[1])) out.push(row);
    }
    return out;
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
    const rows = this.ndcs(key);
    if (rows.length === 0) return [];
    const entries = rows.map(([ndc, code, drugName, labeler, hcpcsDosage, packageSize, packageQuantity, billUnits, billUnitsPerPackage]): NdcCrosswalkEntry => ({ ndc, code, drugName, labeler, hcpcsDosage, packageSize, packageQuantity, billUnits, billUnitsPerPackage }));
    this.entries.set(key, entries);
    return entries;
  }
}
