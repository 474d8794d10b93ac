// The code sets the benchmark runs with. Full release: the index compiled at build time
// (dist/codeset.json, made when HCPCS_RELEASE is set), else compiled here from the CMS files
// (HCPCS_RELEASE / HCPCS_ASP or ../shared) with the project's own importer. Core: data/core.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileIndex, loadIndex } from '../../server/src/codeset/index';
import { importRelease } from '../../server/src/codeset/import/release';
import { importAsp } from '../../server/src/codeset/import/asp';
import { aspDir, releaseFile, repoRoot } from '../../test/support/paths';
import { now } from './timing';

export interface IndexText {
  /** the compiled index as JSON text, as the server reads it from disk */
  json: string;
  /** where it came from, for the report */
  source: string;
  /** ms spent importing + compiling here (when not prebuilt) */
  compileMs?: number;
}

export function fullIndex(): IndexText | undefined {
  const prebuilt = join(repoRoot, 'dist', 'codeset.json');
  let stale = '';
  if (existsSync(prebuilt)) {
    const json = readFileSync(prebuilt, 'utf8');
    try {
      loadIndex(json);
      return { json, source: 'dist/codeset.json (built with HCPCS_RELEASE)' };
    } catch (error) {
      stale = ` (dist/codeset.json not loadable: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const release = releaseFile();
  if (!release) return undefined;
  const t0 = now();
  const imported = importRelease(readFileSync(release), basename(release));
  if (!imported.ok) throw new Error(`cannot import ${release}: ${imported.error}`);
  const dir = aspDir();
  const read = (file: string) => (dir && existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : undefined);
  const asp = dir ? importAsp(read('asp_pricing.csv'), read('asp_crosswalk.csv')) : undefined;
  if (asp && !asp.ok) throw new Error(`cannot import the ASP files in ${dir}: ${asp.error}`);
  const json = JSON.stringify(compileIndex(imported.release, asp?.asp));
  return {
    json,
    source: `compiled in-process from ${basename(release)}${asp ? ' + ASP' : ''}${stale}`,
    compileMs: now() - t0,
  };
}

export function coreIndex(): IndexText {
  const file = join(repoRoot, 'data', 'core', 'codeset.json');
  return { json: readFileSync(file, 'utf8'), source: 'data/core/codeset.json' };
}
