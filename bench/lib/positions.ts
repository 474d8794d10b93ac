// Seeded random request positions over a generated file's code offsets.
import type { Rng } from '../generate/prng';

/** `count` offsets inside codes (start + 0..4), drawn with replacement */
export function hoverOffsets(rng: Rng, codeOffsets: readonly number[], count: number): number[] {
  return Array.from({ length: count }, () => rng.pick(codeOffsets) + rng.int(0, 4));
}

/** Level II codes only (a letter first): a cursor 1..4 characters into the code, so the text before it is a prefix */
export function prefixOffsets(rng: Rng, text: string, codeOffsets: readonly number[], count: number): number[] {
  const level2 = codeOffsets.filter((at) => /[A-V]/.test(text[at]));
  return Array.from({ length: count }, () => rng.pick(level2) + rng.int(1, 4));
}

/** five-letter descriptor word starts typed where a code was: completion searches descriptor words */
export const WORD_QUERIES = ['tacro', 'sirol', 'cyclo', 'infli', 'ritux', 'omali', 'denos', 'bevac', 'dexam', 'injec', 'morph', 'triam', 'mycop'];

/**
 * The text with `count` Level II codes overwritten by a word of the same length (offsets stay
 * valid); returns the new text and the cursor offsets at the end of each word.
 */
export function withWordQueries(rng: Rng, text: string, codeOffsets: readonly number[], count: number): { text: string; offsets: number[] } {
  const level2 = codeOffsets.filter((at) => /[A-V]/.test(text[at]));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, level2.length)) chosen.add(rng.pick(level2));
  const sorted = [...chosen].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const at of sorted) {
    parts.push(text.slice(from, at), rng.pick(WORD_QUERIES));
    from = at + 5;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), offsets: sorted.map((at) => at + 5) };
}
