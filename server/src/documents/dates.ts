// Dates as claims write them -> ISO yyyy-mm-dd. Anything that is not a real calendar date -> undefined.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 'Nov', 'November', 'Sept' -> 11, 11, 9; anything else -> undefined */
function monthNamed(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length === 3) return MONTHS[w];
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w) && w.length >= 3);
  return i < 0 ? undefined : i + 1;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1800 || y > 2200) return undefined;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (d > days[m - 1]) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYYMMDD (X12 D8) */
export function fromD8(raw: string): string | undefined {
  if (raw.length !== 8) return undefined;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 8; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < 4) y = y * 10 + c;
    else if (i < 6) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return iso(y, m, d);
}

/**
 * ISO (with or without a time part), MM/DD/YYYY, M/D/YYYY, MM-DD-YYYY, YYYY/MM/DD, YYYYMMDD,
 * DD-MMM-YYYY (30-May-2015, 27-OCT-1999), Month D, YYYY (November 5, 2025).
 */
export function toIsoDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) return iso(+m[3], +m[1], +m[2]);
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? iso(+m[3], month, +m[1]) : undefined;
  }
  // notes: 'November 5, 2025', 'Nov 5 2025', 'Nov. 5, 2025'
  m = /^([A-Za-z]{3,9})\.?[ \t]+(\d{1,2}),?[ \t]+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNamed(m[1]);
    return month ? iso(+m[3], month, +m[2]) : undefined;
  }
  return fromD8(s);
}
