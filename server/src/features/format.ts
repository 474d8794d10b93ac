// Small formatting helpers shared by the cards and hints: numbers without float noise, money, plurals.

// Intl formatters are costly to create: made once (toLocaleString would make one per call), and
// on first use (the first one starts ICU's number formatting, about 20 ms: a check run needs none)
let formatters: { number: Intl.NumberFormat; money2: Intl.NumberFormat; money3: Intl.NumberFormat } | undefined;
const intl = () =>
  (formatters ??= {
    number: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
    money2: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    money3: new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
  });

/** 0.30000000000000004 -> '0.3', 2400000 -> '2,400,000' */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  return intl().number.format(Math.round(n * 1e6) / 1e6);
}

/** dollars with cents; `published` keeps the 3 decimals CMS publishes ASP limits with */
export function formatMoney(n: number, published = false): string {
  if (!Number.isFinite(n)) return '';
  return '$' + (published ? intl().money3 : intl().money2).format(n);
}

export function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** an amount of a normalised unit: (5, 'mg') -> '5 mg', (1, 'units') -> '1 unit' */
export function amountText(amount: number, unit: string): string {
  if (unit === 'units' || unit === 'unit') return plural(amount, 'unit');
  return `${formatNumber(amount)} ${unit}`;
}

/** Markdown inline code that survives backticks in the value */
export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/** an X12 fragment in a message, e.g. LIN**N4*<11 digits>: shown as code, not escaped */
const X12_FRAGMENT = /\b[A-Z][A-Z0-9]{1,2}\*(?:[^\s<]|<[^>\n]*>)*/g;

/**
 * Text from documents or data as Markdown. Only what would change the rendering is escaped
 * (emphasis, code, HTML, links, a heading or quote at a line start): a client that shows
 * Markdown as text (Neovim 0.7) then shows few backslashes; X12 fragments become code spans.
 */
export function md(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(X12_FRAGMENT)) {
    out += escapePlain(text.slice(at, m.index)) + code(m[0]);
    at = m.index! + m[0].length;
  }
  return out + escapePlain(text.slice(at));
}

function escapePlain(text: string): string {
  return text.replace(/[\\`*_[\]]|<(?=[A-Za-z/!?])/g, '\\$&').replace(/^([#>])/gm, '\\$1');
}

/** a message for a toast: ends with a full stop (errors from readers may not) */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
