// Character classes on UTF-16 code units: readers test characters with these instead of regexes
// so a pass over a 10 MB file allocates nothing per character.

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c);
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isUpper(c) || isLower(c);
}

/** space, tab, CR, LF, form feed, vertical tab, BOM, no-break space */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0;
}

export function skipSpaces(text: string, pos: number, end: number = text.length): number {
  while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** the HCPCS Level II shape: one letter A-V and four digits, at [start, start+5) */
export function isLevel2At(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (!(c >= 65 && c <= 86)) return false;
  for (let i = 1; i <= 4; i++) if (!isDigit(text.charCodeAt(start + i))) return false;
  return true;
}

export function isLevel2(code: string): boolean {
  return code.length === 5 && isLevel2At(code, 0);
}

/** the CPT (Level I) shape: five digits, or four digits and F/T/U (Category II, III, PLA) */
export function isCpt(code: string): boolean {
  return /^(?:[0-9]{5}|[0-9]{4}[FTU])$/.test(code);
}

/** a number as written in a claim field ("5", "1.50", ".5", "-2"); undefined when it is not one */
export function parseNumber(raw: string): number | undefined {
  // a hand-written check: this runs for every quantity and charge of a 10 MB file
  let s = 0;
  let e = raw.length;
  while (s < e && isSpace(raw.charCodeAt(s))) s++;
  while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
  let i = s;
  if (i < e && (raw.charCodeAt(i) === 43 || raw.charCodeAt(i) === 45)) i++;
  let digits = 0;
  let dots = 0;
  for (; i < e; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 46 && dots === 0) dots++;
    else return undefined;
  }
  if (digits === 0) return undefined;
  return Number(s === 0 && e === raw.length ? raw : raw.slice(s, e));
}
