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

/**
 * Compiled patterns, kept with the settings object that holds them. Settings are replaced whole,
 * never edited in place, so each list (or entry) is compiled once and dropped with it: a config with
 * 10,000 patterns no longer clears a fixed-size cache on every line (24.5 s per 2,000-line claim).
 * Exact codes go in a map, so a long list of plain codes costs one lookup per line.
 */
interface ListIndex {
  exact: Map<string, number>;
  others: { at: number; pattern: string; matches: CodeMatcher }[];
}
const lists = new WeakMap<readonly string[], ListIndex>();
const single = new WeakMap<object, CodeMatcher | undefined>();
const EXACT = /^[A-Z0-9]{5}$/;

function indexOf(patterns: readonly string[]): ListIndex {
  let index = lists.get(patterns);
  if (index) return index;
  index = { exact: new Map(), others: [] };
  patterns.forEach((pattern, at) => {
    const p = pattern.trim().toUpperCase();
    if (EXACT.test(p)) {
      if (!index!.exact.has(p)) index!.exact.set(p, at);
      return;
    }
    const m = compilePattern(pattern);
    if (isMatcher(m)) index!.others.push({ at, pattern, matches: m });
  });
  lists.set(patterns, index);
  return index;
}

/** the first pattern (in list order) that matches the code */
export function firstMatch(patterns: readonly string[], code: string): string | undefined {
  if (patterns.length === 0) return undefined;
  const index = indexOf(patterns);
  let best = index.exact.get(code);
  for (const o of index.others) {
    if (best !== undefined && o.at > best) break;
    if (o.matches(code)) {
      best = o.at;
      break;
    }
  }
  return best === undefined ? undefined : patterns[best];
}

export function matchesAny(patterns: readonly string[], code: string): boolean {
  return firstMatch(patterns, code) !== undefined;
}

/** one pattern held by a settings object (e.g. a requiredModifiers entry): compiled once per owner */
export function matchesPattern(owner: { pattern: string }, code: string): boolean {
  if (!single.has(owner)) {
    const m = compilePattern(owner.pattern);
    single.set(owner, isMatcher(m) ? m : undefined);
  }
  return single.get(owner)?.(code) === true;
}
