// Code values of the CMS HCPCS record layout (coverage code, pricing indicator), in our own words.
// Source: the HCPCS contractor record layout, fields 9 and 16.

const COVERAGE: Record<string, string> = {
  C: 'Carrier judgment: the Medicare contractor decides whether it is covered',
  D: 'Special coverage instructions apply (national or contractor policy)',
  I: 'Not payable by Medicare',
  M: 'Not covered by Medicare',
  S: 'Not covered by Medicare, by statute',
};

const PRICING: Record<string, string> = {
  '00': 'not separately priced by Part B (bundled, not covered, or Part A only)',
  '11': 'physician fee schedule, priced from national RVUs',
  '12': 'physician fee schedule, priced from national anesthesia base units',
  '13': 'physician fee schedule, priced by the contractor (e.g. not otherwise classified or individual consideration)',
  '21': 'clinical lab fee schedule, subject to the national limitation amount',
  '22': 'clinical lab fee schedule, priced by the contractor (e.g. gap-fill)',
  '31': 'DMEPOS: frequently serviced equipment',
  '32': 'DMEPOS: inexpensive or routinely purchased equipment',
  '33': 'DMEPOS: oxygen and oxygen equipment',
  '34': 'DMEPOS: supplies',
  '35': 'DMEPOS: surgical dressings',
  '36': 'DMEPOS: capped rental equipment',
  '37': 'DMEPOS: ostomy, tracheostomy and urological supplies',
  '38': 'DMEPOS: orthotics, prosthetics, prosthetic devices and vision services',
  '39': 'parenteral and enteral nutrition',
  '45': 'customized durable medical equipment',
  '46': 'DMEPOS, priced by the contractor (e.g. not otherwise classified, gap-filled)',
  '51': 'drug',
  '52': 'reasonable charge',
  '53': 'priced by statute',
  '54': 'vaccination',
  '55': 'splints and casts',
  '56': 'intraocular lens inserted in a physician office',
  '57': 'other, priced by the contractor',
  '99': 'no value established',
};

/** 'D' -> 'Special coverage instructions apply …'; undefined for blank or unknown values */
export function coverageText(code: string | undefined): string | undefined {
  const c = code?.trim().toUpperCase();
  return c ? COVERAGE[c] : undefined;
}

/** '51' -> 'drug'; undefined for blank or unknown values */
export function pricingText(indicator: string | undefined): string | undefined {
  const p = indicator?.trim();
  return p ? PRICING[p.padStart(2, '0')] : undefined;
}
