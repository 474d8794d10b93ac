// What the balancing rules share: which X12 element an amount is, the lines whose charges make up
// a claim's total, and sums in integer cents.
import type { Amount, Claim, ServiceLine } from '../model';
import { appendAll } from '../base/arrays';

/** the X12 element a line's charge is in (837P SV102, 837I SV203, 835 SVC02) */
export function chargeElement(line: ServiceLine): string {
  return line.source === 'SV2' ? 'SV203' : line.source === 'SVC' ? 'SVC02' : 'SV102';
}

/** CLM02 on a claim, CLP03 on a remittance */
export function claimChargeElement(claim: Claim): string {
  return claim.amounts?.status !== undefined || claim.amounts?.paid !== undefined ? 'CLP03' : 'CLM02';
}

/** the lines that carry a charge of their own: SV1/SV2 (837) or SVC (835), not SVD */
export function chargedLines(claim: Claim): ServiceLine[] {
  return claim.lines.filter((l) => l.amounts !== undefined);
}

/** the cents of every amount, or undefined when one is not an amount */
export function centsOf(amounts: readonly (Amount | undefined)[]): number[] | undefined {
  const out: number[] = [];
  for (const a of amounts) {
    if (a?.cents === undefined) return undefined;
    out.push(a.cents);
  }
  return out;
}

export const sum = (terms: readonly number[]): number => terms.reduce((a, b) => a + b, 0);

/**
 * 835 balancing (TR3 1.10.2.1): a charge less its CAS adjustments leaves what was paid. The cents
 * left and the adjustments' cents when that differs from `paid`; undefined when it balances or an
 * adjustment is not an amount (invalid-amount reports that).
 */
export function unbalanced(charge: number, adjustments: readonly Amount[], paid: number): { left: number; adjustments: number[] } | undefined {
  const cents = centsOf(adjustments);
  if (!cents) return undefined;
  const left = charge - sum(cents);
  return left === paid ? undefined : { left, adjustments: cents };
}

/** every CAS amount of the claim: claim level first, then each line's */
export function allAdjustments(claim: Claim): Amount[] {
  const out: Amount[] = [...(claim.amounts?.adjustments ?? [])];
  for (const line of claim.lines) if (line.amounts?.adjustments) appendAll(out, line.amounts.adjustments);
  return out;
}
