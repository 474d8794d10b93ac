// The floor a parser is compared with: one pass over the same string that finds every segment
// terminator AND every element separator (X12 '~' and '*'; CSV line breaks and commas) and records
// their offsets in an Int32Array — the least a reader that locates every value can do. It is written
// the way a scanner would be (charCodeAt in a loop, not a native indexOf that may skip ahead with SIMD).

/** the separator between values for a file's terminator: X12 elements, else none (lines only) */
export function separatorFor(terminator: string, languageId: string): string | undefined {
  if (terminator === '~') return '*';
  if (languageId === 'csv') return ',';
  return undefined;
}

/**
 * Offsets of every terminator and separator, in one charCodeAt pass, into a growing Int32Array
 * (allocation is part of the work, as it is for a reader); returns how many were found.
 */
export function scanFloor(text: string, terminator: string, separator?: string): number {
  const stop = terminator.charCodeAt(0);
  const sep = separator === undefined ? -1 : separator.charCodeAt(0);
  let offsets = new Int32Array(Math.max(1024, text.length >> 3));
  let count = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === stop || c === sep) {
      if (count === offsets.length) {
        const grown = new Int32Array(offsets.length * 2);
        grown.set(offsets);
        offsets = grown;
      }
      offsets[count++] = i;
    }
  }
  return count;
}

/** the terminators alone with String#indexOf, the fastest way JavaScript offers (reported for context) */
export function indexOfFloor(text: string, terminator: string): number {
  let count = 0;
  for (let i = text.indexOf(terminator); i >= 0; i = text.indexOf(terminator, i + 1)) count++;
  return count;
}
