// The code sets tests run against, each built once per test process.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileIndex, loadIndex } from '../../server/src/codeset/index';
import { importRelease } from '../../server/src/codeset/import/release';
import { importAsp } from '../../server/src/codeset/import/asp';
import type { CodeSet } from '../../server/src/codeset/types';
import { aspDir, excerptAspDir, excerptRelease, releaseFile, repoRoot } from './paths';

let core: CodeSet | undefined;
/** the hand-written core set shipped in data/ (what a fresh clone has) */
export function coreCodeSet(): CodeSet {
  core ??= loadIndex(readFileSync(join(repoRoot, 'data/core/codeset.json'), 'utf8'));
  return core;
}

let full: CodeSet | null | undefined;
/**
 * The CMS release (+ ASP files) from HCPCS_RELEASE/HCPCS_ASP or ../shared; without them, the committed
 * excerpt of the same release (test/fixtures/cms), which holds every code the tests name.
 */
export function fullCodeSet(): CodeSet | undefined {
  if (full === undefined) {
    const real = releaseFile();
    const file = real ?? excerptRelease;
    if (!file) full = null;
    else {
      const imported = importRelease(readFileSync(file), basename(file));
      if (!imported.ok) throw new Error(`release import failed: ${imported.error}`);
      // the ASP excerpt may be removed (licence review): the release excerpt alone still loads
      const dir = real ? aspDir() : existsSync(join(excerptAspDir, 'asp_pricing.csv')) ? excerptAspDir : undefined;
      const asp = dir ? importAsp(readFileSync(join(dir, 'asp_pricing.csv')), readFileSync(join(dir, 'asp_crosswalk.csv'))) : undefined;
      if (asp && !asp.ok) throw new Error(`ASP import failed: ${asp.error}`);
      full = loadIndex(compileIndex(imported.release, asp?.asp, { kind: 'full' }));
    }
  }
  return full ?? undefined;
}
