// The content of a synthetic claim, independent of format: every generator (X12, CSV, FHIR) writes
// the same kind of lines, so formats are compared on equal work. Most lines are clean; a few carry
// one deliberate problem each, so the checks have something to find.
import type { Rng } from './prng';
import { catalog, diagnoses, terminatedCodes, weightedPicker, type CatalogCode, type NdcPackage } from './catalog';

export type ProblemKind =
  | 'missing-jw-jz'
  | 'missing-kx'
  | 'code-not-effective'
  | 'modifier-not-effective'
  | 'fractional-units'
  | 'invalid-ndc'
  | 'noc-needs-description';

export const problemKinds: readonly ProblemKind[] = [
  'missing-jw-jz',
  'missing-kx',
  'code-not-effective',
  'modifier-not-effective',
  'fractional-units',
  'invalid-ndc',
  'noc-needs-description',
];

export interface PlannedLine {
  code: string;
  modifiers: string[];
  /** units as written ('60', '2.5') */
  units: string;
  charge: string;
  /** line-level date of service (ISO), when the line carries its own */
  date?: string;
  ndc?: { ndc: string; quantity: string; unit: string };
  /** description naming drug, NDC and dose (NOC lines) */
  description?: string;
  note?: string;
  drug: string;
  problem?: ProblemKind;
}

export interface PlannedClaim {
  id: string;
  /** claim-level date of service (ISO), when the claim carries one */
  date?: string;
  diagnoses: string[];
  lines: PlannedLine[];
  total: string;
}

const pickCode = weightedPicker(catalog);
const firstDay = Date.UTC(2025, 6, 1); // 2025-07-01: after JG's termination, inside the JZ era
const dayCount = 123; // through 2025-10-31
const isoDays: string[] = Array.from({ length: dayCount }, (_, i) => new Date(firstDay + i * 86_400_000).toISOString().slice(0, 10));

export function isoToD8(iso: string): string {
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/** '12.5' not '12.500'; whole numbers without a point */
export function decimal(n: number, places = 2): string {
  return String(Number(n.toFixed(places)));
}

function ndcFor(pack: NdcPackage, units: number): PlannedLine['ndc'] {
  return { ndc: pack.ndc, quantity: decimal(units / pack.unitsPerNdcUnit, 3), unit: pack.ndcUnit };
}

/** One problem per problem line; each kind only where it makes sense for the code drawn. */
function problemFor(rng: Rng, entry: CatalogCode, problemRate: number): ProblemKind | undefined {
  if (!rng.chance(problemRate)) return undefined;
  const candidates: ProblemKind[] = ['code-not-effective', 'fractional-units'];
  if (entry.kind === 'single-dose') candidates.push('missing-jw-jz', 'modifier-not-effective');
  if (entry.kind === 'oral-immunosuppressive') candidates.push('missing-kx');
  if (entry.ndcs.length) candidates.push('invalid-ndc');
  if (entry.kind === 'noc') candidates.push('noc-needs-description');
  return rng.pick(candidates);
}

export function planLine(rng: Rng, problemRate: number): PlannedLine {
  const entry = pickCode(rng.next());
  const problem = problemFor(rng, entry, problemRate);
  let code = entry.code;
  let drug = entry.drug;
  let unitsValue = rng.int(entry.minUnits, entry.maxUnits);
  let pack = entry.ndcs.length ? rng.pick(entry.ndcs) : undefined;
  const modifiers: string[] = [];

  if (problem === 'code-not-effective') {
    const gone = rng.pick(terminatedCodes);
    code = gone.code;
    drug = gone.drug;
    pack = gone.ndc;
  }
  if (entry.kind === 'oral-immunosuppressive' && problem !== 'missing-kx') modifiers.push('KX');
  if (entry.kind === 'single-dose' && problem !== 'missing-jw-jz') modifiers.push('JZ');
  if (problem === 'modifier-not-effective') modifiers.push('JG');
  if (entry.extraModifiers && rng.chance(0.5)) modifiers.push(rng.pick(entry.extraModifiers));
  if (entry.alwaysModifiers) modifiers.push(...entry.alwaysModifiers);

  let units = String(unitsValue);
  if (problem === 'fractional-units') {
    units = `${unitsValue}.5`;
    unitsValue += 0.5;
  }
  let ndc = pack ? ndcFor(pack, unitsValue) : undefined;
  if (problem === 'invalid-ndc' && ndc) {
    // a dropped leading zero (10 digits) or a typed letter: both seen in real submissions
    ndc = { ...ndc, ndc: rng.chance(0.5) ? ndc.ndc.slice(1) : ndc.ndc.slice(0, 6) + 'O' + ndc.ndc.slice(7) };
  }

  let description: string | undefined;
  if (entry.kind === 'noc' && problem !== 'noc-needs-description' && ndc) {
    description = `VASOPRESSIN 20 UNITS NDC ${ndc.ndc}`;
  }
  const note = entry.kind !== 'service' && rng.chance(0.08) ? `${drug.toUpperCase()} ${unitsValue} X ${entry.unitDose.toUpperCase()}` : undefined;

  return {
    code,
    modifiers,
    units,
    charge: decimal(unitsValue * entry.chargePerUnit),
    ndc,
    description,
    note,
    drug,
    problem,
  };
}

export function planClaim(rng: Rng, claimNumber: number, problemRate: number): PlannedClaim {
  const claimDate = rng.pick(isoDays);
  const hasClaimDate = rng.chance(0.5);
  const lineCount = rng.int(1, 6);
  const lines: PlannedLine[] = [];
  let total = 0;
  for (let i = 0; i < lineCount; i++) {
    const line = planLine(rng, problemRate);
    // without a claim-level date every line needs its own; with one, some lines still override it
    if (!hasClaimDate || rng.chance(0.3)) line.date = rng.chance(0.8) ? claimDate : rng.pick(isoDays);
    total += Number(line.charge);
    lines.push(line);
  }
  const dx = [rng.pick(diagnoses)];
  if (rng.chance(0.6)) dx.push(rng.pick(diagnoses));
  return {
    id: `BENCH${String(claimNumber).padStart(8, '0')}`,
    date: hasClaimDate ? claimDate : undefined,
    diagnoses: dx,
    lines,
    total: decimal(total),
  };
}
