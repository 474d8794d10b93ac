// Code patterns in settings: 'E0431' (exact), 'J75*' / 'J75?0' (wildcards), 'J7500-J7599' (inclusive range).
export type CodeMatcher = (code: string) => boolean;

const WILDCARD = /^[A-Za-z0-9*?]{1,5}$/;
const RANGE = /^([A-Za-z0-9]{5})\s*-\s*([A-Za-z0-9]{5})$/;

/** A matcher for one pattern, or a reason it is not a valid pattern. */
export function compilePattern(pattern: string): CodeMatcher | { error: string } {
  const p = pattern.trim().toUpperCase();
  const range = RANGE.exec(p);
  if (range) {
    const [, low, high] = range as unknown as [string, string, string];
    if (low > high) return { error: `range "${pattern}" runs backwards` };
    return (code) => code.length === 5 && code >= low && code <= high;
  }
  if (!WILDCARD.test(p)) {
    return { error: `"${pattern}" is not a code pattern (use E0431, J75*, J75?0 or J7500-J7599)` };
  }
  if (!p.includes('*') && p.length !== 5) return { error: `"${pattern}" is not a 5-character code (add * to match a prefix)` };
  let source = '';
  for (const ch of p) source += ch === '*' ? '[A-Z0-9]*' : ch === '?' ? '[A-Z0-9]' : ch;
  const re = new RegExp(`^${source}$`);
  return (code) => re.test(code);
}

export function isMatcher(m: CodeMatcher | { error: string }): m is CodeMatcher {
  return typeof m === 'function';
}

/** Compiled patterns by text; settings hold a handful, so the cache stays small. */
const cache = new Map<string, CodeMatcher | undefined>();
const CACHE_LIMIT = 1000;

/** the matcher for a pattern, or undefined when it is invalid (config reports those) */
export function matcherFor(pattern: string): CodeMatcher | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  const m = compilePattern(pattern);
  const matcher = isMatcher(m) ? m : undefined;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, matcher);
  return matcher;
}

/** the first pattern that matches the code */
export function firstMatch(patterns: readonly string[], code: string): string | undefined {
  return patterns.find((p) => matcherFor(p)?.(code));
}

export function matchesAny(patterns: readonly string[], code: string): boolean {
  return firstMatch(patterns, code) !== undefined;
}
