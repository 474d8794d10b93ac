// Billing units as descriptors and the ASP file word them: '5 mg', 'per 4 mg', 'up to 10 mg',
// '100,000 units', 'per i.u.', '1 SQ CM', '0.5 ML'. One vocabulary for both, normalised.
import type { BillingUnit } from './types';

/** spelled unit -> normalised unit */
const UNIT_WORDS: [RegExp, string][] = [
  [/^(?:mg|milligrams?|mgs)$/, 'mg'],
  [/^(?:mcg|micrograms?|ug)$/, 'mcg'],
  [/^(?:g|gm|gms|grams?)$/, 'g'],
  [/^(?:ml|cc|milliliters?|millilitres?)$/, 'ml'],
  [/^(?:units?|iu|i\.u\.?|international units?|usp units?|factor viii (?:i\.u\.?|iu))$/, 'units'],
  [/^(?:kiu)$/, 'kiu'],
  [/^(?:meq|milliequivalents?)$/, 'meq'],
  [/^(?:mci|millicuries?)$/, 'mci'],
  [/^(?:uci|microcuries?)$/, 'uci'],
  [/^(?:sq\.? ?cm|square\s+cen[a-z]*ters?|cm2)$/, 'sq cm'],
  [/^(?:plaque forming units?|pfu)$/, 'pfu'],
  [/^(?:days? of therapy)$/, 'days of therapy'],
  [/^(?:infusions?)$/, 'infusion'],
  [/^(?:vector genomes?)$/, 'vector genomes'],
  [/^(?:doses?|therapeutic doses?|study doses?)$/, 'dose'],
  [/^(?:(?:single|multi)[- ]dose vials?|vials?)$/, 'vial'],
  [/^(?:each|ea)$/, 'each'],
  [/^(?:treatments?)$/, 'treatment'],
  [/^(?:implants?)$/, 'implant'],
];

// The unit alternatives, longest first, as they appear in running text.
const UNIT_ALT =
  'international units?|usp units?|i\\.u\\.?|micrograms?|milligrams?|milliliters?|milliequivalents?|millicuries?|microcuries?|' +
  'square\\s+cen[a-z]*ters?|sq\\.? ?cm|vector genomes?|therapeutic doses?|study doses?|plaque forming units?|pfu|days? of therapy|' +
  'factor viii (?:i\\.u\\.?|iu)|(?:single|multi)[- ]dose vials?|' +
  'units?|iu|kiu|mcg|mgs?|ug|gms?|grams?|g|ml|cc|meq|mci|uci|doses?|vials?|treatments?|implants?|infusions?|each|ea';
const AMOUNT = '\\d{1,3}(?:,\\d{3})+|\\d*\\.\\d+|\\d+';
const PREFIX = 'per|up to|less than or equal to|greater than|over';

/** amount + unit (or 'per' + unit), anywhere in a descriptor; lower-case input */
const UNIT_RE = new RegExp(
  `(?<![a-z0-9.^])(?:(${PREFIX})\\s+)?(?:(${AMOUNT})\\s*(million|billion)?\\s*)?(${UNIT_ALT})(?![a-z0-9])`,
  'g',
);

export function normaliseUnit(word: string): string | undefined {
  const w = word.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, unit] of UNIT_WORDS) if (re.test(w)) return unit;
  return undefined;
}

export interface UnitMatch {
  unit: BillingUnit;
  start: number;
  end: number;
  /** parenthesis depth at the match (0 = outside parentheses) */
  depth: number;
}

/** Every amount+unit phrase in the text, in order. */
export function findUnits(lower: string): UnitMatch[] {
  const out: UnitMatch[] = [];
  UNIT_RE.lastIndex = 0;
  let depth = 0;
  let scanned = 0;
  for (let m = UNIT_RE.exec(lower); m; m = UNIT_RE.exec(lower)) {
    for (; scanned < m.index; scanned++) {
      const c = lower[scanned];
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
    }
    const [text, prefix, amountText, scale, unitWord] = m;
    if (!amountText && prefix !== 'per') continue; // a bare unit word ('dose', 'units') is not a billing unit
    const unit = normaliseUnit(unitWord);
    if (!unit) continue;
    let amount = amountText ? Number(amountText.replace(/,/g, '')) : 1;
    if (scale === 'million') amount *= 1e6;
    else if (scale === 'billion') amount *= 1e9;
    if (!Number.isFinite(amount) || amount <= 0) continue;
    const bu: BillingUnit = { amount, unit, text: text.trim() };
    if (prefix === 'up to' || prefix === 'less than or equal to') bu.upTo = true;
    out.push({ unit: bu, start: m.index, end: m.index + text.length, depth });
  }
  return out;
}

/** The ASP file's 'HCPCS Code Dosage' ('1 MG', '100,000 UNITS', 'per sq cm', 'PER VIAL', '1ml') */
export function parseAspDosage(dosage: string): BillingUnit | undefined {
  const lower = dosage.trim().toLowerCase();
  const all = findUnits(lower);
  if (all.length > 0) return all[0].unit;
  const unit = normaliseUnit(lower);
  return unit ? { amount: 1, unit, text: dosage.trim() } : undefined;
}

export function sameBillingUnit(a: BillingUnit, b: BillingUnit): boolean {
  return a.unit === b.unit && Math.abs(a.amount - b.amount) < 1e-9 * Math.max(1, a.amount);
}
