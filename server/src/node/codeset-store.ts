// Finds, imports and caches the code set (entry-side I/O shared by server.ts and the CLI).
// Order at start: an explicit release file or folder -> the index cached from the user's last load ->
// the full index compiled at build time (dist/codeset.json) -> the hand-written core set.
// Every file is read through the guarded reader (regular files within their budget only), and a
// compiled index is cached under the hash of the bytes it was compiled from (release-cache.ts).
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appendAll } from '../base/arrays';
import type { CodeSet } from '../codeset/types';
import { compileIndex, compileIndexSet, loadIndex, type CompiledIndex, type CompiledIndexSet } from '../codeset/index';
import { compileAsp } from '../codeset/compiled';
import type { DatedCodeSet } from '../codeset/dated';
import { aspTablesOf } from '../codeset/asp-quarters';
import { importRelease, type ImportedRelease } from '../codeset/import/release';
import { importAsp, type AspData } from '../codeset/import/asp';
import { monthYear } from '../codeset/import/release-name';
import { doubtMessage, releaseDoubts } from '../codeset/import/plausibility';
import { aspFolders, releaseFiles, type AspFolder } from './release-sources';
import { openGuarded, readGuarded } from './guarded-read';
import { contentKey, ReleaseCache } from './release-cache';
import { indexFromFile } from './index-file';
import { FILE_BYTES } from '../base/limits';
import { safeName } from '../base/safe-text';
import coreIndex from '../../../data/core/codeset.json';

const CACHE_FILE = 'codeset.json';

export type LoadResult =
  | { ok: true; codeset: CodeSet; message: string }
  | { ok: false; error: string; /** the files imported but do not look whole: loading them needs the user's word */ needsConfirmation?: boolean };

export interface StoreOptions {
  /** folder where the compiled index of a user-loaded release is cached (VS Code's global storage) */
  storagePath?: string;
  /** hears what goes wrong after start: a table of a compiled index that cannot be read when first asked */
  log?: (message: string) => void;
  /** folder of the bundles (dist/), where a build-time index may sit */
  distDir?: string;
  /** the file whose change makes cached indexes stale (default: this bundle): a new drug model must not reuse an old index */
  compilerFile?: string;
}

export class CodeSetStore {
  private readonly cache: ReleaseCache;

  constructor(private readonly options: StoreOptions = {}) {
    this.cache = new ReleaseCache(options.storagePath, options.log);
  }

  static initialCodeSet(): CodeSet {
    return loadIndex(coreIndex as unknown as CompiledIndex);
  }

  /**
   * The best code set available at start; never fails (the core set is always there). A release
   * path that cannot be loaded gives `warning` (for a notification) naming it and the set used instead,
   * and `error`, why it could not be loaded.
   */
  loadAtStartup(request: { releasePath?: string; aspPath?: string }): { codeset: CodeSet; message?: string; warning?: string; error?: string } {
    const { releasePath, aspPath } = request;
    const problems: string[] = [];
    let failed: string | undefined;
    if (releasePath) {
      // the index compiled from these very bytes is reused (see loadReleaseFile)
      const loaded = this.loadReleaseFile(releasePath, aspPath);
      if (loaded.ok) return { codeset: loaded.codeset, message: loaded.message };
      problems.push(loaded.error);
      failed = loaded.error;
    }
    const base = this.baseIndex(problems);
    let codeset = base.codeset;
    // an ASP folder given alone applies over the base set (its quarters added to any it has)
    if (aspPath && !releasePath) {
      const asp = readAspQuarters(aspPath);
      appendAll(problems, asp.notes);
      if (asp.quarters.length > 0) codeset = base.codeset.withAspQuarters(asp.quarters.map((q) => aspTablesOf(compileAsp(q))));
    }
    const message = [...problems, base.from ? `Loaded ${codeset.release.label} from ${base.from}.` : ''].filter(Boolean).join(' ') || undefined;
    const warning = failed ? `${failed} Using ${codeset.release.label} instead.` : undefined;
    return warning ? { codeset, message, warning, error: failed } : { codeset, message };
  }

  /** the user's last load, else the build-time index (its tables read when first asked), else the core set */
  private baseIndex(problems: string[]): { codeset: DatedCodeSet; from?: string } {
    const latest = this.cache.latest();
    if (latest) return { codeset: latest, from: 'the cache of the last load' };
    const file = join(this.options.distDir ?? __dirname, CACHE_FILE);
    const open = openGuarded(file, 'release');
    if (open.ok) {
      try {
        return { codeset: indexFromFile(open.fd, open.size, { name: file, limit: FILE_BYTES.release, onLateError: this.options.log }), from: file };
      } catch (error) {
        problems.push(`${file} could not be loaded (${errorText(error)}).`);
      }
    } else if (!open.missing) problems.push(open.error);
    return { codeset: loadIndex(coreIndex as unknown as CompiledIndex) };
  }

  /**
   * Import a CMS release file or a folder of releases (and optionally ASP quarters), cache the
   * compiled index, return it. Releases that do not look whole are refused unless `confirmed`.
   */
  loadReleaseFile(path: string, aspPath?: string, options: { confirmed?: boolean } = {}): LoadResult {
    const read = readSources(path, aspPath);
    if (!read.ok) return read;
    // the cache is keyed by content (and the compiler): whatever the path or time stamp, the same bytes give the same index
    const key = sourcesKey(read.releases.map((r) => r.bytes), read.aspBytes, this.options.compilerFile ?? __filename);
    const cached = this.cache.load(key);
    if (cached) {
      this.cache.remember(key);
      return { ok: true, codeset: cached, message: [`Loaded ${cached.release.label} (compiled from ${safeName(path)}, cached).`, ...read.notes].join(' ') };
    }
    const compiled = compileSources(read, options.confirmed === true);
    if (!compiled.ok) return compiled;
    const { index, notes } = compiled;
    const codeset = loadIndex(index);
    const cacheProblem = this.cache.save(key, index);
    if (cacheProblem) notes.push(cacheProblem);
    const { release } = codeset;
    const names = (release.releases ?? []).map((r) => `${monthYear(r.id)} (${r.codeCount} codes)`);
    const quarters = (release.aspQuarters ?? []).map((q) => q.label);
    return {
      ok: true,
      codeset,
      message: [
        `Loaded ${names.length > 1 ? `${names.length} HCPCS releases: ${names.join(', ')}` : `${release.label} from ${safeName(basename(read.releases[0]!.file))}: ${release.codeCount} codes, ${release.modifierCount} modifiers`}${quarters.length ? `; ${quarters.join(', ')}` : ''}.`,
        ...notes,
      ].join(' '),
    };
  }
}

/** the cache key of an index: the bytes it is compiled from, and the compiler that compiles them */
export function sourcesKey(releases: Buffer[], asp: (Buffer | undefined)[], compilerFile: string): string {
  return contentKey([...releases, ...asp, Buffer.from(compilerStamp(compilerFile))]);
}

/** the compiler's own time stamp: a rebuilt server does not reuse an index compiled by the old one */
function compilerStamp(file: string): string {
  try {
    return `${file}:${statSync(file).mtimeMs}`;
  } catch {
    return file;
  }
}

interface Sources {
  ok: true;
  releases: { file: string; bytes: Buffer }[];
  /** one entry per ASP quarter folder: its pricing and crosswalk bytes */
  asp: { folder: AspFolder; pricing?: Buffer; crosswalk?: Buffer }[];
  aspBytes: (Buffer | undefined)[];
  notes: string[];
  path: string;
}

/** every release file and ASP file at the paths, read through the guarded reader */
function readSources(path: string, aspPath?: string): Sources | { ok: false; error: string } {
  const files = releaseFiles(path);
  if (!files.ok) return { ok: false, error: files.error };
  const releases: Sources['releases'] = [];
  const notes: string[] = [];
  for (const file of files.value) {
    const read = readGuarded(file, 'release');
    if (read.ok) releases.push({ file, bytes: read.bytes });
    else if (files.value.length === 1) return { ok: false, error: read.error };
    else notes.push(`${read.error} (skipped)`);
  }
  if (releases.length === 0) return { ok: false, error: `No release in ${safeName(path)} could be read: ${notes.join(' ')}` };
  const asp = aspPath ? readAspFiles(aspPath, notes) : [];
  return { ok: true, releases, asp, aspBytes: asp.flatMap((q) => [q.pricing, q.crosswalk]), notes, path };
}

function readAspFiles(aspPath: string, notes: string[]): Sources['asp'] {
  const folders = aspFolders(aspPath);
  if (!folders.ok) {
    notes.push(`${folders.error} Loaded without ASP data.`);
    return [];
  }
  return folders.value.map((folder) => {
    const one = (file: string | undefined): Buffer | undefined => {
      if (!file) return undefined;
      const read = readGuarded(file, 'asp');
      if (!read.ok) notes.push(`${read.error} Loaded without it.`);
      return read.ok ? read.bytes : undefined;
    };
    return { folder, pricing: one(folder.pricing), crosswalk: one(folder.crosswalk) };
  });
}

/** import, check plausibility, compile (one release: a plain index; several, or several ASP quarters: a set) */
function compileSources(read: Sources, confirmed: boolean): { ok: true; index: CompiledIndex | CompiledIndexSet; notes: string[] } | { ok: false; error: string; needsConfirmation?: boolean } {
  const notes = [...read.notes];
  const releases: ImportedRelease[] = [];
  for (const { file, bytes } of read.releases) {
    const name = safeName(basename(file));
    const imported = importRelease(bytes, name);
    if (!imported.ok) {
      if (read.releases.length === 1) return { ok: false, error: imported.error };
      notes.push(`${imported.error} (skipped)`);
      continue;
    }
    const doubts = releaseDoubts(imported.release);
    if (doubts.length && !confirmed) {
      return {
        ok: false,
        needsConfirmation: true,
        error: `${doubtMessage(name, doubts)}; it was not loaded. Load it with "HCPCS: Load CMS release…" and confirm to use it anyway.`,
      };
    }
    if (doubts.length) notes.push(`Loaded as confirmed, although ${doubtMessage(name, doubts)}.`);
    releases.push(imported.release);
  }
  if (releases.length === 0) return { ok: false, error: `No release in ${safeName(read.path)} could be read: ${notes.join(' ')}` };
  const quarters = importAspQuarters(read.asp, notes);
  const index = releases.length === 1 && quarters.length <= 1 ? compileIndex(releases[0]!, quarters[0]) : compileIndexSet(releases, quarters);
  return { ok: true, index, notes };
}

function importAspQuarters(asp: Sources['asp'], notes: string[]): AspData[] {
  const quarters: AspData[] = [];
  for (const { folder, pricing, crosswalk } of asp) {
    if (!pricing && !crosswalk) continue;
    const read = importAsp(pricing, crosswalk);
    if (read.ok) quarters.push(read.asp);
    else notes.push(`ASP files in ${safeName(folder.dir)} not loaded: ${read.error}`);
  }
  return quarters;
}

/** the compiled index of a release file or folder (and ASP quarters), without the cache: for `hcpcs-check compile` */
export function compileFrom(
  path: string,
  aspPath?: string,
  options: { confirmed?: boolean } = {},
): { ok: true; index: CompiledIndex | CompiledIndexSet; notes: string[] } | { ok: false; error: string; needsConfirmation?: boolean } {
  const read = readSources(path, aspPath);
  return read.ok ? compileSources(read, options.confirmed === true) : read;
}

/** every ASP quarter under a path (one folder, or a folder of quarter folders), with notes on what was not loaded */
export function readAspQuarters(aspPath: string): { quarters: AspData[]; notes: string[] } {
  const notes: string[] = [];
  const quarters = importAspQuarters(readAspFiles(aspPath, notes), notes);
  return { quarters, notes };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
