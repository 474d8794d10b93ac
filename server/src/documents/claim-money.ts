// A claim's money as the outline and the code lens show it: the total charge, what was paid (835),
// and the sum of the line charges, all in integer cents.
import type { Claim } from '../model';
import { parseCents } from '../base/money';

export interface ClaimMoney {
  /** CLM02 / CLP03 when it is an amount */
  charge?: number;
  /** CLP04 when it is an amount (835 only) */
  paid?: number;
  /** the line charges added up, when every line carries one that is an amount */
  linesSum?: number;
}

export function claimMoney(claim: Claim): ClaimMoney {
  const out: ClaimMoney = {};
  const amounts = claim.amounts;
  if (amounts?.charge?.cents !== undefined) out.charge = amounts.charge.cents;
  if (amounts?.paid?.cents !== undefined) out.paid = amounts.paid.cents;
  // a compact claim kept the sum when its lines were read
  const sum = claim.outline ? claim.outline.linesSum : linesSum(claim);
  if (sum !== undefined) out.linesSum = sum;
  return out;
}

/** the line charges of a claim added up, when every line carries one that is an amount */
export function linesSum(claim: Claim): number | undefined {
  const lines = claim.lines;
  // X12 lines carry their charge as written (SVD lines carry none); CSV and FHIR a number
  const charged = lines.filter((l) => (l.amounts ? true : l.source !== 'SVD' && l.charge !== undefined));
  if (!claim.amounts && charged.length !== lines.length) return undefined;
  return addCents(charged.map((line) => (line.amounts ? line.amounts.charge?.cents : line.charge && chargeCents(line.charge.value))));
}

/** a line charge given as a number (CSV, FHIR), in cents */
export function chargeCents(value: number): number | undefined {
  return parseCents(String(value));
}

/** the amounts added up: undefined when there are none or one is not an amount */
export function addCents(cents: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  for (const c of cents) {
    if (c === undefined) return undefined;
    sum += c;
  }
  return cents.length ? sum : undefined;
}
