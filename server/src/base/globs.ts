// File globs in settings and on the command line ('*.md', 'notes/**', '**/*.{csv,psv}'), matched
// against a path's tail: a pattern without a leading '/' may start at any folder, so the same
// pattern works for an editor URI, an absolute path and a path relative to the folder walked.
export type PathMatcher = (path: string) => boolean;

const MAX_PATTERN = 500;
const MAX_ALTERNATIVES = 64;

/** A matcher for one glob, or a reason it is not one. Matching ignores case (Windows, .EDI files). */
export function compileGlob(pattern: string): PathMatcher | { error: string } {
  const p = pattern.trim().replace(/\\/g, '/');
  if (!p) return { error: 'an empty glob matches nothing' };
  if (p.length > MAX_PATTERN) return { error: `a glob longer than ${MAX_PATTERN} characters` };
  let source = '';
  let alternatives = 0;
  let inBraces = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '*' && p[i + 1] === '*') {
      // '**/' is any number of folders (also none); a trailing '**' is everything below
      const slash = p[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{' && !inBraces) {
      inBraces = true;
      source += '(?:';
    } else if (ch === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (ch === ',' && inBraces) {
      if (++alternatives > MAX_ALTERNATIVES) return { error: `more than ${MAX_ALTERNATIVES} alternatives in "${pattern}"` };
      source += '|';
    } else source += ch.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  if (inBraces) return { error: `"${pattern}" has a '{' without its '}'` };
  const anchored = p.startsWith('/') ? `^${source}` : `(?:^|/)${source}`;
  // a glob that names a folder ('notes/', 'notes') also matches everything inside it
  const re = new RegExp(`${anchored}(?:/.*)?$`, 'i');
  return (path) => re.test(path.replace(/\\/g, '/'));
}

export function isPathMatcher(m: PathMatcher | { error: string }): m is PathMatcher {
  return typeof m === 'function';
}

const cache = new Map<string, PathMatcher | undefined>();
const CACHE_LIMIT = 500;

/** the matcher for a glob, or undefined when it is invalid (config reports those) */
export function globMatcher(pattern: string): PathMatcher | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  const m = compileGlob(pattern);
  const matcher = isPathMatcher(m) ? m : undefined;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, matcher);
  return matcher;
}

export function matchesAnyGlob(patterns: readonly string[], path: string): boolean {
  return patterns.some((p) => globMatcher(p)?.(path) ?? false);
}

/** the file path inside a file: URI (decoded), or the text itself when it is not a URI */
export function pathOfUri(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)/i.exec(uri);
  if (!m) return uri;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}
