// The drug model, read from descriptors: billing unit, NOC flag, drug names, route.
// 'Injection, omalizumab, 5 mg' -> omalizumab, 5 mg, injection;
// 'Tacrolimus, immediate release, oral, 1 mg' -> tacrolimus, 1 mg, oral.
import type { BillingUnit, CodeRecord, DrugInfo, DrugRoute, UnitKind } from './types';
import { findUnits, parseAspDosage, sameBillingUnit } from './units';
import { isDrugVocabulary } from './drug-vocabulary';

/** NOC codes named by CMS guidance; descriptors saying 'not otherwise classified' etc. join them */
export const NOC_DRUG_CODES = new Set(['J3490', 'J3590', 'J7599', 'J7699', 'J7799', 'J7999', 'J8499', 'J8999', 'J9999']);
// CMS words a NOC descriptor in several ways: 'not otherwise classified', 'unclassified', 'unlisted', 'noc'.
const NOC_TEXT = /not otherwise classified|unclassified|unlisted|(?<![a-z])noc(?![a-z])/;
// 'not otherwise specified' / 'nos' make a NOC code only when no amount follows: 'Antiemetic drug,
// oral, not otherwise specified' is NOC; 'Injection, acetaminophen, not otherwise specified, 10 mg'
// is one drug in any form, billed per 10 mg.
const NOS_TEXT = /not otherwise specified|(?<![a-z])nos(?![a-z])/;

/** Which codes the drug model covers: all J codes, drugs by pricing indicator (51), injections. */
export function isDrugCode(r: CodeRecord): boolean {
  if (/^J\d{4}$/.test(r.code) || r.pricing[0] === '51' || /^injection\b/i.test(r.long)) return true;
  // 'Unclassified drugs or biologicals' (C9399): a NOC drug code outside J and pricing 51
  const lower = r.long.toLowerCase();
  return /\b(?:drugs?|biologicals?)\b/.test(lower) && isNocDescriptor(r.code, lower);
}

// Words that describe form, route or product status rather than name a drug.
const DESCRIPTIVE = new Set(
  (
    'injection injectable iv im instillation implant enteral oral parenteral intravenous intramuscular subcutaneous intrathecal intravesical intravitreal ' +
    'infusion inhalation inhaled solution suspension concentrated form unit dose immediate extended delayed release ' +
    'biosimilar tablet tablets capsule capsules granules powder sterile lyophilized non-lyophilized liquid fda-approved fda ' +
    'approved final product non-compounded compounded administered through dme brand name generic prescription ' +
    'for use only the of or and with in via per each vial kit topical ophthalmic otic nasal spray gel cream ' +
    'sustained controlled xr xl er dr sr depot long acting short acting extended-release long-acting preservative-free preservative free single multi ' +
    'human recombinant synthetic purified'
  ).split(' '),
);
// Whole segments that qualify rather than name ('not otherwise specified', 'for esrd on dialysis').
const QUALIFIER_SEGMENT = /^(?:not |for |excludes |per |up to |less than |greater than |over |each|includes |including |code may |only |other than |e\.g\.|i\.e\.)/;
// Words that never make a drug name on their own.
const GENERIC_WORDS = new Set(
  'sodium potassium calcium magnesium hydrochloride hcl acetate sulfate phosphate chloride citrate succinate tartrate mesylate bromide acid injection human factor immune globulin normal vitamin alpha beta gamma drug drugs other antihemophilic complex methyl hepatitis coagulation'.split(
    ' ',
  ),
);

export function routeOf(text: string): DrugRoute {
  const lower = text.replace(/other than [a-z]+/g, ' ');
  if (/^injection\b/.test(lower)) return 'injection';
  if (/(?<![a-z])oral(?![a-z])/.test(lower)) return 'oral';
  if (/inhalation|inhaler|inhaled|nebuliz/.test(lower)) return 'inhalation';
  if (/^infusion\b|(?<![a-z])infusion(?![a-z])/.test(lower)) return 'infusion';
  if (/injection|injectable|parenteral|intravenous|intramuscular|subcutaneous|intrathecal|intravitreal/.test(lower)) return 'injection';
  return 'other';
}

/** Splits at commas and semicolons outside parentheses and outside numbers (100,000). */
function segments(lower: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if ((c === ',' || c === ';') && depth === 0 && !(c === ',' && /\d/.test(lower[i - 1] ?? '') && /\d{3}/.test(lower.slice(i + 1, i + 4)))) {
      out.push(lower.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(lower.slice(start).trim());
  return out.filter((s) => s !== '');
}

const withoutParens = (s: string): string => s.replace(/\([^()]*\)/g, ' ').replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
const isDescriptive = (s: string): boolean => {
  const words = withoutParens(s).split(/[\s/]+/).filter((w) => w !== '');
  return words.length === 0 || words.every((w) => DESCRIPTIVE.has(w) || /^[\d.,%]+$/.test(w));
};
const unitOnly = (s: string): boolean => /^(?:per |up to )?[\d.,]*\s*[a-z.]{1,12}$/.test(s) && findUnits(s).length > 0;

// Words after which a name segment stops naming ('insulin for administration through dme').
const NAME_STOP = new Set('for not per as administered through in with or via up provided containing including'.split(' '));
// Single words that follow a name as their own segment but are not names ('equine', 'liposomal').
const NOT_A_NAME = new Set(
  'intraocular ophthalmic otic glycopegylated pegylated inactivated minidose aqueous solvent detergent hormone supply equine rabbit porcine bovine ovine murine liposomal formulation glycopegylated unrefrigerated pegylated concentrate emulsion vaginal rectal dialysis esrd autologous allogeneic'.split(
    ' ',
  ),
);
// Parenthesised makers, not brands: '(hikma)', '(baxter)'.
const MAKERS = new Set(
  "hikma baxter accord xellia hospira sandoz teva fresenius kabi auromedics cipla amneal sagent meitheal mylan apotex eugia gland maia dr reddy's reddys civica slayback almaject avet jiangsu hainan long grove b braun sun pfizer par".split(
    ' ',
  ),
);

/** Cleans one name: drops amounts and concentrations, route words at either end, stops at qualifiers. */
function cleanName(s: string): string {
  let words = s
    .replace(/(?:up to |per )?(?<![a-z0-9-])\d[\d.,]*\s*(?:mg|mcg|g|gm|ml|units?|iu|%|percent)?(?:\s*\/\s*(?:ml|kg))?(?![a-z])/g, ' ')
    .replace(/[^a-z0-9\- ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length && DESCRIPTIVE.has(words[0])) words = words.slice(1);
  const stop = words.findIndex((w) => NAME_STOP.has(w));
  if (stop >= 0) words = words.slice(0, stop);
  while (words.length && DESCRIPTIVE.has(words[words.length - 1])) words = words.slice(0, -1);
  return words.join(' ');
}

/** Brand names in parentheses: '(envarsus xr)', '(astagraf xl)', '(sinuva)'; not makers. */
function brandNames(segment: string): string[] {
  const out: string[] = [];
  for (const m of segment.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1].trim();
    if (!/^[a-z][a-z0-9\- ]*$/.test(inner)) continue;
    const words = inner.split(/\s+/);
    if (words.length > 3 || words.some((w) => QUALIFIER_WORDS.has(w) || MAKERS.has(w))) continue;
    const name = cleanName(inner);
    if (name.length >= 4) out.push(name);
  }
  return out;
}
const QUALIFIER_WORDS = new Set('for not use esrd non dialysis code may be when drug only other than see and or with human recombinant e.g. i.e. intravenous subcutaneous preservative-free'.split(' '));

/** The drug names a descriptor covers, generic first, then brands; lower-case. */
export function drugNamesOf(lower: string): string[] {
  const segs = segments(lower);
  const at = segs.findIndex((s, i) => !isDescriptive(s) && !unitOnly(s) && !(i > 0 && QUALIFIER_SEGMENT.test(s)));
  if (at < 0) return [];
  const names: string[] = [];
  const add = (n: string): void => {
    if (n.length >= 3 && !names.includes(n) && !/^\d/.test(n) && isDrugVocabulary(n)) names.push(n);
  };
  const addName = (raw: string): void => {
    // 'albuterol, up to 2.5 mg and ipratropium bromide' and 'meropenem and vaborbactam' name two drugs.
    const flat = withoutParens(raw.replace(/^injection\s+/, '')).replace(/(\d\s*(?:mg|mcg|g|ml))\s*\/\s*(?:ml|kg)/g, '$1');
    for (const part of flat.split(/\s+and\s+|\/|;/)) {
      const name = cleanName(part);
      if (!name || GENERIC_WORDS.has(name)) continue;
      add(name);
      const words = name.split(' ');
      // 'penicillin g benzathine' is also found as 'penicillin'; 'infliximab-dyyb' as 'infliximab'
      if (words.length > 1 && words[0].length >= 4 && !GENERIC_WORDS.has(words[0])) add(words[0]);
      const base = /^([a-z]{4,})-[a-z]{4}$/.exec(words[0])?.[1];
      if (base) add(base);
    }
  };
  addName(segs[at]);
  // Following one-word segments before the amount often name more drugs or brands:
  // 'pertuzumab, trastuzumab, and hyaluronidase-zzxf', 'garamycin, gentamicin', 'c1 esterase inhibitor (recombinant), ruconest'.
  for (let i = at + 1; i < segs.length; i++) {
    const seg = withoutParens(segs[i]).replace(/^and\s+/, '');
    if (findUnits(segs[i]).length > 0) {
      const second = /\band\s+([a-z].*)$/.exec(seg); // 'up to 2.5 mg and ipratropium bromide'
      if (second) addName(second[1]);
      break;
    }
    if (QUALIFIER_SEGMENT.test(seg)) break;
    const words = seg.split(/\s+/).filter((w) => w !== 'or');
    const nameLike = (w: string): boolean =>
      /^[a-z][a-z-]{3,}$/.test(w) && !GENERIC_WORDS.has(w) && !MAKERS.has(w) && w.split('-').every((part) => !DESCRIPTIVE.has(part) && !NOT_A_NAME.has(part));
    if (words.length <= 3 && words.every(nameLike)) {
      for (const alternative of seg.split(/\s+or\s+/)) addName(alternative);
    }
  }
  const makerNamed = /not therapeutically equivalent/.test(lower);
  if (!makerNamed) for (const s of segs) for (const b of brandNames(s)) add(b);
  return names;
}

/**
 * The billing unit the descriptor states: the last amount outside parentheses, else the first
 * inside them. Amounts chained by '/' or 'and' name a combination ('1 gram/0.125 grams (1.125
 * grams)', 'netupitant 300 mg and palonosetron 0.5 mg'): a total in parentheses after the chain is
 * what one unit covers; without one the descriptor does not say which amount is billed, so the
 * unit is marked uncertain. 'provided in 1.1 mg vial' is packaging; '0.013mg per 24 hours' is a
 * release rate, and a ring or system billed ', each' is billed each.
 */
export function billingUnitOf(lower: string): BillingUnit | undefined {
  const found = findUnits(lower).filter((m) => !/provided in\s*$/.test(lower.slice(Math.max(0, m.start - 14), m.start)));
  const rates = found.filter((m) => /^\s*per\s+(?:24\s+)?(?:hours?|day|week)\b/.test(lower.slice(m.end, m.end + 16)));
  if (rates.length > 0 && /,\s*each$/.test(lower)) return withKind({ amount: 1, unit: 'each', text: 'each' });
  // '149 mg/ml iodine' is a concentration, not what one unit covers (unless nothing else is said)
  const amounts = found.filter((m) => !rates.includes(m) && !/^\s*\/\s*(?:ml|cc|l|kg)(?![a-z])/.test(lower.slice(m.end, m.end + 8)));
  const all = amounts.length > 0 ? amounts : found;
  const outside = all.filter((m) => m.depth === 0);
  if (outside.length > 0) {
    const gap = (k: number): string => lower.slice(outside[k - 1].end, outside[k].start);
    const last = outside.length - 1;
    let k = last;
    if (k > 0 && gap(k).length <= 60 && /\/|\band\b/.test(gap(k))) {
      while (k > 0 && gap(k).length <= 60 && /\/|\band\b|,/.test(gap(k))) k--;
    }
    if (k === last) return withKind(outside[k].unit);
    const components = outside.slice(k).map((m) => m.unit.text);
    // '1 gram/0.125 grams (1.125 grams)': the total in parentheses right after the chain
    const total = all.find((m) => m.depth === 1 && m.start > outside[last].end && /^\s*\(\s*$/.test(lower.slice(outside[last].end, m.start)));
    if (total) return withKind({ ...total.unit, components });
    const combo = lower.slice(outside[k].start, outside[last].end);
    return withKind({ ...outside[k].unit, text: combo, components, uncertain: true });
  }
  if (all.length > 0) return withKind(all[0].unit);
  if (/,\s*each$/.test(lower)) return withKind({ amount: 1, unit: 'each', text: 'each' });
  return undefined;
}

/** the unit's kind, from its wording: 'greater than 100 mg', 'up to 10 mg', 'per 4 mg', 'each', 'per dose' */
export function withKind(unit: BillingUnit): BillingUnit {
  const t = unit.text.trim().toLowerCase();
  const kind: UnitKind =
    unit.unit === 'each' || unit.unit === 'vial' || unit.unit === 'implant'
      ? 'each'
      : unit.unit === 'dose' || unit.unit === 'treatment' || unit.unit === 'infusion'
        ? 'per-dose'
        : /^(?:greater than|over|more than)\b/.test(t)
          ? 'greater-than'
          : unit.upTo || /^(?:up to|less than or equal to)\b/.test(t)
            ? 'up-to'
            : /^per\b/.test(t)
              ? 'per'
              : 'amount';
  const out: BillingUnit = { ...unit, kind };
  if (kind === 'up-to') out.upTo = true;
  return out;
}

/**
 * The unit CMS bills by: the ASP file's "HCPCS Code Dosage" when the code has one (it settles
 * combinations and thresholds), else the descriptor's. The descriptor's components stay attached.
 */
export function billingUnitFor(lower: string, aspDosage?: string): BillingUnit | undefined {
  const described = billingUnitOf(lower);
  const parsed = aspDosage ? parseAspDosage(aspDosage) : undefined;
  if (!parsed) return described ? { ...described, source: 'descriptor' } : undefined;
  const asp = withKind({ ...parsed, text: parsed.text.toLowerCase() });
  const out: BillingUnit = { ...asp, source: 'asp' };
  // the descriptor's wording ('per 4 mg') reads better than the ASP file's capitals, when both say the same
  if (described && !described.uncertain && sameBillingUnit(described, asp)) {
    out.text = described.text;
    if (asp.kind === 'amount' && described.kind) out.kind = described.kind;
    if (described.upTo) out.upTo = true;
  }
  if (described?.components) out.components = described.components;
  return out;
}

export function isNocDescriptor(code: string, lower: string): boolean {
  return NOC_DRUG_CODES.has(code) || NOC_TEXT.test(lower) || (NOS_TEXT.test(lower) && findUnits(lower).length === 0);
}

/** DrugInfo for a drug code (see isDrugCode, or any code the ASP file prices, with its dosage); undefined otherwise. */
export function drugInfoOf(r: CodeRecord, priced: boolean | string = false): DrugInfo | undefined {
  if (priced === false && !isDrugCode(r)) return undefined;
  const aspDosage = typeof priced === 'string' ? priced : undefined;
  const lower = r.long.toLowerCase();
  const noc = isNocDescriptor(r.code, lower);
  const info: DrugInfo = { code: r.code, drugs: noc ? [] : drugNamesOf(lower), noc, route: routeOf(lower) };
  if (!noc) {
    const unit = billingUnitFor(lower, aspDosage);
    if (unit) info.unit = unit;
  }
  return info;
}
