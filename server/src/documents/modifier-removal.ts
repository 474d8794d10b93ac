// How each format deletes one modifier from a line, as the smallest text edit that leaves the rest
// of the line where it was; undefined when no edit that small can (the formats table picks one).
import type { Range, ServiceLine, Span, TextEdit } from '../model';

type Delimiters = { element: string; segment: string };

/** the separator between the modifier and what comes before it: one character, not a letter or digit */
function gapBefore(text: string, line: ServiceLine, index: number): { before: Span<string>; gap: string } | undefined {
  const mod = line.modifiers[index];
  if (!mod) return undefined;
  const before = index > 0 ? line.modifiers[index - 1]! : line.code;
  const gap = text.slice(before.range.end, mod.range.start);
  return gap.length === 1 && !/[A-Za-z0-9]/.test(gap) ? { before, gap } : undefined;
}

const deleteRange = (range: Range): TextEdit => ({ range, newText: '' });

/** prose ('J7507-KX'): the modifier and the separator before it */
export function removeWrittenModifier(text: string, line: ServiceLine, index: number): TextEdit | undefined {
  const found = gapBefore(text, line, index);
  return found && deleteRange({ start: found.before.range.end, end: line.modifiers[index]!.range.end });
}

/** a CSV export: the modifier's cell is emptied (columns never shift) */
export function emptyModifierCell(_text: string, line: ServiceLine, index: number): TextEdit | undefined {
  const mod = line.modifiers[index];
  return mod && deleteRange({ ...mod.range });
}

/** FHIR: a modifier is a JSON object in an array; no text edit that small removes it */
export function noModifierRemoval(): undefined {
  return undefined;
}

/**
 * X12 (HC:J7507:KX:JW): SV101-3..6 are fixed modifier positions and SV101-7 (the description)
 * follows: when anything comes after the modifiers, the later modifiers move up and an empty
 * position closes the gap, so every component after SV101-6 stays where it was.
 */
export function removeCompositeModifier(text: string, line: ServiceLine, index: number, x12: Delimiters | undefined): TextEdit | undefined {
  const found = gapBefore(text, line, index);
  if (!found) return undefined;
  const mod = line.modifiers[index]!;
  const { before, gap } = found;
  if (x12) {
    let compositeEnd = mod.range.end;
    while (compositeEnd < text.length && text[compositeEnd] !== x12.element && text[compositeEnd] !== x12.segment) compositeEnd++;
    const position = 3 + text.slice(line.code.range.end + 1, mod.range.start).split(gap).length - 1;
    const tail = text.slice(mod.range.start, compositeEnd).split(gap);
    const modifierPositions = tail.slice(0, 7 - position);
    if (tail.length > modifierPositions.length) {
      const end = mod.range.start + modifierPositions.join(gap).length;
      return { range: { start: mod.range.start, end }, newText: [...modifierPositions.slice(1), ''].join(gap) };
    }
  }
  return deleteRange({ start: before.range.end, end: mod.range.end });
}
