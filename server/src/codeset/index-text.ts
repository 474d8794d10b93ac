// The compiled index as text (what `hcpcs-check compile`, the build and the editor's cache write):
// a header line saying what the releases and ASP quarters are and where each of their tables lies,
// then each table as JSON text of its own, one a line. A reader parses the header at start and a
// table when first asked, from the text or from the file at its place (node/index-file.ts): a run
// that asks a few codes of one release parses (and reads) that release's codes and nothing else.
// The whole text is one JSON value too ({"format", "version", …, "parts": [...]}), ASCII only (any
// other character written as a \u escape), so byte offsets are character offsets and a reader takes
// the bytes as they are instead of decoding UTF-8 (node/guarded-read.ts textOf).
import type { ReleaseInfo } from './types';
import {
  INDEX_FORMAT,
  INDEX_SET_FORMAT,
  INDEX_VERSION,
  LoadError,
  type AspRow,
  type CodeRow,
  type CompiledAsp,
  type CompiledIndex,
  type CompiledIndexSet,
  type DrugRow,
  type ModifierRow,
  type NdcRow,
} from './compiled';
import { DatedCodeSet } from './dated';
import { ReleaseData } from './release-data';
import { AspQuarters, type AspQuarterTables } from './asp-quarters';

export const INDEX_LAYOUT = 'parts';
/** how the header line ends: the parts follow, one a line */
const PARTS_OPEN = ',"parts":[';
/** a header is a few kB; a first line longer than this is not one */
export const MAX_HEADER_BYTES = 1024 * 1024;

type ReleaseTable = 'codes' | 'modifiers' | 'words' | 'drugs';
type AspTable = 'prices' | 'ndc';

/** The header line: every fact a run states at start, and where each table lies. */
export interface IndexHeader {
  format: typeof INDEX_SET_FORMAT;
  version: number;
  layout: typeof INDEX_LAYOUT;
  /** how many bytes follow the header line: a text cut short (or not as written) is told at once */
  body: number;
  /** each release's facts, and the part holding each of its tables */
  releases: { release: ReleaseInfo; parts: Record<ReleaseTable, number> }[];
  asp: { label: string; id?: string; parts: Record<AspTable, number> }[];
  /** where each part lies after the header line: [offset, length] in bytes (= characters: the text is ASCII) */
  at: [number, number][];
}

/** every character past ASCII as a \u escape: the same JSON value */
const ascii = (json: string): string => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** one release (with its own ASP quarter, if any) as a set of one */
function asSet(index: CompiledIndex | CompiledIndexSet): CompiledIndexSet {
  if (index.format === INDEX_SET_FORMAT) return index as CompiledIndexSet;
  const { asp, ...release } = index as CompiledIndex;
  return { format: INDEX_SET_FORMAT, version: index.version, releases: [release], asp: asp ? [asp] : [] };
}

/** The index as text laid out in parts (a single release is written as a set of one). */
export function indexJson(index: CompiledIndex | CompiledIndexSet): string {
  const set = asSet(index);
  const parts: string[] = [];
  const add = (value: unknown): number => parts.push(ascii(JSON.stringify(value))) - 1;
  const releases = set.releases.map((r) => ({ release: r.release, parts: { codes: add(r.codes), modifiers: add(r.modifiers), words: add(r.words), drugs: add(r.drugs) } }));
  const asp = set.asp.map((q) => ({ label: q.label, ...(q.id !== undefined ? { id: q.id } : {}), parts: { prices: add(q.prices), ndc: add(q.ndc) } }));
  // the body: part ',\n' part ',\n' … part '\n]}\n'
  const at: [number, number][] = [];
  let offset = 0;
  for (const p of parts) {
    at.push([offset, p.length]);
    offset += p.length + 2;
  }
  const header: IndexHeader = { format: INDEX_SET_FORMAT, version: INDEX_VERSION, layout: INDEX_LAYOUT, body: offset + 2, releases, asp, at };
  return `${ascii(JSON.stringify(header)).slice(0, -1)}${PARTS_OPEN}\n${parts.join(',\n')}\n]}\n`;
}

const damaged = (why: string): LoadError => new LoadError(`the compiled index is damaged (${why}): compile it again`);
const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** any other version is refused first, whatever else its header holds */
function checkVersion(h: IndexHeader): void {
  if (!h || typeof h !== 'object' || h.format !== INDEX_SET_FORMAT) throw new LoadError('not a compiled HCPCS index');
  if (h.version !== INDEX_VERSION) throw new LoadError(`compiled index version ${h.version}, expected ${INDEX_VERSION}: compile it again`);
}

/** the header's facts and tables, for an index of `parts` parts */
function checkHeader(h: IndexHeader, parts: number): void {
  checkVersion(h);
  if (h.layout !== INDEX_LAYOUT || !Array.isArray(h.releases) || !Array.isArray(h.asp)) throw new LoadError('not a compiled HCPCS index');
  if (h.releases.length === 0) throw new LoadError('the compiled index set holds no release');
  const part = (n: unknown) => isCount(n) && n < parts;
  for (const r of h.releases) {
    const info = r?.release;
    if (!info || typeof info.id !== 'string' || typeof info.label !== 'string' || !isCount(info.codeCount) || !isCount(info.modifierCount)) throw damaged('a release without its facts');
    if (!r.parts || !(['codes', 'modifiers', 'words', 'drugs'] as const).every((t) => part(r.parts[t]))) throw damaged(`release ${info.id} without its tables`);
  }
  for (const q of h.asp) {
    if (!q || typeof q.label !== 'string' || (q.id !== undefined && typeof q.id !== 'string')) throw damaged('an ASP quarter without its label');
    if (!q.parts || !part(q.parts.prices) || !part(q.parts.ndc)) throw damaged(`${q.label} without its tables`);
  }
}

/**
 * The header of an index text's first line (without its line break); undefined when the text is not
 * laid out in parts (a whole-JSON index, or an older version: loadIndex reads those whole). Throws
 * LoadError for a header of another version, or one that does not fit the text.
 */
export function indexHeader(firstLine: string): IndexHeader | undefined {
  if (!firstLine.endsWith(PARTS_OPEN)) return undefined;
  let header: IndexHeader;
  try {
    header = JSON.parse(`${firstLine.slice(0, -PARTS_OPEN.length)}}`) as IndexHeader;
  } catch {
    return undefined;
  }
  checkVersion(header);
  if (!Array.isArray(header.at) || !isCount(header.body)) throw damaged('no table of parts');
  for (const a of header.at) {
    if (!Array.isArray(a) || !isCount(a[0]) || !isCount(a[1]) || a[0] + a[1] > header.body) throw damaged('a part beyond its end');
  }
  checkHeader(header, header.at.length);
  return header;
}

/**
 * The code set of an index laid out in parts: `part(i)` gives part i's value (parsed JSON), asked at
 * most once, when a question first needs that table. A part that cannot be read or is not what its
 * table holds throws LoadError, then and on every later question that needs it.
 */
export function indexFromParts(header: IndexHeader, part: (i: number) => unknown): DatedCodeSet {
  const read: string[] = [];
  const table = <T>(i: number, name: string, fits: (v: unknown) => boolean): (() => T) => {
    let value: T | undefined;
    let failed: LoadError | undefined;
    return () => {
      if (value !== undefined) return value;
      if (failed) throw failed;
      let got: unknown;
      try {
        got = part(i);
      } catch (error) {
        failed = damaged(`its ${name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        throw failed;
      }
      if (!fits(got)) throw (failed = damaged(`its ${name} are not a table`));
      read.push(name);
      value = got as T;
      return value;
    };
  };
  const isWords = (v: unknown) => Array.isArray((v as CompiledIndex['words'])?.terms) && Array.isArray((v as CompiledIndex['words']).postings);
  const releases = header.releases.map(({ release, parts }) => {
    const id = release.id;
    return new ReleaseData(release, {
      codes: table<CodeRow[]>(parts.codes, `${id} codes`, Array.isArray),
      modifiers: table<ModifierRow[]>(parts.modifiers, `${id} modifiers`, Array.isArray),
      words: table<CompiledIndex['words']>(parts.words, `${id} words`, isWords),
      drugs: table<DrugRow[]>(parts.drugs, `${id} drugs`, Array.isArray),
    });
  });
  const asp = header.asp.map(({ label, id, parts }): AspQuarterTables => {
    const name = `asp ${id ?? label}`;
    const q: AspQuarterTables = { label, prices: table<AspRow[]>(parts.prices, `${name} prices`, Array.isArray), ndc: table<NdcRow[]>(parts.ndc, `${name} ndc`, Array.isArray) };
    if (id !== undefined) q.id = id;
    return q;
  });
  return new DatedCodeSet(releases, new AspQuarters(asp), read);
}

/** where the header line of an index text ends (its line break); -1 when the text starts with no header line */
export function headerEnd(text: string): number {
  const nl = (text.length > MAX_HEADER_BYTES ? text.slice(0, MAX_HEADER_BYTES) : text).indexOf('\n');
  return nl;
}

/** An index text laid out in parts -> its code set, each table parsed on first use; undefined for any other text. */
export function indexFromText(text: string): DatedCodeSet | undefined {
  const nl = headerEnd(text);
  const header = nl < 0 ? undefined : indexHeader(text.slice(0, nl));
  if (!header) return undefined;
  const start = nl + 1;
  if (text.length !== start + header.body) throw damaged(`${text.length - start} characters after the header, not ${header.body}: cut short, or not read as written`);
  return indexFromParts(header, (i) => {
    const [offset, length] = header.at[i]!;
    return JSON.parse(text.slice(start + offset, start + offset + length));
  });
}

/** whether a parsed JSON value is an index text laid out in parts, read whole (its parts in hand) */
export function isPartsValue(value: unknown): value is IndexHeader & { parts: unknown[] } {
  return Boolean(value) && (value as IndexHeader).layout === INDEX_LAYOUT && Array.isArray((value as { parts?: unknown }).parts);
}

/** An index text laid out in parts, parsed whole (JSON.parse of the file) -> its code set. */
export function indexFromValue(value: IndexHeader & { parts: unknown[] }): DatedCodeSet {
  checkHeader(value, value.parts.length);
  return indexFromParts(value, (i) => value.parts[i]);
}

/** Any index text -> the compiled index it was written from (every part parsed; a single release comes back as a set of one). */
export function compiledOf(text: string): CompiledIndex | CompiledIndexSet {
  const nl = headerEnd(text);
  const header = nl < 0 ? undefined : indexHeader(text.slice(0, nl));
  if (!header) return JSON.parse(text) as CompiledIndex | CompiledIndexSet;
  const parts = (JSON.parse(text) as { parts: unknown[] }).parts;
  const releases = header.releases.map(({ release, parts: p }): CompiledIndex => ({
    format: INDEX_FORMAT,
    version: header.version,
    release,
    codes: parts[p.codes] as CodeRow[],
    modifiers: parts[p.modifiers] as ModifierRow[],
    words: parts[p.words] as CompiledIndex['words'],
    drugs: parts[p.drugs] as DrugRow[],
  }));
  const asp = header.asp.map(({ label, id, parts: p }): CompiledAsp => ({ label, ...(id !== undefined ? { id } : {}), prices: parts[p.prices] as AspRow[], ndc: parts[p.ndc] as NdcRow[] }));
  return { format: INDEX_SET_FORMAT, version: header.version, releases, asp };
}
