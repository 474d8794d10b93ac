// Money as integer cents: amounts read from claims are summed and compared without float drift.

/**
 * The cents of an amount as X12 and CSV write it ("250", "250.5", "-12.00", "+3"), or undefined
 * when the text is not an amount: letters, two dots, or more than two decimal places that are not zeros.
 */
export function parseCents(raw: string): number | undefined {
  const text = raw.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const whole = m[2] || '0';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2 || whole.length > 13) return undefined;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}

/** 24500 -> "245.00", -5 -> "-0.05" */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** the sum as "245.00 (100.00 + 145.00)"; past `shown` terms the middle is elided with a count */
export function sumText(terms: readonly number[], shown = 6): string {
  const total = terms.reduce((a, b) => a + b, 0);
  if (terms.length < 2) return centsText(total);
  const parts = terms.map((t, i) => (i === 0 ? centsText(t) : t < 0 ? `- ${centsText(-t)}` : `+ ${centsText(t)}`));
  const listed = parts.length <= shown ? parts : [...parts.slice(0, shown - 2), `+ … ${parts.length - shown + 1} more`, parts[parts.length - 1]!];
  return `${centsText(total)} (${listed.join(' ')})`;
}

/**
 * The amount to write in place of `written`: two decimals when the file wrote decimals there,
 * else a whole number when the amount is one ("245" for "250", "245.00" for "250.00").
 */
export function amountLike(cents: number, written: string): string {
  const text = centsText(cents);
  return !written.includes('.') && cents % 100 === 0 ? text.slice(0, -3) : text;
}
