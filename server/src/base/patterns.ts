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
 * Compiled patterns, kept with the settings list that holds them. Settings are replaced whole,
 * never edited in place, so each list is compiled once and dropped with it: a config with 10,000
 * patterns no longer clears a fixed-size cache on every line (24.5 s per 2,000-line claim). Patterns
 * are filed by their literal prefix (the code itself, the part before a wildcard, the common start of
 * a range), so a code is tried only against the patterns that could match it.
 */
interface Indexed {
  at: number;
  matches: CodeMatcher;
}
type PatternIndex = Map<string, Indexed[]>;
const indexes = new WeakMap<readonly unknown[], PatternIndex>();

function literalPrefix(pattern: string): string {
  const p = pattern.trim().toUpperCase();
  const range = RANGE.exec(p);
  if (range) {
    let i = 0;
    while (i < 5 && range[1][i] === range[2][i]) i++;
    return range[1].slice(0, i);
  }
  return /^[A-Z0-9]*/.exec(p)![0];
}

function indexOf<T>(items: readonly T[], patternOf: (item: T) => string): PatternIndex {
  let index = indexes.get(items);
  if (index) return index;
  index = new Map();
  items.forEach((item, at) => {
    const pattern = patternOf(item);
    const m = compilePattern(pattern);
    if (!isMatcher(m)) return;
    const key = literalPrefix(pattern);
    const bucket = index!.get(key);
    if (bucket) bucket.push({ at, matches: m });
    else index!.set(key, [{ at, matches: m }]);
  });
  indexes.set(items, index);
  return index;
}

/** positions (in list order) of the items whose pattern matches the code */
function matching<T>(items: readonly T[], patternOf: (item: T) => string, code: string, firstOnly: boolean): number[] {
  if (items.length === 0) return [];
  const index = indexOf(items, patternOf);
  const found: number[] = [];
  for (let k = 0; k <= code.length && k <= 5; k++) {
    const bucket = index.get(code.slice(0, k).toUpperCase());
    if (!bucket) continue;
    for (const entry of bucket) {
      if (firstOnly && found.length && entry.at > found[0]) break;
      if (!entry.matches(code)) continue;
      if (firstOnly) {
        found[0] = found.length ? Math.min(found[0], entry.at) : entry.at;
        break;
      }
      found.push(entry.at);
    }
  }
  return firstOnly ? found : found.sort((a, b) => a - b);
}

const self = (p: string): string => p;

/** the first pattern (in list order) that matches the code */
export function firstMatch(patterns: readonly string[], code: string): string | undefined {
  const [at] = matching(patterns, self, code, true);
  return at === undefined ? undefined : patterns[at];
}

export function matchesAny(patterns: readonly string[], code: string): boolean {
  return firstMatch(patterns, code) !== undefined;
}

/** the entries (e.g. settings.requiredModifiers) whose pattern matches the code, in list order */
export function entriesMatching<T extends { pattern: string }>(entries: readonly T[], code: string): T[] {
  return matching(entries, (e) => e.pattern, code, false).map((at) => entries[at]!);
}
