// Finds, imports and caches the code set (entry-side I/O shared by server.ts and the CLI).
// Order at start: an explicit release file -> the index cached from the user's last load ->
// the full index compiled at build time (dist/codeset.json) -> the hand-written core set.
import { appendAll } from '../base/arrays';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CodeSet } from '../codeset/types';
import { compileIndex, compileIndexSet, loadIndex, type CompiledIndex, type CompiledIndexSet } from '../codeset/index';
import { compileAsp } from '../codeset/compiled';
import { importRelease, type ImportedRelease } from '../codeset/import/release';
import { importAsp, type AspData } from '../codeset/import/asp';
import { monthYear } from '../codeset/import/release-name';
import { aspFolders, releaseFiles } from './release-sources';
import coreIndex from '../../../data/core/codeset.json';

/** Release files are data only: anything bigger is refused before it is read. */
export const MAX_RELEASE_BYTES = 64 * 1024 * 1024;
const CACHE_FILE = 'codeset.json';

export type LoadResult = { ok: true; codeset: CodeSet; message: string } | { ok: false; error: string };

export interface StoreOptions {
  /** folder where the compiled index of a user-loaded release is cached (VS Code's global storage) */
  storagePath?: string;
  log?: (message: string) => void;
  /** folder of the bundles (dist/), where a build-time index may sit */
  distDir?: string;
  /** the file whose change makes cached indexes stale (default: this bundle) */
  compilerFile?: string;
}

export class CodeSetStore {
  constructor(private readonly options: StoreOptions = {}) {}

  private get compilerFile(): string {
    return this.options.compilerFile ?? __filename;
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
      // the index compiled from these very files is reused: importing them again costs seconds
      const cached = this.cachedIndexOf(releasePath, aspPath);
      if (cached) return { codeset: cached, message: `Loaded ${cached.release.label} (compiled from ${releasePath}, cached).` };
      const loaded = this.loadReleaseFile(releasePath, aspPath);
      if (loaded.ok) return { codeset: loaded.codeset, message: loaded.message };
      problems.push(loaded.error);
      failed = loaded.error;
    }
    let base: { index: CompiledIndex | CompiledIndexSet; from: string } = { index: coreIndex as unknown as CompiledIndex, from: 'the built-in core set' };
    for (const file of [this.cacheFile(), join(this.options.distDir ?? __dirname, CACHE_FILE)]) {
      if (!file || !existsSync(file)) continue;
      try {
        const index = JSON.parse(readFileSync(file, 'utf8'));
        loadIndex(index);
        base = { index, from: file };
        break;
      } catch (error) {
        problems.push(`${file} could not be loaded (${errorText(error)}).`);
      }
    }
    let codeset = loadIndex(base.index);
    // an ASP folder given alone applies over the base set (its quarters added to any it has)
    if (aspPath && !releasePath) {
      const asp = readAspQuarters(aspPath);
      appendAll(problems, asp.notes);
      if (asp.quarters.length > 0) codeset = loadIndex(withAspQuarters(base.index, asp.quarters));
    }
    const message = [...problems, base.from.startsWith('the built-in') ? '' : `Loaded ${codeset.release.label} from ${base.from}.`].filter(Boolean).join(' ') || undefined;
    const warning = failed ? `${failed} Using ${codeset.release.label} instead.` : undefined;
    return warning ? { codeset, message, warning, error: failed } : { codeset, message };
  }

  /** Import a CMS release file or a folder of releases (and optionally ASP quarters), cache the compiled index, return it. */
  loadReleaseFile(path: string, aspPath?: string): LoadResult {
    const compiled = compileFrom(path, aspPath);
    if (!compiled.ok) return compiled;
    const { index, notes, files } = compiled;
    const codeset = loadIndex(index);
    this.writeCache(index, sourceStamp(path, aspPath, this.compilerFile), notes);
    const { release } = codeset;
    const names = (release.releases ?? []).map((r) => `${monthYear(r.id)} (${r.codeCount} codes)`);
    const quarters = (release.aspQuarters ?? []).map((q) => q.label);
    return {
      ok: true,
      codeset,
      message: [
        `Loaded ${names.length > 1 ? `${names.length} HCPCS releases: ${names.join(', ')}` : `${release.label} from ${basename(files[0])}: ${release.codeCount} codes, ${release.modifierCount} modifiers`}${quarters.length ? `; ${quarters.join(', ')}` : ''}.`,
        ...notes,
      ].join(' '),
    };
  }

  private cacheFile(): string | undefined {
    return this.options.storagePath ? join(this.options.storagePath, CACHE_FILE) : undefined;
  }

  /** the cached index, when it was compiled from this release file (and ASP folder) as they are now */
  private cachedIndexOf(releasePath: string, aspPath?: string): CodeSet | undefined {
    const file = this.cacheFile();
    const stamp = sourceStamp(releasePath, aspPath, this.compilerFile);
    if (!file || !stamp) return undefined;
    try {
      if (readFileSync(`${file}${STAMP_SUFFIX}`, 'utf8') !== stamp) return undefined;
      return loadIndex(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** write-then-rename, so a crash never leaves a half-written cache behind; the stamp says what it was compiled from */
  private writeCache(index: CompiledIndex | CompiledIndexSet, stamp: string | undefined, notes: string[]): void {
    const file = this.cacheFile();
    if (!file) return;
    try {
      mkdirSync(this.options.storagePath!, { recursive: true });
      rmSync(`${file}${STAMP_SUFFIX}`, { force: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(index));
      renameSync(`${file}.tmp`, file);
      if (stamp) writeFileSync(`${file}${STAMP_SUFFIX}`, stamp);
    } catch (error) {
      notes.push(`The index could not be cached in ${file} (${errorText(error)}); it will be read again next time.`);
    }
  }
}

const STAMP_SUFFIX = '.source';

/** which files, at which size and time, an index is compiled from; undefined when one cannot be read */
function sourceStamp(releasePath: string, aspPath: string | undefined, compilerFile: string): string | undefined {
  try {
    const found = releaseFiles(releasePath);
    const asp = aspPath ? aspFolders(aspPath) : undefined;
    const aspFiles = asp?.ok ? asp.value.flatMap((f) => [f.pricing, f.crosswalk].filter((x): x is string => !!x)) : aspPath ? [resolve(aspPath)] : [];
    const files = [...(found.ok ? found.value : [resolve(releasePath)]), ...aspFiles];
    // the code that compiled it counts too: a new drug model must not reuse an index compiled by the old one
    const compiler = existsSync(compilerFile) ? [compilerFile, statSync(compilerFile).mtimeMs] : [];
    return JSON.stringify([compiler, ...files.map((f) => (existsSync(f) ? [f, statSync(f).size, statSync(f).mtimeMs] : [f]))]);
  } catch {
    return undefined;
  }
}

/** the compiled index of a release file or folder (one release: a plain index; several, or several ASP quarters: a set) */
export function compileFrom(
  path: string,
  aspPath?: string,
): { ok: true; index: CompiledIndex | CompiledIndexSet; notes: string[]; files: string[] } | { ok: false; error: string } {
  const files = releaseFiles(path);
  if (!files.ok) return { ok: false, error: files.error };
  const releases: ImportedRelease[] = [];
  const notes: string[] = [];
  for (const file of files.value) {
    const one = readRelease(file);
    if (one.ok) releases.push(one.release);
    else if (files.value.length === 1) return { ok: false, error: one.error };
    else notes.push(`${one.error} (skipped)`);
  }
  if (releases.length === 0) return { ok: false, error: `No release in ${path} could be read: ${notes.join(' ')}` };
  const asp = aspPath ? readAspQuarters(aspPath) : { quarters: [], notes: [] };
  appendAll(notes, asp.notes);
  const index = releases.length === 1 && asp.quarters.length <= 1 ? compileIndex(releases[0], asp.quarters[0]) : compileIndexSet(releases, asp.quarters);
  return { ok: true, index, notes, files: files.value };
}

/** one release file, size-checked and imported */
function readRelease(path: string): { ok: true; release: ImportedRelease } | { ok: false; error: string } {
  const name = basename(path);
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    // a FIFO or device would block the read forever: only regular files are data
    if (!stat.isFile()) return { ok: false, error: `${name} is not a regular file; it was not loaded.` };
    if (stat.size > MAX_RELEASE_BYTES) {
      return { ok: false, error: `${name} is ${(stat.size / 1048576).toFixed(0)} MB, larger than any CMS release file; it was not loaded.` };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, error: `${name} cannot be read (${errorText(error)}).` };
  }
  const imported = importRelease(bytes, name);
  return imported.ok ? { ok: true, release: imported.release } : { ok: false, error: imported.error };
}

/** every ASP quarter under a path (one folder, or a folder of quarter folders), with notes on what was not loaded */
export function readAspQuarters(aspPath: string): { quarters: AspData[]; notes: string[] } {
  const folders = aspFolders(aspPath);
  if (!folders.ok) return { quarters: [], notes: [`${folders.error} Loaded without ASP data.`] };
  const quarters: AspData[] = [];
  const notes: string[] = [];
  for (const f of folders.value) {
    try {
      const read = importAsp(f.pricing ? readFileSync(f.pricing) : undefined, f.crosswalk ? readFileSync(f.crosswalk) : undefined);
      if (read.ok) quarters.push(read.asp);
      else notes.push(`ASP files in ${f.dir} not loaded: ${read.error}`);
    } catch (error) {
      notes.push(`ASP files in ${f.dir} cannot be read (${errorText(error)}).`);
    }
  }
  return { quarters, notes };
}

/** a compiled base (one release or a set) with ASP quarters added; a quarter loaded again replaces the old one */
function withAspQuarters(base: CompiledIndex | CompiledIndexSet, quarters: AspData[]): CompiledIndexSet {
  const added = quarters.map(compileAsp);
  const ids = new Set(added.map((q) => q.id ?? q.label));
  if (base.format === 'hcpcs-index-set') {
    const set = base as CompiledIndexSet;
    return { ...set, asp: [...set.asp.filter((q) => !ids.has(q.id ?? q.label)), ...added] };
  }
  const one = base as CompiledIndex;
  const own = one.asp && !ids.has(one.asp.id ?? one.asp.label) ? [one.asp] : [];
  return { format: 'hcpcs-index-set', version: one.version, releases: [{ ...one, asp: undefined }], asp: [...own, ...added] };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
