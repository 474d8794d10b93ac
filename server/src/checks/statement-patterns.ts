// The patterns fact checks read statements with: one table per kind of statement, not a list of
// sentences. A pattern only speaks for the code right before it in its clause; a negation or a
// condition between them ("not", "unlike", "when", "before") means the text does not state the fact.
import type { DrugRoute } from '../codeset/types';

/** words between a code and a claim that make the claim not a plain statement about the code */
const HEDGE = /\b(?:not|never|no|nor|neither|unlike|rather|instead|other than|except|excludes?|excluding|isn'?t|aren'?t|doesn'?t|don'?t|cannot|can'?t|when|if|unless|while|whereas|than|after|before|until|prior|formerly|previously|switch(?:ed)?|convert(?:ed)?|transition(?:ed)?|from|replaced|or)\b/i;

export function hedged(between: string): boolean {
  return HEDGE.test(between);
}

/** the clause of a phrase: up to ';', ':' or a conjunction that starts another statement */
export function clauseOf(phrase: string): string {
  const m = /[;:]|\s(?:but|while|whereas|although|however)\s|,\s*(?:and|but|while|whereas|so)\s/i.exec(phrase);
  return m ? phrase.slice(0, m.index) : phrase;
}

/** route words: what a statement says about how the drug is given */
export const ROUTE_STATEMENTS: { pattern: RegExp; route: 'oral' | 'parenteral' | 'inhalation' }[] = [
  { pattern: /\b(?:intravenous(?:ly)?|IV|infusions?|infused|injections?|injectable|injected|parenteral(?:ly)?|subcutaneous(?:ly)?|intramuscular(?:ly)?|vials?)\b/, route: 'parenteral' },
  { pattern: /\b(?:oral(?:ly)?|by mouth|capsules?|tablets?|PO)\b/, route: 'oral' },
  { pattern: /\b(?:inhal(?:ed|ation)|nebuli[sz]ed|nebuli[sz]er)\b/, route: 'inhalation' },
];

/** the descriptor's route in the same three groups; 'other' is not judged */
export function routeGroup(route: DrugRoute | undefined): 'oral' | 'parenteral' | 'inhalation' | undefined {
  if (route === 'oral') return 'oral';
  if (route === 'injection' || route === 'infusion') return 'parenteral';
  if (route === 'inhalation') return 'inhalation';
  return undefined;
}

/** billing-unit statements: "per 5 mg", "per milligram", "1 mg per unit", "one unit = 0.25 mg" */
const UNIT = String.raw`(micrograms?|mcg|milligrams?|mg|grams?|g|milliliters?|ml|units?|iu)`;
const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+|one|a)`;
export const UNIT_STATEMENTS: RegExp[] = [
  new RegExp(String.raw`\bper[ \t]+(?:${AMOUNT}[ \t]*)?${UNIT}(?![A-Za-z])`, 'gi'),
  new RegExp(String.raw`\b${AMOUNT}[ \t]*${UNIT}[ \t]+(?:per|a|each|=)[ \t]+(?:billing[ \t]+|billable[ \t]+|hcpcs[ \t]+)?unit\b`, 'gi'),
  new RegExp(String.raw`\b(?:one|1|each)[ \t]+(?:billing[ \t]+)?unit[ \t]*(?:=|equals|is|covers)[ \t]+${AMOUNT}[ \t]*${UNIT}(?![A-Za-z])`, 'gi'),
];

export function amountOf(raw: string | undefined): number {
  if (raw === undefined || /^(?:one|a)$/i.test(raw)) return 1;
  return Number(raw.replace(/,/g, ''));
}

/** what a code is said to be: a claim, and when the data contradicts it */
export interface KindStatement {
  id: string;
  pattern: RegExp;
  /** the claim is false for a code that is NOC (true) or one that names a drug (false) */
  falseWhenNoc: boolean;
}
export const KIND_STATEMENTS: KindStatement[] = [
  { id: 'specific', pattern: /\b(?:a|the)[ \t]+(?:specific|dedicated|drug-specific|product-specific)[ \t]+(?:drug[ \t]+|product[ \t]+)?code\b|\bspecific to (?:one|a single) (?:drug|product)\b/i, falseWhenNoc: true },
  { id: 'noc', pattern: /\b(?:a[ \t]+)?(?:not otherwise classified|NOC|unclassified|unlisted|not otherwise specified)\b/i, falseWhenNoc: false },
];

/** range statements: "J7500 through J7513 include sirolimus" */
export const RANGE_JOIN = /^[ \t]*(?:through|thru|to|–|—|-)[ \t]*$/i;
export const RANGE_CLAIM = /\b(?:includes?|including|covers?|covering|contains?|containing|are for|is for|span|spans)\b/i;

/** what a modifier does not mean, with the policy that says so (CMS JW/JZ policy, effective 2023-07-01) */
export const MODIFIER_MEANINGS: { modifier: string; contradicts: RegExp; fact: string }[] = [
  { modifier: 'JW', contradicts: /\bmulti(?:ple)?[- ]?dose\b/i, fact: 'JW reports an amount discarded from a single-dose container or package; CMS does not apply JW or JZ to multiple-dose containers' },
  { modifier: 'JZ', contradicts: /\bmulti(?:ple)?[- ]?dose\b/i, fact: 'JZ reports that nothing was discarded from a single-dose container or package; CMS does not apply JW or JZ to multiple-dose containers' },
];

/** a sentence about the past (a year, a date, "before", "replaced"): a terminated modifier is history there */
export const HISTORY = /\b(?:19|20)\d\d\b|\b(?:before|until|through|prior|formerly|previously|replaced|replaces|retired|terminated|ended|discontinued|deleted|was|were|used to|no longer|instead|old|former|historical|history)\b/i;
