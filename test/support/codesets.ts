// The code sets tests run against, each built once per test process (and the multi-release set
// compiled once per machine: cached in out/.test-cache until its files change).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileIndex, loadIndex } from '../../server/src/codeset/index';
import { importRelease } from '../../server/src/codeset/import/release';
import { importAsp } from '../../server/src/codeset/import/asp';
import type { CodeSet } from '../../server/src/codeset/types';
import { CodeSetStore } from '../../server/src/node/codeset-store';
import { aspDir, aspPath, excerptAspDir, excerptRelease, releaseFile, releasePath, repoRoot } from './paths';

let core: CodeSet | undefined;
/** the hand-written core set shipped in data/ (what a fresh clone has) */
export function coreCodeSet(): CodeSet {
  core ??= loadIndex(readFileSync(join(repoRoot, 'data/core/codeset.json'), 'utf8'));
  return core;
}

let full: CodeSet | null | undefined;
/** every CMS release and ASP quarter (HCPCS_RELEASE/HCPCS_ASP, else ../shared's folders); undefined when absent */
export function fullCodeSet(): CodeSet | undefined {
  if (full === undefined) {
    const path = releasePath();
    if (!path) full = null;
    else {
      // cached across test processes until the release files or the built server change
      const store = new CodeSetStore({
        storagePath: join(repoRoot, 'out', '.test-cache'),
        distDir: join(repoRoot, 'out', '.no-dist'),
        compilerFile: join(repoRoot, 'dist', 'server.js'),
      });
      const loaded = store.loadAtStartup({ releasePath: path, aspPath: aspPath() });
      if (loaded.warning) throw new Error(`release load failed: ${loaded.warning}`);
      full = loaded.codeset;
    }
  }
  return full ?? undefined;
}

let october: CodeSet | null | undefined;
/**
 * only the October 2025 release with its ASP quarter: for tests written against that release; without
 * ../shared, the committed excerpt of the same release (test/fixtures/cms), which holds every code the
 * tests name
 */
export function octoberCodeSet(): CodeSet | undefined {
  if (october === undefined) {
    const real = releaseFile();
    const file = real ?? excerptRelease;
    if (!file) october = null;
    else {
      const imported = importRelease(readFileSync(file), basename(file));
      if (!imported.ok) throw new Error(`release import failed: ${imported.error}`);
      // the ASP excerpt may be removed (licence review): the release excerpt alone still loads
      const dir = real ? aspDir() : existsSync(join(excerptAspDir, 'asp_pricing.csv')) ? excerptAspDir : undefined;
      const asp = dir ? importAsp(readFileSync(join(dir, 'asp_pricing.csv')), readFileSync(join(dir, 'asp_crosswalk.csv'))) : undefined;
      if (asp && !asp.ok) throw new Error(`ASP import failed: ${asp.error}`);
      october = loadIndex(compileIndex(imported.release, asp?.asp, { kind: 'full' }));
    }
  }
  return october ?? undefined;
}
