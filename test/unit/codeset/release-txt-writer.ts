// Writes code/modifier records into the CMS fixed-width layout (320 characters, long
// descriptors continued on record id 4/8 lines), so tests can build .txt editions from real rows.
import type { CodeRecord, ModifierRecord } from '../../../server/src/codeset/types';

const cms = (iso?: string): string => (iso ? iso.replace(/-/g, '') : '');

/** 'chunks': cut every 80 characters (mid-word); 'words': break at the last blank before 80 */
export type SplitStyle = 'chunks' | 'words';

export function splitLong(long: string, style: SplitStyle): string[] {
  if (style === 'chunks') {
    const out: string[] = [];
    for (let i = 0; i < long.length; i += 80) out.push(long.slice(i, i + 80));
    return out.length ? out : [''];
  }
  const out: string[] = [];
  let rest = long;
  while (rest.length > 80) {
    let cut = rest.lastIndexOf(' ', 79); // a piece filled to column 80 would read as cut mid-word
    // a double blank at the break would be lost by the reader's one-blank join: cut elsewhere
    while (cut > 0 && (rest[cut - 1] === ' ' || rest[cut + 1] === ' ')) cut = rest.lastIndexOf(' ', cut - 1);
    if (cut <= 0) cut = 80;
    out.push(rest.slice(0, cut));
    rest = rest.slice(rest[cut] === ' ' ? cut + 1 : cut);
  }
  out.push(rest);
  return out;
}

function put(line: string[], start: number, width: number, value: string): void {
  for (let i = 0; i < width; i++) line[start + i] = value[i] ?? ' ';
}

function record(code: string, seq: number, rid: string, piece: string): string[] {
  const line = Array<string>(320).fill(' ');
  put(line, 0, 5, code);
  put(line, 5, 5, String(seq).padStart(5, '0'));
  put(line, 10, 1, rid);
  put(line, 11, 80, piece);
  return line;
}

export function codeLines(c: CodeRecord, style: SplitStyle): string[] {
  const pieces = splitLong(c.long, style);
  const first = record(c.code, 10, '3', pieces[0]);
  put(first, 91, 28, c.short);
  c.pricing.forEach((p, k) => put(first, 119 + k * 2, 2, p));
  c.xrefs.forEach((x, k) => put(first, 204 + k * 5, 5, x));
  put(first, 229, 1, c.coverage ?? '');
  put(first, 256, 3, c.betos ?? '');
  c.tos.forEach((t, k) => put(first, 260 + k, 1, t));
  put(first, 268, 8, cms(c.addDate));
  put(first, 276, 8, cms(c.actionEffectiveDate));
  put(first, 284, 8, cms(c.termDate));
  put(first, 292, 1, c.actionCode ?? '');
  return [first.join(''), ...pieces.slice(1).map((p, k) => record(c.code, 10 + (k + 1), '4', p).join(''))];
}

export function modifierLines(m: ModifierRecord, style: SplitStyle): string[] {
  const pieces = splitLong(m.long, style);
  const code = `   ${m.code}`;
  const first = record(code, 10, '7', pieces[0]);
  put(first, 91, 28, m.short);
  put(first, 268, 8, cms(m.addDate));
  put(first, 276, 8, cms(m.actionEffectiveDate));
  put(first, 284, 8, cms(m.termDate));
  put(first, 292, 1, m.actionCode ?? '');
  return [first.join(''), ...pieces.slice(1).map((p, k) => record(code, 10 + (k + 1), '8', p).join(''))];
}
