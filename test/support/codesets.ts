// The code sets tests run against, each built once per test process (and the multi-release set
// compiled once per machine: cached in out/.test-cache until its files change).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileIndex, loadIndex } from '../../server/src/codeset/index';
import { importRelease } from '../../server/src/codeset/import/release';
import { importAsp } from '../../server/src/codeset/import/asp';
import type { CodeSet } from '../../server/src/codeset/types';
import { CodeSetStore, compileFrom } from '../../server/src/node/codeset-store';
import { aspPath, excerptAsp, excerptReleases, octoberAsp, octoberRelease, releasePath, repoRoot } from './paths';

let core: CodeSet | undefined;
/** the hand-written core set shipped in data/ (what a fresh clone has) */
export function coreCodeSet(): CodeSet {
  core ??= loadIndex(readFileSync(join(repoRoot, 'data/core/codeset.json'), 'utf8'));
  return core;
}

let full: CodeSet | undefined;
/**
 * every CMS release and ASP quarter (HCPCS_RELEASE/HCPCS_ASP, else ../shared's folders); without them
 * the committed excerpts of the same releases and quarters (test/fixtures/cms), which hold every code
 * the tests name. A test that goes through every code needs the real files: see needs.ts.
 */
export function fullCodeSet(): CodeSet {
  if (full === undefined) {
    const path = releasePath();
    if (path) {
      // cached across test processes until the release files or the built server change
      const store = new CodeSetStore({
        storagePath: join(repoRoot, 'out', '.test-cache'),
        distDir: join(repoRoot, 'out', '.no-dist'),
        compilerFile: join(repoRoot, 'dist', 'server.js'),
      });
      const loaded = store.loadAtStartup({ releasePath: path, aspPath: aspPath() });
      if (loaded.warning) throw new Error(`release load failed: ${loaded.warning}`);
      full = loaded.codeset;
    } else {
      // an excerpt does not look like a whole release: loaded as the user confirms one
      const compiled = compileFrom(excerptReleases, excerptAsp, { confirmed: true });
      if (!compiled.ok) throw new Error(`excerpt load failed: ${compiled.error}`);
      full = loadIndex(compiled.index);
    }
  }
  return full;
}

let october: CodeSet | undefined;
/**
 * only the October 2025 release with its ASP quarter: for tests written against that release; without
 * ../shared, the committed excerpt of the same release (test/fixtures/cms), which holds every code the
 * tests name
 */
export function octoberCodeSet(): CodeSet {
  if (october === undefined) {
    const file = octoberRelease();
    const imported = importRelease(readFileSync(file), basename(file));
    if (!imported.ok) throw new Error(`release import failed: ${imported.error}`);
    const dir = octoberAsp();
    const asp = importAsp(readFileSync(join(dir, 'asp_pricing.csv')), readFileSync(join(dir, 'asp_crosswalk.csv')));
    if (!asp.ok) throw new Error(`ASP import failed: ${asp.error}`);
    october = loadIndex(compileIndex(imported.release, asp.asp, { kind: 'full' }));
  }
  return october;
}
