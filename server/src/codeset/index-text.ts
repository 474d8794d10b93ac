// The compiled index as text (what `hcpcs-check compile`, the build and the editor's cache write):
// a header line saying what the releases and ASP quarters are and where each of their tables lies,
// then each table as JSON text of its own, one a line. A reader parses the header at start and a
// table when first asked, from the text or from the file at its place (node/index-file.ts). The two
// big tables a check asks a few rows of, a release's codes and a quarter's NDC crosswalk, have one
// row a line and a key part beside them (the keys, sorted, and where each row starts): a code or an
// NDC is found in the keys and its row alone is read and parsed, so a run that asks a few codes of
// one release parses a few rows and nothing else.
// The whole text is one JSON value too ({"format", "version", …, "parts": [...]}), ASCII only (any
// other character written as a \u escape), so byte offsets are character offsets and a reader takes
// the bytes as they are instead of decoding UTF-8 (node/guarded-read.ts textOf).
import { lowerBound } from '../base/arrays';
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
import { ReleaseData, type ReleaseTables } from './release-data';
import { AspQuarters, type AspQuarterTables } from './asp-quarters';

export const INDEX_LAYOUT = 'parts';
/** how the header line ends: the parts follow, one a line */
const PARTS_OPEN = ',"parts":[';
/** a header is a few kB; a first line longer than this is not one */
export const MAX_HEADER_BYTES = 1024 * 1024;

type ReleaseTable = 'codes' | 'codeKeys' | 'modifiers' | 'words' | 'drugs';
type AspTable = 'prices' | 'ndc' | 'ndcKeys';
const RELEASE_TABLES: readonly ReleaseTable[] = ['codes', 'codeKeys', 'modifiers', 'words', 'drugs'];
const ASP_TABLES: readonly AspTable[] = ['prices', 'ndc', 'ndcKeys'];

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

/**
 * The keys of a table written one row a line: each key padded to `width`, in sorted order; `order[k]`
 * the row of the k-th key (absent: rows are in key order); `at[i]` where row i starts in the table's
 * part (it ends two characters before the next row starts, or before the part's end: ",\n" or "\n]").
 */
interface KeyPart {
  width: number;
  keys: string;
  order?: number[];
  at: number[];
}

/** every character past ASCII as a \u escape: the same JSON value */
const ascii = (json: string): string => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** one release (with its own ASP quarter, if any) as a set of one */
function asSet(index: CompiledIndex | CompiledIndexSet): CompiledIndexSet {
  if (index.format === INDEX_SET_FORMAT) return index as CompiledIndexSet;
  const { asp, ...release } = index as CompiledIndex;
  return { format: INDEX_SET_FORMAT, version: index.version, releases: [release], asp: asp ? [asp] : [] };
}

/** a table one row a line, and its key part (keys sorted: `sorted` says the rows already are) */
function keyedParts(rows: unknown[][], sorted: boolean): { table: string; keys: string } {
  const lines = rows.map((r) => ascii(JSON.stringify(r)));
  const at: number[] = [];
  let start = 2; // after "[\n"
  for (const line of lines) {
    at.push(start);
    start += line.length + 2; // ",\n"
  }
  const keyOf = rows.map((r) => String(r[0]));
  const width = keyOf.reduce((w, k) => Math.max(w, k.length), 1);
  const order = keyOf.map((_, i) => i);
  if (!sorted) order.sort((a, b) => (keyOf[a]! < keyOf[b]! ? -1 : keyOf[a]! > keyOf[b]! ? 1 : a - b));
  const part: KeyPart = { width, keys: order.map((i) => keyOf[i]!.padEnd(width, ' ')).join(''), at };
  if (!sorted) part.order = order;
  return { table: lines.length ? `[\n${lines.join(',\n')}\n]` : '[]', keys: ascii(JSON.stringify(part)) };
}

/** The index as text laid out in parts (a single release is written as a set of one). */
export function indexJson(index: CompiledIndex | CompiledIndexSet): string {
  const set = asSet(index);
  const parts: string[] = [];
  const add = (text: string): number => parts.push(text) - 1;
  const json = (value: unknown): number => add(ascii(JSON.stringify(value)));
  const releases = set.releases.map((r) => {
    for (let i = 1; i < r.codes.length; i++) if (!(r.codes[i - 1]![0] < r.codes[i]![0])) throw new LoadError(`release ${r.release.id}: codes out of order (${r.codes[i]![0]})`);
    const codes = keyedParts(r.codes, true);
    return { release: r.release, parts: { codes: add(codes.table), codeKeys: add(codes.keys), modifiers: json(r.modifiers), words: json(r.words), drugs: json(r.drugs) } };
  });
  const asp = set.asp.map((q) => {
    const ndc = keyedParts(q.ndc, false);
    return { label: q.label, ...(q.id !== undefined ? { id: q.id } : {}), parts: { prices: json(q.prices), ndc: add(ndc.table), ndcKeys: add(ndc.keys) } };
  });
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
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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
    if (!r.parts || !RELEASE_TABLES.every((t) => part(r.parts[t]))) throw damaged(`release ${info.id} without its tables`);
  }
  for (const q of h.asp) {
    if (!q || typeof q.label !== 'string' || (q.id !== undefined && typeof q.id !== 'string')) throw damaged('an ASP quarter without its label');
    if (!q.parts || !ASP_TABLES.every((t) => part(q.parts[t]))) throw damaged(`${q.label} without its tables`);
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
 * Where the parts of an index come from. `whole(i)` gives part i parsed; `slice(i, from, length)`
 * the text of `length` characters at `from` in part i (absent when only whole parts can be had: the
 * parts are values in hand). Each is asked when a question first needs it.
 */
export interface PartSource {
  whole(i: number): unknown;
  slice?(i: number, from: number, length: number): string;
  /** hears once about each table that cannot be read when a question first needs it */
  failed?(error: LoadError): void;
}

/** what has been read of each part, in the order parts were first read (tests: a question reads only what it needs) */
class ReadLog {
  private readonly entries: { name: string; whole: boolean; rows: number }[] = [];

  private entry(name: string) {
    let e = this.entries.find((x) => x.name === name);
    if (!e) this.entries.push((e = { name, whole: false, rows: 0 }));
    return e;
  }

  whole(name: string): void {
    this.entry(name).whole = true;
  }

  row(name: string): void {
    this.entry(name).rows++;
  }

  /** '2025-10 codes' (read whole), '2025-10 codes: 2 rows' (those rows alone) */
  names(): string[] {
    return this.entries.map((e) => (e.whole ? e.name : `${e.name}: ${e.rows} row${e.rows === 1 ? '' : 's'}`));
  }
}

/**
 * The code set of an index laid out in parts, each table read when a question first needs it (a
 * code's or an NDC's row alone, when the source gives slices). A part that cannot be read, or is not
 * what its table holds, throws LoadError, then and on every later question that needs it.
 */
export function indexFromParts(header: IndexHeader, source: PartSource): DatedCodeSet {
  const log = new ReadLog();
  const fail = (name: string, error: unknown): LoadError => {
    const failure = error instanceof LoadError ? error : damaged(`its ${name} could not be read: ${errorText(error)}`);
    source.failed?.(failure);
    return failure;
  };
  /** part i parsed, once (or its failure, every time) */
  const whole = <T>(i: number, name: string, fits: (v: unknown) => boolean): (() => T) => {
    let value: T | undefined;
    let failed: LoadError | undefined;
    return () => {
      if (value !== undefined) return value;
      if (failed) throw failed;
      try {
        const got = source.whole(i);
        if (!fits(got)) throw damaged(`its ${name} are not a table`);
        value = got as T;
      } catch (error) {
        throw (failed = fail(name, error));
      }
      log.whole(name);
      return value;
    };
  };
  /** a table one row a line: its rows by key, each read alone unless the whole table has been read */
  const keyed = <Row extends unknown[]>(tablePart: number, keyPart: number, name: string, keysName: string, rowCount: number | undefined) => {
    const all = whole<Row[]>(tablePart, name, Array.isArray);
    const keys = whole<KeyPart>(keyPart, keysName, (v) => {
      const k = v as KeyPart;
      const n = k && Array.isArray(k.at) ? k.at.length : -1;
      return n >= 0 && (rowCount === undefined || n === rowCount) && isCount(k.width) && k.width > 0 && typeof k.keys === 'string' && k.keys.length === n * k.width && (k.order === undefined || (Array.isArray(k.order) && k.order.length === n));
    });
    const [, partLength] = header.at[tablePart]!;
    const rows = new Map<number, Row>();
    let failed: LoadError | undefined;
    /** the whole table, once a question has needed it: rows are taken from it from then on */
    let wholeRows: Row[] | undefined;
    const allRows = (): Row[] => (wholeRows ??= all());
    /** the k-th key, without its padding */
    const keyAt = (k: number): string => {
      const { width, keys: text } = keys();
      return text.slice(k * width, (k + 1) * width).trimEnd();
    };
    const rowAt = (i: number): Row => {
      if (wholeRows) return wholeRows[i]!;
      const made = rows.get(i);
      if (made) return made;
      if (failed) throw failed;
      if (!source.slice) return allRows()[i]!;
      const { at } = keys();
      const from = at[i]!;
      const to = i + 1 < at.length ? at[i + 1]! - 2 : partLength - 2;
      try {
        if (!(isCount(from) && to > from && to <= partLength)) throw new Error(`row ${i} beyond the table`);
        const row = JSON.parse(source.slice(tablePart, from, to - from)) as Row;
        if (!Array.isArray(row)) throw new Error(`row ${i} is not a row`);
        rows.set(i, row);
        log.row(name);
        return row;
      } catch (error) {
        throw (failed = fail(name, error));
      }
    };
    /** the row of the k-th key: a row that holds another key is damage (a file changed in place), never another code's answer */
    const rowOfKey = (k: number): Row => {
      const row = rowAt(keys().order?.[k] ?? k);
      if (row[0] !== keyAt(k)) throw (failed = fail(name, new Error(`the row of ${keyAt(k)} holds ${String(row[0]).slice(0, 16)}`)));
      return row;
    };
    /** the first k whose key is >= key */
    const firstAtOrAfter = (key: string): number => lowerBound(keys().at.length, keyAt, key);
    return { all: allRows, keyAt, rowOfKey, lowerBound: firstAtOrAfter, count: () => keys().at.length };
  };
  const isWords = (v: unknown) => Array.isArray((v as CompiledIndex['words'])?.terms) && Array.isArray((v as CompiledIndex['words']).postings);
  const releases = header.releases.map(({ release, parts }) => {
    const id = release.id;
    const codes = keyed<CodeRow>(parts.codes, parts.codeKeys, `${id} codes`, `${id} code keys`, release.codeCount);
    const tables: ReleaseTables = {
      codeCount: codes.count,
      // rows are in code order (indexJson refuses codes out of order): key k is row k
      codeAt: codes.keyAt,
      codeRow: codes.rowOfKey,
      codes: codes.all,
      modifiers: whole<ModifierRow[]>(parts.modifiers, `${id} modifiers`, Array.isArray),
      words: whole<CompiledIndex['words']>(parts.words, `${id} words`, isWords),
      drugs: whole<DrugRow[]>(parts.drugs, `${id} drugs`, Array.isArray),
    };
    return new ReleaseData(release, tables);
  });
  const asp = header.asp.map(({ label, id, parts }): AspQuarterTables => {
    const name = `asp ${id ?? label}`;
    const ndc = keyed<NdcRow>(parts.ndc, parts.ndcKeys, `${name} ndc`, `${name} ndc keys`, undefined);
    const ndcRows = (ndc11: string): NdcRow[] => {
      const out: NdcRow[] = [];
      for (let k = ndc.lowerBound(ndc11); k < ndc.count() && ndc.keyAt(k) === ndc11; k++) out.push(ndc.rowOfKey(k));
      return out;
    };
    const q: AspQuarterTables = { label, prices: whole<AspRow[]>(parts.prices, `${name} prices`, Array.isArray), ndcRows };
    if (id !== undefined) q.id = id;
    return q;
  });
  return new DatedCodeSet(releases, new AspQuarters(asp), () => log.names());
}

/** where the header line of an index text ends (its line break); -1 when the text starts with no header line */
export function headerEnd(text: string): number {
  return (text.length > MAX_HEADER_BYTES ? text.slice(0, MAX_HEADER_BYTES) : text).indexOf('\n');
}

/** An index text laid out in parts -> its code set, each table read on first use; undefined for any other text. */
export function indexFromText(text: string): DatedCodeSet | undefined {
  const nl = headerEnd(text);
  const header = nl < 0 ? undefined : indexHeader(text.slice(0, nl));
  if (!header) return undefined;
  const start = nl + 1;
  if (text.length !== start + header.body) throw damaged(`${text.length - start} characters after the header, not ${header.body}: cut short, or not read as written`);
  const slice = (i: number, from = 0, length = header.at[i]![1]): string => {
    const at = start + header.at[i]![0] + from;
    return text.slice(at, at + length);
  };
  return indexFromParts(header, { whole: (i) => JSON.parse(slice(i)), slice });
}

/** whether a parsed JSON value is an index text laid out in parts, read whole (its parts in hand) */
export function isPartsValue(value: unknown): value is IndexHeader & { parts: unknown[] } {
  return Boolean(value) && (value as IndexHeader).layout === INDEX_LAYOUT && Array.isArray((value as { parts?: unknown }).parts);
}

/** An index text laid out in parts, parsed whole (JSON.parse of the file) -> its code set. */
export function indexFromValue(value: IndexHeader & { parts: unknown[] }): DatedCodeSet {
  checkHeader(value, value.parts.length);
  return indexFromParts(value, { whole: (i) => value.parts[i] });
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
