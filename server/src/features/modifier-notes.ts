// When a Level II modifier applies, in our own words, for the modifiers billers meet on drug,
// DME and liability lines. CMS descriptors say what a modifier means; these notes say when to use it.

const NOTES: Record<string, string> = {
  JW: 'Reports the amount of a single-dose container that was discarded. Goes on its own line with the same drug code and the discarded units; never on the same line as JZ; not for oral drugs or multi-dose containers.',
  JZ: 'Says nothing was discarded from a single-dose container of a separately payable Part B drug. Required from 2023-07-01 when nothing was discarded; never together with JW; not for oral drugs or multi-dose containers.',
  KX: 'Says the requirements of the medical policy are met and documented. The DME MAC immunosuppressive drug policy expects it on oral immunosuppressive lines (J7500-J7599) when the transplant criteria are met.',
  TB: 'Marks a drug acquired through the 340B program. From 2025-01-01 it replaces JG.',
  JG: 'Marked a drug acquired through the 340B program. Terminated 2024-12-31: use TB on dates of service from 2025-01-01.',
  GA: 'A waiver of liability (advance beneficiary notice) is on file for a service expected to be denied.',
  GZ: 'The service is expected to be denied as not reasonable and necessary and no waiver of liability is on file.',
  GY: 'The item or service is excluded by statute or is not a benefit; used to get a denial on record.',
  JA: 'The drug was given intravenously (asked for by some payers and in the ESRD setting).',
  JB: 'The drug was given subcutaneously (asked for by some payers and in the ESRD setting).',
  RR: 'The equipment is rented.',
  NU: 'The equipment is new and purchased.',
  UE: 'The equipment is used and purchased.',
  RT: 'Right side of the body.',
  LT: 'Left side of the body.',
};

export function modifierNote(code: string): string | undefined {
  return NOTES[code.trim().toUpperCase()];
}
