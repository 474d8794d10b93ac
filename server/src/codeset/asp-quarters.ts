// The loaded ASP quarters: a payment limit holds only for dates in its own quarter; the NDC
// crosswalk keeps every code CMS maps an NDC to (Aranesp 55513-0002-04 is J0881 and J0882).
import type { AspPrice, AspQuarterInfo, NdcCrosswalkEntry } from './types';
import type { CompiledAsp } from './compiled';
import { normalizeNdc } from './ndc';
import { quarterFromLabel, quarterOf } from './quarters';

interface Quarter {
  info: AspQuarterInfo;
  prices: Map<string, AspPrice>;
}

export class AspQuarters {
  /** oldest first */
  readonly quarters: Quarter[];
  /** ndc -> one row per code, the newest quarter's row first */
  private readonly ndcs = new Map<string, NdcCrosswalkEntry[]>();

  constructor(compiled: CompiledAsp[]) {
    const withIds = compiled.map((c) => ({ c, id: c.id ?? quarterFromLabel(c.label) ?? '' })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.quarters = withIds.map(({ c, id }) => {
      const prices = new Map<string, AspPrice>();
      for (const [code, dosage, limit] of c.prices) {
        const price: AspPrice = { code, dosage, paymentLimit: limit ?? NaN };
        if (id) price.quarter = id;
        prices.set(code, price);
      }
      return { info: { id, label: c.label }, prices };
    });
    for (const { c } of [...withIds].reverse()) {
      for (const [ndc, code, drugName, labeler, hcpcsDosage, packageSize, packageQuantity, billUnits, billUnitsPerPackage] of c.ndc) {
        const rows = this.ndcs.get(ndc);
        const row: NdcCrosswalkEntry = { ndc, code, drugName, labeler, hcpcsDosage, packageSize, packageQuantity, billUnits, billUnitsPerPackage };
        if (!rows) this.ndcs.set(ndc, [row]);
        else if (!rows.some((r) => r.code === code)) rows.push(row);
      }
    }
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
      return this.quarters.find((x) => x.info.id === q)?.prices.get(c);
    }
    for (let i = this.quarters.length - 1; i >= 0; i--) {
      const p = this.quarters[i].prices.get(c);
      if (p) return p;
    }
    return undefined;
  }

  ndcRows(ndc11: string): NdcCrosswalkEntry[] {
    const key = normalizeNdc(ndc11) ?? ndc11.replace(/\D/g, '');
    return this.ndcs.get(key) ?? [];
  }
}
