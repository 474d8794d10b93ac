// Finds, imports and caches the code set (entry-side I/O shared by server.ts and the CLI).
// Order at start: an explicit release file -> the index cached from the user's last load ->
// the full index compiled at build time (dist/codeset.json) -> the hand-written core set.
import { basename, join } from 'node:path';
import type { CodeSet } from '../codeset/types';
import { compileIndex, loadIndex, type CompiledIndex } from '../codeset/index';
import { importRelease } from '../codeset/import/release';
import { importAsp } from '../codeset/import/asp';
import { doubtMessage, releaseDoubts } from '../codeset/import/plausibility';
import coreIndex from '../../../data/core/codeset.json';
import { readGuarded } from './guarded-read';
import { contentKey, ReleaseCache } from './release-cache';
import { safeName } from '../safe-text';

const CACHE_FILE = 'codeset.json';

export type LoadResult =
  | { ok: true; codeset: CodeSet; message: string }
  | { ok: false; error: string; /** the file imported but does not look whole: loading it needs the user's word */ needsConfirmation?: boolean };

export interface StoreOptions {
  /** folder where the compiled index of a user-loaded release is cached (VS Code's global storage) */
  storagePath?: string;
  log?: (message: string) => void;
  /** folder of the bundles (dist/), where a build-time index may sit */
  distDir?: string;
}

export class CodeSetStore {
  private readonly cache: ReleaseCache;

  constructor(private readonly options: StoreOptions = {}) {
    this.cache = new ReleaseCache(options.storagePath);
  }

  static initialCodeSet(): CodeSet {
    return loadIndex(coreIndex as unknown as CompiledIndex);
  }

  /** The best code set available at start; never fails (the core set is always there). */
  loadAtStartup(request: { releasePath?: string; aspPath?: string }): { codeset: CodeSet; message?: string } {
    const { releasePath, aspPath } = request;
    const problems: string[] = [];
    if (releasePath) {
      // the index compiled from these very bytes is reused (see loadReleaseFile)
      const loaded = this.loadReleaseFile(releasePath, aspPath);
      if (loaded.ok) return { codeset: loaded.codeset, message: loaded.message };
      problems.push(loaded.error);
    }
    const latest = this.cache.latest();
    if (latest) return { codeset: latest, message: [...problems, `Loaded ${latest.release.label} (cached from the last load).`].join(' ') };
    const file = join(this.options.distDir ?? __dirname, CACHE_FILE);
    const read = readGuarded(file, 'release');
    if (read.ok) {
      try {
        const codeset = loadIndex(read.bytes.toString('utf8'));
        return { codeset, message: [...problems, `Loaded ${codeset.release.label} from ${file}.`].join(' ') };
      } catch (error) {
        problems.push(`${file} could not be loaded (${errorText(error)}).`);
      }
    } else if (!read.missing) problems.push(read.error);
    return { codeset: CodeSetStore.initialCodeSet(), message: problems.join(' ') || undefined };
  }

  /**
   * Import a CMS release (and optionally the ASP folder), cache the compiled index, return it. A
   * release that does not look whole is refused unless `confirmed` (the user said to load it anyway).
   */
  loadReleaseFile(path: string, aspPath?: string, options: { confirmed?: boolean } = {}): LoadResult {
    const name = safeName(basename(path));
    const read = readGuarded(path, 'release');
    if (!read.ok) return { ok: false, error: read.error };
    const bytes = read.bytes;

    const notes: string[] = [];
    let pricing: Buffer | undefined;
    let crosswalk: Buffer | undefined;
    if (aspPath) {
      const readAsp = (file: string): Buffer | undefined => {
        const asp = readGuarded(join(aspPath, file), 'asp');
        if (!asp.ok && !asp.missing) notes.push(`${asp.error} Loaded without it.`);
        return asp.ok ? asp.bytes : undefined;
      };
      pricing = readAsp('asp_pricing.csv');
      crosswalk = readAsp('asp_crosswalk.csv');
    }
    // the cache is keyed by content: whatever the path or time stamp, the same bytes give the same index
    const key = contentKey([bytes, pricing, crosswalk]);
    const cached = this.cache.load(key);
    if (cached) {
      this.cache.remember(key);
      return { ok: true, codeset: cached, message: [`Loaded ${cached.release.label} (compiled from ${path}, cached).`, ...notes].join(' ') };
    }

    const imported = importRelease(bytes, name);
    if (!imported.ok) return { ok: false, error: imported.error };
    const doubts = releaseDoubts(imported.release);
    if (doubts.length && !options.confirmed) {
      return {
        ok: false,
        needsConfirmation: true,
        error: `${doubtMessage(name, doubts)}; it was not loaded. Load it with "HCPCS: Load CMS release…" and confirm to use it anyway.`,
      };
    }
    if (doubts.length) notes.push(`Loaded as confirmed, although ${doubtMessage(name, doubts)}.`);

    let asp;
    if (aspPath) {
      if (!pricing && !crosswalk) notes.push(`No readable asp_pricing.csv or asp_crosswalk.csv in ${safeName(aspPath)}; loaded without ASP data.`);
      else {
        const aspRead = importAsp(pricing, crosswalk);
        if (aspRead.ok) asp = aspRead.asp;
        else notes.push(`ASP files not loaded: ${aspRead.error}`);
      }
    }
    const index = compileIndex(imported.release, asp);
    const codeset = loadIndex(index);
    const cacheProblem = this.cache.save(key, index);
    if (cacheProblem) notes.push(cacheProblem);
    const { release } = codeset;
    return {
      ok: true,
      codeset,
      message: [`Loaded ${release.label} from ${name}: ${release.codeCount} codes, ${release.modifierCount} modifiers${release.asp ? `, ${release.asp}` : ''}.`, ...notes].join(' '),
    };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
