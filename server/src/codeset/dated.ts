// The code set over several quarterly releases: a question about a date is answered by the
// release in force on that date (each covers from its quarter until the next loaded release).
// A code the release in force does not have is looked up in the older releases, then the newer.
import { appendAll } from '../base/arrays';
import type {
  AspPrice,
  CodeLookup,
  CodeRecord,
  CodeSet,
  DrugInfo,
  ModifierLookup,
  ModifierRecord,
  NdcCrosswalkEntry,
  RelatedCode,
  ReleaseInfo,
  ReleaseSummary,
} from './types';
import type { ReleaseData } from './release-data';
import { AspQuarters, type AspQuarterTables } from './asp-quarters';

/** how far down an XREF chain a successor is followed (CMS chains are 2-3 long) */
const MAX_CHAIN = 12;
/** dates whose release order is remembered (a file's dates of service; garbage dates are not kept past this) */
const MAX_ORDERS = 4096;
/** code lookups remembered: a 10 MB file asks 300,000 of them, of 3,000 codes and dates */
const MAX_LOOKUPS = 16384;

export class DatedCodeSet implements CodeSet {
  readonly release: ReleaseInfo;
  readonly isFull: boolean;
  /** oldest first */
  private readonly releases: ReleaseData[];
  private readonly newest: ReleaseData;
  /** order() by date */
  private readonly orders = new Map<string, readonly ReleaseData[]>();
  /** lookup() by date, then code (null: no release knows the code); answers are shared, never changed */
  private readonly lookups = new Map<string, Map<string, CodeLookup | null>>();
  private lookupCount = 0;

  /**
   * `parts` names what has been read of the index text so far ('2025-10 codes', '2025-10 codes: 2 rows'),
   * when the code set was loaded from text whose parts are read on first use (index-text.ts)
   */
  constructor(
    releases: ReleaseData[],
    private readonly aspQuarters: AspQuarters,
    private readonly parts: () => string[] = () => [],
  ) {
    this.releases = [...releases].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    this.newest = this.releases[this.releases.length - 1];
    const info: ReleaseInfo = {
      ...this.newest.release,
      releases: this.releases.map((r) => summary(r.release)),
      aspQuarters: aspQuarters.infos,
    };
    const asp = aspQuarters.newestLabel;
    if (asp) info.asp = asp;
    this.release = info;
    this.isFull = this.newest.isFull;
  }

  /**
   * What the releases and ASP quarters have built of their tables so far, oldest release first (they
   * build on first use): for tests, which check that a question builds only what it needs.
   */
  built(): { releases: ({ id: string } & ReleaseData['built'])[]; asp: AspQuarters['built'] } {
    return { releases: this.releases.map((r) => ({ id: r.release.id, ...r.built })), asp: { ...this.aspQuarters.built } };
  }

  /** what has been read of the index text so far, in the order it was (tests: a question reads only what it needs) */
  partsRead(): string[] {
    return this.parts();
  }

  /**
   * The same releases with ASP quarters added (a quarter loaded again replaces the one it had). The
   * releases and the quarters kept are shared, with what they have built or parsed.
   */
  withAspQuarters(added: AspQuarterTables[]): DatedCodeSet {
    const key = (q: AspQuarterTables) => q.id ?? q.label;
    const ids = new Set(added.map(key));
    const kept = this.aspQuarters.tables.filter((q) => !ids.has(key(q)));
    return new DatedCodeSet(this.releases, new AspQuarters([...kept, ...added]), this.parts);
  }

  /** the releases to ask for a date, best first: the one in force, then older ones, then newer ones */
  private order(onDate?: string): readonly ReleaseData[] {
    const rs = this.releases;
    if (rs.length === 1) return rs;
    // a check pass asks about a few dates hundreds of thousands of times
    const key = onDate ?? '';
    const known = this.orders.get(key);
    if (known) return known;
    let ordered: ReleaseData[];
    if (!onDate) ordered = [...rs].reverse();
    else {
      let at = 0;
      for (let i = 0; i < rs.length; i++) if (rs[i].startDate <= onDate) at = i;
      ordered = [...rs.slice(0, at + 1).reverse(), ...rs.slice(at + 1)];
    }
    if (this.orders.size < MAX_ORDERS) this.orders.set(key, ordered);
    return ordered;
  }

  private answering(code: string, onDate?: string): ReleaseData | undefined {
    const key = code.trim().toUpperCase();
    return this.order(onDate).find((r) => r.hasCode(key));
  }

  lookup(code: string, onDate?: string): CodeLookup | undefined {
    // two maps, not one keyed by date and code joined: no string is built per question
    let byCode = this.lookups.get(onDate ?? '');
    let answer = byCode?.get(code);
    if (answer !== undefined) return answer ?? undefined;
    answer = this.lookupUncached(code, onDate) ?? null;
    if (this.lookupCount >= MAX_LOOKUPS) {
      this.lookups.clear();
      this.lookupCount = 0;
      byCode = undefined;
    }
    if (!byCode) this.lookups.set(onDate ?? '', (byCode = new Map()));
    byCode.set(code, answer);
    this.lookupCount++;
    return answer ?? undefined;
  }

  private lookupUncached(code: string, onDate?: string): CodeLookup | undefined {
    const release = this.answering(code, onDate);
    const found = release?.lookup(code, onDate);
    if (!release || !found) return undefined;
    const out: CodeLookup = { ...found, release: summary(release.release) };
    if (found.status === 'terminated' && found.record.xrefs.length > 0) {
      const next = this.activeSuccessor(found.record, onDate ?? release.startDate);
      if (next) out.activeSuccessor = next;
    }
    return out;
  }

  /** the first code down the XREF chain active on the date (breadth first, cycles ignored) */
  private activeSuccessor(record: CodeRecord, date: string): string | undefined {
    const seen = new Set([record.code]);
    let frontier = [...record.xrefs];
    for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const x of frontier) {
        if (seen.has(x)) continue;
        seen.add(x);
        const r = this.answering(x, date);
        const found = r?.lookup(x, date);
        if (!found) continue;
        if (found.status === 'active') return x;
        appendAll(next, found.record.xrefs);
      }
      frontier = next;
    }
    return undefined;
  }

  modifier(code: string, onDate?: string): ModifierLookup | undefined {
    for (const r of this.order(onDate)) {
      const found = r.modifier(code, onDate);
      if (found) return found;
    }
    return undefined;
  }

  cptModifier(code: string): { code: string; description: string } | undefined {
    return this.newest.cptModifier(code);
  }

  searchPrefix(prefix: string, limit: number): CodeRecord[] {
    return this.newest.searchPrefix(prefix, limit);
  }

  searchWords(query: string, limit: number): CodeRecord[] {
    return this.newest.searchWords(query, limit);
  }

  allModifiers(): ModifierRecord[] {
    return this.newest.allModifiers();
  }

  drug(code: string, onDate?: string): DrugInfo | undefined {
    return this.answering(code, onDate)?.drug(code);
  }

  codesForDrug(name: string): string[] {
    return this.newest.codesForDrug(name);
  }

  isDrugName(word: string): boolean {
    return this.newest.isDrugName(word);
  }

  related(code: string, limit?: number): RelatedCode[] {
    return this.newest.related(code, limit);
  }

  asp(code: string, onDate?: string): AspPrice | undefined {
    return this.aspQuarters.price(code, onDate);
  }

  ndc(ndc11: string, code?: string): NdcCrosswalkEntry | undefined {
    const rows = this.aspQuarters.ndcRows(ndc11);
    if (code === undefined) return rows[0];
    const c = code.trim().toUpperCase();
    return rows.find((r) => r.code === c);
  }

  ndcRows(ndc11: string): NdcCrosswalkEntry[] {
    return this.aspQuarters.ndcRows(ndc11);
  }
}

function summary(r: ReleaseInfo): ReleaseSummary {
  const out: ReleaseSummary = { id: r.id, label: r.label, codeCount: r.codeCount };
  if (r.source) out.source = r.source;
  return out;
}
