// The floor a parser is compared with: one pass over the same string that does nothing but find
// the segment terminators (X12) or line breaks (others). A reader must at least look at every
// character once; this is that look with no work attached, written the way a scanner would be
// (charCodeAt in a loop, not a native indexOf that may skip ahead with SIMD).

export function scanFloor(text: string, terminator: string): number {
  const stop = terminator.charCodeAt(0);
  let count = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    if (text.charCodeAt(i) === stop) count++;
  }
  return count;
}

/** the same count with String#indexOf, the fastest way JavaScript offers (reported for context) */
export function indexOfFloor(text: string, terminator: string): number {
  let count = 0;
  for (let i = text.indexOf(terminator); i >= 0; i = text.indexOf(terminator, i + 1)) count++;
  return count;
}
