// Words of descriptors and queries, split the same way for the index and for searches.

/** lower-case runs of letters and digits: 'Tacrolimus, imme rel oral 1mg' -> tacrolimus imme rel oral 1mg */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** first index in a sorted array whose value is >= key */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) range of the sorted array's values that start with prefix */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(sorted, prefix);
  let to = from;
  while (to < sorted.length && sorted[to].startsWith(prefix)) to++;
  return [from, to];
}
