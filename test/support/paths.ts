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

/** ../shared beside the repository; HCPCS_SHARED points elsewhere (a git worktree one level deeper) */
export const sharedDir: string = process.env.HCPCS_SHARED ?? resolve(repoRoot, '..', 'shared');

/** the CMS HCPCS release file (env HCPCS_RELEASE, else ../shared's Oct 2025 csv), or undefined */
export function releaseFile(): string | undefined {
  const p = process.env.HCPCS_RELEASE ?? join(sharedDir, 'cms/hcpcs/2025-10/HCPC2025_OCT_ANWEB.csv');
  return existsSync(p) ? p : undefined;
}

/** the ASP folder (env HCPCS_ASP, else ../shared's Oct 2025 folder), or undefined */
export function aspDir(): string | undefined {
  const p = process.env.HCPCS_ASP ?? join(sharedDir, 'cms/asp/2025-10');
  return existsSync(p) ? p : undefined;
}

/**
 * A small real excerpt of the October 2025 release and ASP files (test/fixtures/cms, made by
 * scripts/make-test-excerpt.mjs): every code the tests name, with its four-character neighbours, and
 * all Level II modifiers. Tests that need facts of one code use it when the full release is absent.
 */
export const excerptRelease = join(repoRoot, 'test', 'fixtures', 'cms', 'HCPC2025_OCT_ANWEB.excerpt.csv');
export const excerptAspDir = join(repoRoot, 'test', 'fixtures', 'cms', 'asp');

/** the real sample claims (../shared/samples), or undefined */
export function samplesDir(): string | undefined {
  const p = join(sharedDir, 'samples');
  return existsSync(p) ? p : undefined;
}

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'test', 'fixtures', ...parts);
}
