// Modifiers written as words in prose, not attached to a code: "modifier JW", "modifiers JW and JZ",
// "the JG modifier", a lone "-KX". Hover and fact checks read them; they are never billed.
import type { Span } from '../model';
import { span } from '../model';

const MOD = String.raw`(?:[A-Z][A-Z0-9]|[0-9][A-Z])`;
/** "modifier JW", "modifiers JW, JZ and KX" */
const AFTER_WORD = new RegExp(String.raw`\bmodifiers?[ \t]*:?[ \t]+(${MOD}(?:(?:[ \t]*[,/][ \t]*|[ \t]+(?:and|or|&)[ \t]+)${MOD}){0,5})(?![A-Za-z0-9])`, 'gi');
/** "the JG modifier", "JW and JZ modifiers" */
// lists are short ({0,5}): a long run of capitals without "modifier" after it must not backtrack far
const BEFORE_WORD = new RegExp(String.raw`(?<![A-Za-z0-9\-])(${MOD}(?:(?:[ \t]*[,/][ \t]*|[ \t]+(?:and|or|&)[ \t]+)${MOD}){0,5})[ \t]+modifiers?\b`, 'g');
/** "-KX" standing alone (after a space or an opening bracket) */
const DASHED = new RegExp(String.raw`(?<=^|[\s(\[])-(${MOD})(?![A-Za-z0-9])`, 'gm');
const ONE = new RegExp(MOD, 'g');

export function findModifierMentions(text: string): Span<string>[] {
  const found = new Map<number, Span<string>>();
  const addList = (list: string, at: number): void => {
    ONE.lastIndex = 0;
    for (let m = ONE.exec(list); m; m = ONE.exec(list)) {
      const start = at + m.index;
      // 'and'/'or' are lower case: only the capitals in the list are modifiers
      if (m[0] !== m[0].toUpperCase()) continue;
      found.set(start, span(m[0], start, start + 2));
    }
  };
  for (const re of [AFTER_WORD, BEFORE_WORD]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const list = m[1]!;
      // after "modifier" the case-insensitive flag lets lower-case words in: keep capitals only
      if (!/[A-Z]/.test(list)) continue;
      addList(list, m.index + m[0].indexOf(list));
    }
  }
  DASHED.lastIndex = 0;
  for (let m = DASHED.exec(text); m; m = DASHED.exec(text)) addList(m[1]!, m.index + 1);
  return [...found.values()].sort((a, b) => a.range.start - b.range.start);
}
