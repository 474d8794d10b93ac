// NDC shapes. Claims want 11 digits in 5-4-2 form; packages print 10 digits as 4-4-2, 5-3-2 or 5-4-1.
export interface NdcShape {
  /** 11 digits without hyphens when the text can be read as an NDC unambiguously */
  ndc11?: string;
  /** the text is already an acceptable 11-digit NDC for this format */
  valid: boolean;
  /** the corrected text for a 10-digit hyphenated NDC (or a hyphenated one where hyphens are not allowed) */
  fixed?: string;
  /** for messages: '4-4-2', '5-4-2', '10 digits' ... */
  form: string;
}

const TEN_DIGIT_FORMS: { re: RegExp; form: string; pad: (a: string, b: string, c: string) => [string, string, string] }[] = [
  { re: /^(\d{4})-(\d{4})-(\d{2})$/, form: '4-4-2', pad: (a, b, c) => ['0' + a, b, c] },
  { re: /^(\d{5})-(\d{3})-(\d{2})$/, form: '5-3-2', pad: (a, b, c) => [a, '0' + b, c] },
  { re: /^(\d{5})-(\d{4})-(\d{1})$/, form: '5-4-1', pad: (a, b, c) => [a, b, '0' + c] },
];

/** @param hyphensAllowed false for X12 LIN*N4 (digits only), true elsewhere */
export function readNdc(text: string, hyphensAllowed: boolean): NdcShape {
  const t = text.trim();
  if (/^\d{11}$/.test(t)) return { ndc11: t, valid: true, form: '11 digits' };
  const m542 = /^(\d{5})-(\d{4})-(\d{2})$/.exec(t);
  if (m542) {
    const ndc11 = m542.slice(1).join('');
    return hyphensAllowed ? { ndc11, valid: true, form: '5-4-2' } : { ndc11, valid: false, fixed: ndc11, form: '5-4-2 with hyphens' };
  }
  for (const f of TEN_DIGIT_FORMS) {
    const m = f.re.exec(t);
    if (!m) continue;
    const parts = f.pad(m[1]!, m[2]!, m[3]!);
    const ndc11 = parts.join('');
    return { ndc11, valid: false, fixed: hyphensAllowed ? parts.join('-') : ndc11, form: f.form };
  }
  const digits = t.replace(/-/g, '');
  const form = /^\d+$/.test(digits) ? `${digits.length} digits` : 'not numeric';
  return { valid: false, form };
}
