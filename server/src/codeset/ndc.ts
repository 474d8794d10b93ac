// NDCs are written 4-4-2, 5-3-2, 5-4-1 (hyphenated, 10 digits) or as the 11-digit 5-4-2 billing
// form. Claims and the crosswalk use the 11-digit form: pad the short segment with a zero.

export function normalizeNdc(raw: string): string | undefined {
  const s = raw.trim();
  if (/^\d{11}$/.test(s)) return s;
  const m = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const [, labeler, product, pkg] = m;
  if (labeler.length + product.length + pkg.length === 11) return labeler + product + pkg;
  if (labeler.length + product.length + pkg.length !== 10) return undefined;
  return labeler.padStart(5, '0') + product.padStart(4, '0') + pkg.padStart(2, '0');
}

/** 00378204501 -> 00378-2045-01 */
export function hyphenateNdc(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}
