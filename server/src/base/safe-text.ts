// One helper for every message that quotes something read from outside (file and zip member names,
// settings, claim values): control characters are shown escaped, never sent to a terminal, log or
// notification as they are (an ANSI escape or a newline in a name must not rewrite the log).
import { MESSAGE } from './limits';

/** control characters (C0, DEL, C1) and the line/paragraph separators, shown as \n, \x1b, \u2028 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** a name as a message quotes it: escaped, and cut to MESSAGE.nameChars with an ellipsis */
export function safeName(name: string, max: number = MESSAGE.nameChars): string {
  const escaped = escapeControls(name);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** a whole message: control characters escaped, cut to MESSAGE.messageChars */
export function safeMessage(message: string, max: number = MESSAGE.messageChars): string {
  const escaped = escapeControls(message);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/**
 * What a message may show of a claim value (issue #19 case 12): the value itself only when it is
 * shaped like the field under test (a misaligned field can hold a name or a birth date: those are
 * patient data), else only its length. Never more than the field; control characters escaped.
 */
const FIELD_SHAPES = {
  /** a code or a typo of one: letters and digits, 3 to 7 */
  code: /^[A-Za-z0-9]{3,7}$/,
  /** a diagnosis code or a typo of one: letters, digits and one dot, 3 to 8 */
  diagnosis: /^[A-Za-z0-9][A-Za-z0-9.]{2,7}$/,
  /** a modifier or a typo of one (1 to 3 letters or digits), or a code put in a modifier's place */
  modifier: /^[A-Za-z0-9]{1,3}$|^[A-Za-z0-9][0-9]{3}[A-Za-z0-9]$/,
  units: /^[0-9.,+\-eE ]{1,16}$/,
  /** money: digits, sign, dot, comma, dollar sign */
  amount: /^[0-9.,+\-$ ]{1,16}$/,
  ndc: /^[0-9\- ]{1,16}$/,
  /** D8 / RD8 / ISO dates and near misses: digits and separators only */
  date: /^[0-9\-/]{1,17}$/,
  /** an X12 qualifier (HI01-1 ABK, SV101-1 HC) or a typo of one */
  qualifier: /^[A-Za-z0-9]{1,3}$/,
  /** a diagnosis pointer or a typo of one: a few letters, digits, signs or points */
  pointer: /^[A-Za-z0-9.+\-]{1,4}$/,
  /** an X12 control number (ISA13, GS06, ST02 and their trailers' copies) */
  control: /^[A-Za-z0-9]{1,9}$/,
  /** an X12 trailer's count (SE01, GE01, IEA01) */
  count: /^[0-9]{1,10}$/,
} as const;

export type ClaimField = keyof typeof FIELD_SHAPES;

/** `"KXX"` when the value is shaped like the field, else `a 7-character value` */
export function quoteField(value: string, field: ClaimField): string {
  const v = value.trim();
  if (FIELD_SHAPES[field].test(v)) return `"${v}"`;
  return `a ${v.length}-character value`;
}
