// Appending and extremes without argument spreading: `push(...items)` and `Math.max(...items)` pass
// one call argument per item and throw "Maximum call stack size exceeded" past ~125,000 of them.

/** appends every item to `into` (in place) and returns it */
export function appendAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]!);
  return into;
}

/** the first index in [0, count) whose key is >= `key`, the keys being sorted (`keyAt(i)` the i-th); count when none */
export function lowerBound(count: number, keyAt: (i: number) => string, key: string): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** the smallest of `values`, or Infinity for none (as Math.min() gives) */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}

/** the largest of `values`, or -Infinity for none (as Math.max() gives) */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
