// Finds, imports and caches the code set (entry-side I/O shared by server.ts and the CLI).
// Order at start: an explicit release file -> the index cached from the user's last load ->
// the full index compiled at build time (dist/codeset.json) -> the hand-written core set.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CodeSet } from '../codeset/types';
import { compileIndex, loadIndex, type CompiledIndex } from '../codeset/index';
import { importRelease } from '../codeset/import/release';
import { importAsp } from '../codeset/import/asp';
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
      const loaded = this.loadReleaseFile(releasePath, aspPath, { cache: false });
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
  loadReleaseFile(path: string, aspPath?: string, { cache = true } = {}): LoadResult {
    const name = basename(path);
    let bytes: Buffer;
    try {
      const stat = statSync(path);
      const size = stat.size;
      // a FIFO or device would block the read forever: only regular files are data
      if (!stat.isFile()) return { ok: false, error: `${name} is not a regular file; it was not loaded.` };
      if (size > MAX_RELEASE_BYTES) {
        return { ok: false, error: `${name} is ${(size / 1048576).toFixed(0)} MB, larger than any CMS release file; it was not loaded.` };
      }
      bytes = readFileSync(path);
    } catch (error) {
      return { ok: false, error: `${name} cannot be read (${errorText(error)}).` };
    }
    const imported = importRelease(bytes, name);
    if (!imported.ok) return { ok: false, error: imported.error };

    let asp;
    const notes: string[] = [];
    if (aspPath) {
      const read = (file: string) => (existsSync(join(aspPath, file)) ? readFileSync(join(aspPath, file)) : undefined);
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
    if (cache) this.writeCache(index, notes);
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

  /** write-then-rename, so a crash never leaves a half-written cache behind */
  private writeCache(index: CompiledIndex, notes: string[]): void {
    const file = this.cacheFile();
    if (!file) return;
    try {
      mkdirSync(this.options.storagePath!, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(index));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      notes.push(`The index could not be cached in ${file} (${errorText(error)}); it will be read again next time.`);
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
