// Where tests find the repository and the shared CMS data / samples.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** the repository root, found from the bundled test's location (out/test/...) or the cwd */
export const repoRoot: string = (() => {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
})();

/** ../shared beside the clone (a git worktree one level deeper finds it one level up); HCPCS_SHARED points elsewhere */
export const sharedDir: string =
  process.env.HCPCS_SHARED ?? [resolve(repoRoot, '..', 'shared'), resolve(repoRoot, '..', '..', 'shared')].find((d) => existsSync(d)) ?? resolve(repoRoot, '..', 'shared');

const existing = (p: string): string | undefined => (existsSync(p) ? p : undefined);

/** every loaded release: env HCPCS_RELEASE (a file or a folder), else ../shared's folder of releases */
export function releasePath(): string | undefined {
  return existing(process.env.HCPCS_RELEASE ?? join(sharedDir, 'cms/hcpcs'));
}

/** every ASP quarter: env HCPCS_ASP (one quarter or a folder of quarters), else ../shared's ASP folder */
export function aspPath(): string | undefined {
  return existing(process.env.HCPCS_ASP ?? join(sharedDir, 'cms/asp'));
}

/** the October 2025 release (.csv), for tests written against that release's rows */
export function releaseFile(): string | undefined {
  return existing(join(sharedDir, 'cms/hcpcs/2025-10/HCPC2025_OCT_ANWEB.csv'));
}

/** the October 2025 ASP folder, for tests written against that quarter's rows */
export function aspDir(): string | undefined {
  return existing(join(sharedDir, 'cms/asp/2025-10'));
}

/** a named release of ../shared: '2025-10', '2026-01', '2026-07' */
export function sharedRelease(id: string): string | undefined {
  const file = { '2025-10': '2025-10/HCPC2025_OCT_ANWEB.csv', '2026-01': '2026-01/HCPC2026_JAN_ANWEB_01122026.xlsx', '2026-07': '2026-07/HCPC2026_JUL_ANWEB_06172026.xlsx' }[id];
  return file ? existing(join(sharedDir, 'cms/hcpcs', file)) : undefined;
}

/**
 * Small real excerpts of the three releases and two ASP quarters (test/fixtures/cms, made by
 * scripts/make-test-excerpt.ts): every code the tests, docs and core set name, with its
 * four-character neighbours, and all Level II modifiers. Tests that need facts of named codes use
 * them when the full files are absent; tests that go through every code need the full files
 * (needs.ts says which and why).
 */
export const excerptReleases = fixture('cms', 'hcpcs');
export const excerptAsp = fixture('cms', 'asp');
export const excerptRelease = join(excerptReleases, '2025-10', 'HCPC2025_OCT_ANWEB.excerpt.csv');
export const excerptAspDir = join(excerptAsp, '2025-10');

/** the October 2025 release: ../shared's .csv, else its committed excerpt */
export function octoberRelease(): string {
  return releaseFile() ?? excerptRelease;
}

/** the October 2025 ASP quarter folder: ../shared's, else its committed excerpt */
export function octoberAsp(): string {
  return aspDir() ?? excerptAspDir;
}

/** every release (HCPCS_RELEASE or ../shared's folder), else the folder of committed excerpts */
export function releasesOrExcerpts(): string {
  return releasePath() ?? excerptReleases;
}

/** the ASP quarters that go with releasesOrExcerpts(): the real ones beside real releases, else the excerpts */
export function aspOrExcerpts(): string | undefined {
  return releasePath() ? aspPath() : excerptAsp;
}

/** the real sample claims (../shared/samples), or undefined */
export function samplesDir(): string | undefined {
  const p = join(sharedDir, 'samples');
  return existsSync(p) ? p : undefined;
}

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'test', 'fixtures', ...parts);
}
