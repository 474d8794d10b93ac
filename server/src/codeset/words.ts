// Words of descriptors and queries, split the same way for the index and for searches.
import { lowerBound } from '../base/arrays';

/** lower-case runs of letters and digits: 'Tacrolimus, imme rel oral 1mg' -> tacrolimus imme rel oral 1mg */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** [from, to) range of the sorted array's values that start with prefix */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(sorted.length, (i) => sorted[i]!, prefix);
  let to = from;
  while (to < sorted.length && sorted[to].startsWith(prefix)) to++;
  return [from, to];
}
