// ICD-10-CM diagnosis codes (CDC/NCHS), one fiscal-year release or several, each in force from its
// own date (FY2026 = 2025-10-01 to 2026-09-30; an April update from April 1). Kept compact: the
// codes as one string of fixed-width cells, the billable flags as one string, the titles as one
// string with their start offsets, instead of ~98,000 objects. The titles (nine tenths of the list)
// are for people only (hover, completion): checks ask for kinds, and the list the build writes keeps
// the titles in a file of their own, read on the first title asked (splitTitles, Icd10Titles).
import { lowerBound } from '../base/arrays';

export const ICD10_INDEX_FORMAT = 'icd10cm-index';
export const ICD10_INDEX_SET_FORMAT = 'icd10cm-index-set';
export const ICD10_TITLES_FORMAT = 'icd10cm-titles';
/** 2: a compiled list may leave its titles to a titles file beside it */
export const ICD10_INDEX_VERSION = 2;
/** the longest ICD-10-CM code, without the dot */
export const CODE_WIDTH = 7;

/** One release as compiled (JSON): codes sorted, each padded to CODE_WIDTH. */
export interface Icd10Index {
  format: typeof ICD10_INDEX_FORMAT;
  version: number;
  /** 'FY2026', or 'FY2026-04' for the April 1 update */
  id: string;
  /** 'ICD-10-CM FY2026' */
  label: string;
  /** first and last day it is in force (ISO) */
  startDate: string;
  endDate: string;
  /** the file it was read from (base name) */
  source?: string;
  /** every code, sorted, each padded with spaces to CODE_WIDTH */
  codes: string;
  /** '1' billable (valid for submission), '0' header, per code */
  billable: string;
  /** the long titles, in code order, joined by '\n'; absent in the list the build writes (they are in its titles file) */
  titles?: string;
  /** false when read from the codes file (billable codes only): headers are inferred from their children */
  hasHeaders: boolean;
}

export interface Icd10IndexSet {
  format: typeof ICD10_INDEX_SET_FORMAT;
  version: number;
  releases: Icd10Index[];
}

/** The titles of a compiled list without them, per release (the build's titles file). */
export interface Icd10Titles {
  format: typeof ICD10_TITLES_FORMAT;
  version: number;
  releases: { id: string; codeCount: number; titles: string }[];
}

/** a list (one release or a set) -> the same list without titles, and its titles */
export function splitTitles(data: Icd10Index | Icd10IndexSet): { list: Icd10Index | Icd10IndexSet; titles: Icd10Titles } {
  const releases = data.format === ICD10_INDEX_SET_FORMAT ? (data as Icd10IndexSet).releases : [data as Icd10Index];
  const bare = releases.map(({ titles: _, ...rest }): Icd10Index => rest);
  const titles: Icd10Titles = {
    format: ICD10_TITLES_FORMAT,
    version: ICD10_INDEX_VERSION,
    releases: releases.map((r) => ({ id: r.id, codeCount: r.codes.length / CODE_WIDTH, titles: r.titles ?? '' })),
  };
  const list = data.format === ICD10_INDEX_SET_FORMAT ? { ...(data as Icd10IndexSet), releases: bare } : bare[0]!;
  return { list, titles };
}

/**
 * The titles of each release of a titles file (parsed JSON), by release id; throws Icd10LoadError on
 * anything else, another version, or titles that do not fit the releases they are for.
 */
export function titlesByRelease(data: unknown, releases: Icd10ReleaseInfo[]): Map<string, string> {
  const t = data as Icd10Titles;
  if (!t || t.format !== ICD10_TITLES_FORMAT || !Array.isArray(t.releases)) throw new Icd10LoadError('not an ICD-10-CM titles file');
  if (t.version !== ICD10_INDEX_VERSION) throw new Icd10LoadError(`ICD-10-CM titles version ${t.version}, expected ${ICD10_INDEX_VERSION}: compile it again`);
  const out = new Map<string, string>();
  for (const info of releases) {
    const found = t.releases.find((r) => r && r.id === info.id);
    if (!found || found.codeCount !== info.codeCount || typeof found.titles !== 'string') throw new Icd10LoadError(`the titles file has no titles for ${info.label} (${info.codeCount} codes): compile it again`);
    out.set(info.id, found.titles);
  }
  return out;
}

export interface Icd10ReleaseInfo {
  id: string;
  label: string;
  startDate: string;
  endDate: string;
  source?: string;
  codeCount: number;
  billableCount: number;
}

/**
 * What a release says of a code: billable, a header (needs more characters), or absent. The title is
 * read when first asked (hover), never by a check.
 */
export type Icd10Entry =
  | { code: string; kind: 'billable' | 'header'; /** absent for a header inferred from the codes file */ title?: string }
  | { code: string; kind: 'absent' };

/** E11.9, e119 -> E119: the form the CDC files use */
export function normalizeDiagnosis(code: string): string {
  return code.trim().replace('.', '').toUpperCase();
}

/** E119 -> E11.9 (a dot after the category, the way it is printed) */
export function dottedDiagnosis(code: string): string {
  const c = normalizeDiagnosis(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** shaped like an ICD-10-CM code: a letter, a digit, a digit or letter, then up to 4 more (dot optional) */
export const ICD10_SHAPE = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;

export function isIcd10Shaped(code: string): boolean {
  return ICD10_SHAPE.test(code.trim().toUpperCase());
}

/**
 * One release with its lookup by binary search over the fixed-width code cells. Its titles are the
 * index's own, else what `titles` gives on the first title asked (undefined: none can be read).
 */
export class Icd10Release {
  readonly info: Icd10ReleaseInfo;
  private readonly count: number;
  /** where each title starts in the titles: found on the first title asked (hover, a header's examples) */
  private starts: Uint32Array | undefined;
  private titleText: string | undefined;
  /** the titles could not be read (or do not fit): titles are absent */
  private noTitles = false;

  constructor(
    private readonly index: Icd10Index,
    private readonly titles?: () => string | undefined,
  ) {
    this.count = index.codes.length / CODE_WIDTH;
    let billable = 0;
    for (let i = 0; i < this.count; i++) if (index.billable.charCodeAt(i) === 49) billable++;
    const info: Icd10ReleaseInfo = { id: index.id, label: index.label, startDate: index.startDate, endDate: index.endDate, codeCount: this.count, billableCount: billable };
    if (index.source) info.source = index.source;
    this.info = info;
  }

  private codeAt(i: number): string {
    return this.index.codes.slice(i * CODE_WIDTH, (i + 1) * CODE_WIDTH).trimEnd();
  }

  /** whether the titles have been read (or looked for): tests check that a check run never does */
  get titlesRead(): boolean {
    return this.starts !== undefined || this.noTitles;
  }

  /** the titles and where each starts, read and found on the first title asked; undefined when there are none */
  private get titleTable(): { text: string; starts: Uint32Array } | undefined {
    if (!this.starts && !this.noTitles) {
      const titles = this.index.titles ?? this.titles?.();
      if (titles === undefined) {
        this.noTitles = true;
        return undefined;
      }
      const starts = new Uint32Array(this.count + 1);
      let at = 0;
      // one line per code: titles of another list (more or fewer lines) are not used
      let fits = true;
      for (let i = 0; i < this.count; i++) {
        starts[i] = at;
        const nl = titles.indexOf('\n', at);
        if ((nl < 0) !== (i === this.count - 1)) fits = false;
        at = nl < 0 ? titles.length + 1 : nl + 1;
      }
      if (!fits) {
        this.noTitles = true;
        return undefined;
      }
      starts[this.count] = at;
      this.starts = starts;
      this.titleText = titles;
    }
    return this.starts && this.titleText !== undefined ? { text: this.titleText, starts: this.starts } : undefined;
  }

  private titleAt(i: number): string | undefined {
    const table = this.titleTable;
    return table ? table.text.slice(table.starts[i], table.starts[i + 1] - 1) : undefined;
  }

  private isBillableAt(i: number): boolean {
    return this.index.billable.charCodeAt(i) === 49;
  }

  /** the index of the first code >= key */
  private lowerBound(key: string): number {
    return lowerBound(this.count, (i) => this.codeAt(i), key);
  }

  entry(code: string): Icd10Entry {
    const key = normalizeDiagnosis(code);
    const i = this.lowerBound(key);
    if (i < this.count && this.codeAt(i) === key) {
      const kind = this.isBillableAt(i) ? 'billable' : 'header';
      // the title is read when asked (a getter, enumerable: the entry compares and prints as a plain object)
      const at = (): string | undefined => this.titleAt(i);
      return {
        code: key,
        kind,
        get title() {
          return at();
        },
      };
    }
    // the codes file lists billable codes only: a code some of them extend is a header
    if (!this.index.hasHeaders && key.length >= 3 && i < this.count && this.codeAt(i).startsWith(key)) return { code: key, kind: 'header' };
    return { code: key, kind: 'absent' };
  }

  /** the rows of the billable codes under a prefix (itself included), in code order */
  private billableRowsUnder(prefix: string, limit: number): number[] {
    const key = normalizeDiagnosis(prefix);
    const out: number[] = [];
    for (let i = this.lowerBound(key); i < this.count && out.length < limit; i++) {
      if (!this.codeAt(i).startsWith(key)) break;
      if (this.isBillableAt(i)) out.push(i);
    }
    return out;
  }

  /** the billable codes under a prefix (itself included), in code order, with titles ('' when none can be read) */
  billableUnder(prefix: string, limit: number): { code: string; title: string }[] {
    return this.billableRowsUnder(prefix, limit).map((i) => ({ code: this.codeAt(i), title: this.titleAt(i) ?? '' }));
  }

  /** the billable codes under a prefix, without titles (what a check needs) */
  billableCodesUnder(prefix: string, limit: number): string[] {
    return this.billableRowsUnder(prefix, limit).map((i) => this.codeAt(i));
  }

  /** how many billable codes lie under a prefix */
  billableCountUnder(prefix: string): number {
    return this.billableRowsUnder(prefix, Number.MAX_SAFE_INTEGER).length;
  }
}

/** What the loaded releases say of a code on a date. */
export type DiagnosisLookup =
  | {
      /** the release in force on the date (the newest when the date lies past the loaded data) */
      release: Icd10ReleaseInfo;
      entry: Icd10Entry;
      /** the date lies after the newest release's last day: a newer release may say otherwise */
      pastData: boolean;
    }
  | { release: undefined; /** the date lies before the oldest loaded release */ before: Icd10ReleaseInfo };

const byStartDate = <T>(infoOf: (x: T) => Icd10ReleaseInfo) => (a: T, b: T) => (infoOf(a).startDate < infoOf(b).startDate ? -1 : infoOf(a).startDate > infoOf(b).startDate ? 1 : 0);

/**
 * Several releases, each answering for its own dates. Made either from releases in hand, or lazily
 * (DiagnosisCodes.lazy) from a summary of the releases and a loader run on the first question about
 * a code: a claim without diagnoses never reads the list.
 */
export class DiagnosisCodes {
  private held: Icd10Release[] | undefined;
  private failed = false;
  private readonly summary: Icd10ReleaseInfo[];
  private readonly loader: (() => Icd10Release[] | undefined) | undefined;

  constructor(releases: Icd10Release[] | { infos: Icd10ReleaseInfo[]; load: () => Icd10Release[] | undefined }) {
    if (Array.isArray(releases)) {
      this.held = [...releases].sort(byStartDate((r: Icd10Release) => r.info));
      this.summary = this.held.map((r) => r.info);
      this.loader = undefined;
    } else {
      this.summary = [...releases.infos].sort(byStartDate((i: Icd10ReleaseInfo) => i));
      this.loader = releases.load;
    }
  }

  /**
   * A list read when first asked about a code. `infos` describes its releases (what a note says of the
   * list at start); `load` returns them, or undefined when they cannot be read (then `available` is false).
   */
  static lazy(infos: Icd10ReleaseInfo[], load: () => Icd10Release[] | undefined): DiagnosisCodes {
    return new DiagnosisCodes({ infos, load });
  }

  /** whether the releases have been read (false for a lazy list nothing has asked about yet) */
  get isLoaded(): boolean {
    return this.held !== undefined;
  }

  /** false when a lazy list could not be read: nothing is said about diagnoses then (as without a list) */
  get available(): boolean {
    return this.releases.length > 0;
  }

  /** oldest first (reads a lazy list) */
  get releases(): Icd10Release[] {
    if (!this.held) {
      const loaded = this.failed ? undefined : this.loader?.();
      if (!loaded || loaded.length === 0) {
        this.failed = true;
        return [];
      }
      this.held = [...loaded].sort(byStartDate((r: Icd10Release) => r.info));
    }
    return this.held;
  }

  /** what each release is, oldest first, without reading a lazy list */
  get infos(): Icd10ReleaseInfo[] {
    return this.held ? this.held.map((r) => r.info) : this.summary;
  }

  get newest(): Icd10Release {
    return this.releases[this.releases.length - 1]!;
  }

  get oldest(): Icd10Release {
    return this.releases[0]!;
  }

  /** the release in force on a date; the newest past the loaded data; undefined before the oldest */
  inForce(date: string): Icd10Release | undefined {
    let found: Icd10Release | undefined;
    for (const r of this.releases) if (r.info.startDate <= date) found = r;
    return found;
  }

  lookup(code: string, date: string): DiagnosisLookup {
    const release = this.inForce(date);
    if (!release) return { release: undefined, before: this.oldest.info };
    return { release: release.info, entry: release.entry(code), pastData: date > this.newest.info.endDate };
  }

  /** the billable codes under a prefix in the release in force on the date (else the newest), with titles */
  billableUnder(prefix: string, date: string, limit: number): { code: string; title: string }[] {
    return (this.inForce(date) ?? this.newest).billableUnder(prefix, limit);
  }

  /** the same codes without their titles (checks: a title is never read to judge a claim) */
  billableCodesUnder(prefix: string, date: string, limit: number): string[] {
    return (this.inForce(date) ?? this.newest).billableCodesUnder(prefix, limit);
  }

  /** 'ICD-10-CM FY2026' or 'ICD-10-CM FY2025, FY2026' */
  get label(): string {
    const infos = this.infos;
    return infos.length === 1 ? infos[0]!.label : `ICD-10-CM ${infos.map((r) => r.id).join(', ')}`;
  }
}

export class Icd10LoadError extends Error {}

/**
 * A compiled release or set (parsed JSON) -> the lookup; throws Icd10LoadError on anything else. A
 * release without its titles takes them from `titles` (by release id) on the first title asked.
 */
export function loadDiagnosisCodes(data: Icd10Index | Icd10IndexSet, titles?: (id: string) => string | undefined): DiagnosisCodes {
  const list = data && data.format === ICD10_INDEX_SET_FORMAT ? (data as Icd10IndexSet).releases : [data as Icd10Index];
  if (!Array.isArray(list) || list.length === 0) throw new Icd10LoadError('the compiled ICD-10-CM index holds no release');
  for (const r of list) {
    if (!r || r.format !== ICD10_INDEX_FORMAT || typeof r.codes !== 'string' || typeof r.billable !== 'string' || (r.titles !== undefined && typeof r.titles !== 'string')) throw new Icd10LoadError('not a compiled ICD-10-CM index');
    if (r.version !== ICD10_INDEX_VERSION) throw new Icd10LoadError(`compiled ICD-10-CM index version ${r.version}, expected ${ICD10_INDEX_VERSION}: compile it again`);
  }
  return new DiagnosisCodes(list.map((r) => new Icd10Release(r, titles && (() => titles(r.id)))));
}

export const ICD10_SUMMARY_FORMAT = 'icd10cm-summary';

/** What a compiled list holds, written beside it at build time so a run can name it without reading it. */
export interface Icd10Summary {
  format: typeof ICD10_SUMMARY_FORMAT;
  version: number;
  /** the size of the compiled list's JSON in bytes: a summary of another file is not used */
  bytes: number;
  releases: Icd10ReleaseInfo[];
}

export function icd10Summary(codes: DiagnosisCodes, bytes: number): Icd10Summary {
  return { format: ICD10_SUMMARY_FORMAT, version: ICD10_INDEX_VERSION, bytes, releases: codes.infos };
}

const isInfo = (x: unknown): x is Icd10ReleaseInfo => {
  const i = x as Icd10ReleaseInfo;
  return Boolean(i) && typeof i.id === 'string' && typeof i.label === 'string' && typeof i.startDate === 'string' && typeof i.endDate === 'string' && Number.isInteger(i.codeCount) && Number.isInteger(i.billableCount) && (i.source === undefined || typeof i.source === 'string');
};

/** the releases of a summary (parsed JSON) of a list of `bytes` bytes; undefined when it is not one, or of another size or version */
export function icd10SummaryInfos(data: unknown, bytes: number): Icd10ReleaseInfo[] | undefined {
  const s = data as Icd10Summary;
  if (!s || s.format !== ICD10_SUMMARY_FORMAT || s.version !== ICD10_INDEX_VERSION || s.bytes !== bytes || !Array.isArray(s.releases) || s.releases.length === 0 || !s.releases.every(isInfo)) return undefined;
  return s.releases.map((i) => {
    const info: Icd10ReleaseInfo = { id: i.id, label: i.label, startDate: i.startDate, endDate: i.endDate, codeCount: i.codeCount, billableCount: i.billableCount };
    if (i.source !== undefined) info.source = i.source;
    return info;
  });
}
