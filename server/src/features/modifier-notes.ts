// When a Level II modifier applies, in our own words, for the modifiers billers meet on drug,
// DME and liability lines. CMS descriptors say what a modifier means; these notes say when to use it.

const NOTES: Record<string, string> = {
  JW: 'Use: on its own line with the same drug code, for the units discarded from a single-dose container. Never with JZ on one line; not for oral drugs or multi-dose containers.',
  JZ: 'Use: on the drug line when nothing was discarded from a single-dose container of a separately payable Part B drug (required from 2023-07-01). Never with JW on one line; not for oral drugs or multi-dose containers.',
  KX: 'Use: the DME MAC immunosuppressive drug policy expects it on oral immunosuppressive lines (J7500-J7599) when the transplant criteria are met and documented; other policies use it the same way.',
  TB: 'Use: on drugs acquired through the 340B program; from 2025-01-01 it replaces JG.',
  JG: 'Terminated 2024-12-31: on dates of service from 2025-01-01 use TB instead.',
  GA: 'Use: when the patient signed an advance beneficiary notice for a service expected to be denied.',
  GZ: 'Use: when a service is expected to be denied and no advance beneficiary notice was obtained.',
  GY: 'Use: to get a denial on record for an excluded item, e.g. before billing a secondary payer.',
  JA: 'Use: when the payer or setting (e.g. ESRD) asks for the route of administration.',
  JB: 'Use: when the payer or setting (e.g. ESRD) asks for the route of administration.',
};

export function modifierNote(code: string): string | undefined {
  return NOTES[code.trim().toUpperCase()];
}
