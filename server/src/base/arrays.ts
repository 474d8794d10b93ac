// Appending and extremes without argument spreading: `push(...items)` and `Math.max(...items)` pass
// one call argument per item and throw "Maximum call stack size exceeded" past ~125,000 of them.

/** appends every item to `into` (in place) and returns it */
export function appendAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]!);
  return into;
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
