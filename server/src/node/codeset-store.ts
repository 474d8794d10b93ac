// Finds, imports and caches the code set (entry-side I/O shared by server.ts and the CLI).
// Order at start: an explicit release file -> the index cached from the user's last load ->
// the full index compiled at build time (dist/codeset.json) -> the hand-written core set.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CodeSet } from '../codeset/types';
import { compileIndex, loadIndex, type CompiledIndex } from '../codeset/index';
import { importRelease } from '../codeset/import/release';
import { importAsp } from '../codeset/import/asp';
import coreIndex from '../../../data/core/codeset.json';
import { readGuarded } from './guarded-read';

const CACHE_FILE = 'codeset.json';

export type LoadResult = { ok: true; codeset: CodeSet; message: string } | { ok: false; error: string };

export interface StoreOptions {
  /** folder where the compiled index of a user-loaded release is cached (VS Code's global storage) */
  storagePath?: string;
  log?: (message: string) => void;
  /** folder of the bundles (dist/), where a build-time index may sit */
  distDir?: string;
}

export class CodeSetStore {
  constructor(private readonly options: StoreOptions = {}) {}

  static initialCodeSet(): CodeSet {
    return loadIndex(coreIndex as unknown as CompiledIndex);
  }

  /** The best code set available at start; never fails (the core set is always there). */
  loadAtStartup(request: { releasePath?: string; aspPath?: string }): { codeset: CodeSet; message?: string } {
    const { releasePath, aspPath } = request;
    const problems: string[] = [];
    if (releasePath) {
      // the index compiled from this very file is reused: importing it again costs a second or more
      const cached = this.cachedIndexOf(releasePath, aspPath);
      if (cached) return { codeset: cached, message: `Loaded ${cached.release.label} (compiled from ${releasePath}, cached).` };
      const loaded = this.loadReleaseFile(releasePath, aspPath);
      if (loaded.ok) return { codeset: loaded.codeset, message: loaded.message };
      problems.push(loaded.error);
    }
    for (const file of [this.cacheFile(), join(this.options.distDir ?? __dirname, CACHE_FILE)]) {
      if (!file || !existsSync(file)) continue;
      try {
        const codeset = loadIndex(readFileSync(file, 'utf8'));
        return { codeset, message: [...problems, `Loaded ${codeset.release.label} from ${file}.`].join(' ') };
      } catch (error) {
        problems.push(`${file} could not be loaded (${errorText(error)}).`);
      }
    }
    return { codeset: CodeSetStore.initialCodeSet(), message: problems.join(' ') || undefined };
  }

  /** Import a CMS release (and optionally the ASP folder), cache the compiled index, return it. */
  loadReleaseFile(path: string, aspPath?: string): LoadResult {
    const name = basename(path);
    const read = readGuarded(path, 'release');
    if (!read.ok) return { ok: false, error: read.error };
    const bytes = read.bytes;
    const imported = importRelease(bytes, name);
    if (!imported.ok) return { ok: false, error: imported.error };

    let asp;
    const notes: string[] = [];
    if (aspPath) {
      const read = (file: string): Buffer | undefined => {
        const asp = readGuarded(join(aspPath, file), 'asp');
        if (!asp.ok && !asp.missing) notes.push(`${asp.error} Loaded without it.`);
        return asp.ok ? asp.bytes : undefined;
      };
      const pricing = read('asp_pricing.csv');
      const crosswalk = read('asp_crosswalk.csv');
      if (!pricing && !crosswalk) notes.push(`No asp_pricing.csv or asp_crosswalk.csv in ${aspPath}; loaded without ASP data.`);
      else {
        const aspRead = importAsp(pricing, crosswalk);
        if (aspRead.ok) asp = aspRead.asp;
        else notes.push(`ASP files not loaded: ${aspRead.error}`);
      }
    }
    const index = compileIndex(imported.release, asp);
    const codeset = loadIndex(index);
    this.writeCache(index, sourceStamp(path, aspPath), notes);
    const { release } = codeset;
    return {
      ok: true,
      codeset,
      message: [`Loaded ${release.label} from ${name}: ${release.codeCount} codes, ${release.modifierCount} modifiers${release.asp ? `, ${release.asp}` : ''}.`, ...notes].join(' '),
    };
  }

  private cacheFile(): string | undefined {
    return this.options.storagePath ? join(this.options.storagePath, CACHE_FILE) : undefined;
  }

  /** the cached index, when it was compiled from this release file (and ASP folder) as they are now */
  private cachedIndexOf(releasePath: string, aspPath?: string): CodeSet | undefined {
    const file = this.cacheFile();
    const stamp = sourceStamp(releasePath, aspPath);
    if (!file || !stamp) return undefined;
    try {
      if (readFileSync(`${file}${STAMP_SUFFIX}`, 'utf8') !== stamp) return undefined;
      return loadIndex(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** write-then-rename, so a crash never leaves a half-written cache behind; the stamp says what it was compiled from */
  private writeCache(index: CompiledIndex, stamp: string | undefined, notes: string[]): void {
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
function sourceStamp(releasePath: string, aspPath?: string): string | undefined {
  try {
    const files = [resolve(releasePath), ...(aspPath ? ['asp_pricing.csv', 'asp_crosswalk.csv'].map((f) => resolve(aspPath, f)) : [])];
    return JSON.stringify(files.map((f) => (existsSync(f) ? [f, statSync(f).size, statSync(f).mtimeMs] : [f])));
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
