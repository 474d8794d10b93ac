// Dose arithmetic: convert a written dose into the code's billing unit and count whole units.
import type { BillingUnit } from '../codeset/types';

/** factors into a base unit per dimension; units in different dimensions never convert */
const FACTORS: Record<string, { base: string; factor: number }> = {
  g: { base: 'mass', factor: 1_000_000 },
  gm: { base: 'mass', factor: 1_000_000 },
  gram: { base: 'mass', factor: 1_000_000 },
  grams: { base: 'mass', factor: 1_000_000 },
  mg: { base: 'mass', factor: 1000 },
  mcg: { base: 'mass', factor: 1 },
  ug: { base: 'mass', factor: 1 },
  microgram: { base: 'mass', factor: 1 },
  micrograms: { base: 'mass', factor: 1 },
  l: { base: 'volume', factor: 1000 },
  ml: { base: 'volume', factor: 1 },
  cc: { base: 'volume', factor: 1 },
  units: { base: 'units', factor: 1 },
  unit: { base: 'units', factor: 1 },
  iu: { base: 'units', factor: 1 },
  meq: { base: 'meq', factor: 1 },
  mci: { base: 'mci', factor: 1 },
};

/** amount expressed in `to`, or undefined when the units are not comparable */
export function convert(amount: number, from: string, to: string): number | undefined {
  const a = FACTORS[from.trim().toLowerCase()];
  const b = FACTORS[to.trim().toLowerCase()];
  if (a && b) return a.base === b.base ? (amount * a.factor) / b.factor : undefined;
  return from.trim().toLowerCase() === to.trim().toLowerCase() ? amount : undefined;
}

export interface UnitCount {
  /** dose ÷ amount per unit, before rounding */
  exact: number;
  /** rounded up to a whole billing unit */
  units: number;
  /** the dose restated in the billing unit's measure */
  dose: number;
}

/** 375 mg against 'Cyclosporine, oral, 100 mg' -> 3.75 -> 4 units */
export function unitsForDose(amount: number, unit: string, billing: BillingUnit): UnitCount | undefined {
  if (!(billing.amount > 0) || !(amount > 0)) return undefined;
  const dose = convert(amount, unit, billing.unit);
  if (dose === undefined) return undefined;
  const exact = dose / billing.amount;
  return { exact, units: roundUp(exact), dose };
}

/** ceil that forgives binary noise: 2.0000000001 is 2 */
export function roundUp(n: number): number {
  return Math.ceil(n - 1e-9);
}

/** 0.5 -> '0.5', 2 -> '2', 1/3 -> '0.3333' */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(4)));
}
