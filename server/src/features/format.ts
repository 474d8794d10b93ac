// Small formatting helpers shared by the cards and hints: numbers without float noise, money, plurals.

/** 0.30000000000000004 -> '0.3', 2400000 -> '2,400,000' */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Math.round(n * 1e6) / 1e6;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** dollars: 3 decimals below $1 (ASP limits are published to 3), else 2 */
export function formatMoney(n: number): string {
  if (!Number.isFinite(n)) return '';
  const digits = Math.abs(n) < 1 && n !== 0 ? 3 : 2;
  return '$' + n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
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

/** escape Markdown control characters in text from documents or data */
export function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
