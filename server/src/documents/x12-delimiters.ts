// Reading the delimiters of an X12 interchange from its ISA segment, with a sniffing fallback
// when the ISA is damaged.
import type { ReadProblem } from '../model';
import { isAlnum, isSpace } from './chars';
import { problem } from './problems';

export interface X12Delimiters {
  element: string;
  component: string;
  /** '' when ISA11 is not a separator (4010 files put 'U' there) */
  repetition: string;
  segment: string;
}

export interface IsaRead {
  delimiters: X12Delimiters;
  /** index of the ISA's segment terminator (text.length when there is none) */
  terminatorAt: number;
  problems: ReadProblem[];
}

/** does an ISA segment start at pos ("ISA" followed by a non-alphanumeric character)? */
export function isIsaAt(text: string, pos: number): boolean {
  return (
    text.charCodeAt(pos) === 73 &&
    text.charCodeAt(pos + 1) === 83 &&
    text.charCodeAt(pos + 2) === 65 &&
    pos + 3 < text.length &&
    !isAlnum(text.charCodeAt(pos + 3))
  );
}

/**
 * The ISA is fixed width (106 characters), but files in the wild pad it wrongly, so the fields are
 * found by counting element separators: ISA16 is the character after the 16th one, the segment
 * terminator the character after that.
 */
export function readIsa(text: string, start: number): IsaRead {
  const n = text.length;
  const el = text.charCodeAt(start + 3);
  const elementOk = start + 3 < n && !isAlnum(el) && !isSpace(el);
  if (elementOk) {
    const seps: number[] = [];
    const limit = Math.min(n, start + 200);
    for (let i = start + 3; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === el) {
        seps.push(i);
        if (seps.length === 16) break;
      } else if (c === 10 || c === 13 || c === 126 /* ~ */) break;
    }
    if (seps.length === 16 && seps[15] + 2 < n) {
      const compAt = seps[15] + 1;
      const termAt = seps[15] + 2;
      const comp = text.charCodeAt(compAt);
      const term = text.charCodeAt(termAt);
      const compOk = !isAlnum(comp) && !isSpace(comp) && comp !== el;
      const termOk = !isAlnum(term) && term !== el && term !== comp && term !== 32;
      if (compOk && termOk) {
        const isa11 = text.slice(seps[10] + 1, seps[11]);
        const repetition = isa11.length === 1 && !isAlnum(isa11.charCodeAt(0)) && !isSpace(isa11.charCodeAt(0)) ? isa11 : '';
        const problems: ReadProblem[] = [];
        if (seps[15] !== start + 103) {
          problems.push(
            problem('x12-isa-width', `The ISA segment is ${termAt - start + 1} characters long instead of 106; its separators were read by position of the element separators.`, start, termAt, 'information'),
          );
        }
        return {
          delimiters: { element: text[start + 3], component: text[compAt], repetition, segment: text[termAt] },
          terminatorAt: termAt,
          problems,
        };
      }
    }
  }
  return sniff(text, start, elementOk ? text[start + 3] : '*');
}

/** the damaged-ISA fallback: the common defaults ('*', '~', ':'), checked against what the text holds */
function sniff(text: string, start: number, element: string): IsaRead {
  const tilde = text.indexOf('~', start);
  const segment = element !== '~' && tilde >= 0 && tilde - start < 4096 ? '~' : '\n';
  const component = element === ':' ? '>' : ':';
  let terminatorAt = text.indexOf(segment, start);
  if (terminatorAt < 0) terminatorAt = text.length;
  const shown = segment === '\n' ? 'a line break' : `'${segment}'`;
  return {
    delimiters: { element, component, repetition: '', segment },
    terminatorAt,
    problems: [
      problem(
        'x12-damaged-isa',
        `The ISA segment is damaged; its separators could not be read. Assuming element '${element}', segment terminator ${shown}, component '${component}'.`,
        start,
        terminatorAt,
        'warning',
      ),
    ],
  };
}
