// What the synthetic claims are made of: a realistic mix of drug lines (facts from the CMS Oct 2025
// release and ASP crosswalk: codes, billing units, NDCs) and the non-drug lines that surround them.

/** How a code is billed decides which modifiers a clean line carries. */
export type BillingKind =
  | 'oral-immunosuppressive' // J7500-J7599 oral: KX
  | 'single-dose' // Part B injectable from a single-dose vial: JZ (or JW on a waste line)
  | 'multi-dose' // injectable, no JW/JZ
  | 'noc' // not otherwise classified: description names drug, NDC, dose
  | 'service'; // administration / visit / supply: no NDC

/** An NDC with how many billing units one CTP unit (capsule, vial, mL) holds, from the crosswalk. */
export interface NdcPackage {
  ndc: string; // 11 digits, 5-4-2 without hyphens
  unitsPerNdcUnit: number;
  ndcUnit: 'UN' | 'ML';
}

const ndc = (code: string, unitsPerNdcUnit: number, ndcUnit: 'UN' | 'ML'): NdcPackage => ({ ndc: code, unitsPerNdcUnit, ndcUnit });

export interface CatalogCode {
  code: string;
  kind: BillingKind;
  /** lower-case drug name the descriptor covers (empty for services) */
  drug: string;
  /** amount one billing unit covers, e.g. '1 mg' (for notes) */
  unitDose: string;
  minUnits: number;
  maxUnits: number;
  chargePerUnit: number;
  /** NDCs from the ASP crosswalk */
  ndcs: NdcPackage[];
  /** how often it appears relative to the others */
  weight: number;
  /** modifiers a clean line sometimes adds (laterality) */
  extraModifiers?: string[];
  /** modifiers every line of this code carries (DME rental) */
  alwaysModifiers?: string[];
}

export const catalog: readonly CatalogCode[] = [
  { code: 'J7507', kind: 'oral-immunosuppressive', drug: 'tacrolimus', unitDose: '1 mg', minUnits: 60, maxUnits: 180, chargePerUnit: 2.1, ndcs: [ndc('00378204501', 0.5, 'UN'), ndc('00378204601', 1, 'UN')], weight: 8 },
  { code: 'J7520', kind: 'oral-immunosuppressive', drug: 'sirolimus', unitDose: '1 mg', minUnits: 30, maxUnits: 90, chargePerUnit: 9.4, ndcs: [ndc('00008103006', 1, 'UN'), ndc('00008104005', 0.5, 'UN')], weight: 4 },
  { code: 'J7502', kind: 'oral-immunosuppressive', drug: 'cyclosporine', unitDose: '100 mg', minUnits: 30, maxUnits: 120, chargePerUnit: 3.8, ndcs: [ndc('00074310932', 1, 'UN'), ndc('00074726950', 1, 'UN')], weight: 4 },
  { code: 'J7517', kind: 'oral-immunosuppressive', drug: 'mycophenolate mofetil', unitDose: '250 mg', minUnits: 120, maxUnits: 360, chargePerUnit: 0.6, ndcs: [ndc('00004025901', 1, 'UN')], weight: 3 },
  { code: 'J1745', kind: 'single-dose', drug: 'infliximab', unitDose: '10 mg', minUnits: 30, maxUnits: 100, chargePerUnit: 52, ndcs: [ndc('57894003001', 10, 'UN'), ndc('57894016001', 10, 'UN')], weight: 5 },
  { code: 'J0897', kind: 'single-dose', drug: 'denosumab', unitDose: '1 mg', minUnits: 60, maxUnits: 120, chargePerUnit: 21, ndcs: [ndc('55513071001', 60, 'UN'), ndc('55513071021', 60, 'UN')], weight: 5 },
  { code: 'J9312', kind: 'single-dose', drug: 'rituximab', unitDose: '10 mg', minUnits: 50, maxUnits: 100, chargePerUnit: 98, ndcs: [ndc('50242005121', 1, 'ML'), ndc('50242005306', 1, 'ML')], weight: 4 },
  { code: 'J2357', kind: 'single-dose', drug: 'omalizumab', unitDose: '5 mg', minUnits: 30, maxUnits: 75, chargePerUnit: 31, ndcs: [ndc('50242004062', 30, 'UN'), ndc('50242021401', 30, 'ML')], weight: 4 },
  { code: 'J0178', kind: 'single-dose', drug: 'aflibercept', unitDose: '1 mg', minUnits: 2, maxUnits: 2, chargePerUnit: 930, ndcs: [ndc('61755000501', 40, 'ML'), ndc('61755000502', 40, 'ML')], weight: 3, extraModifiers: ['RT', 'LT'] },
  { code: 'J9035', kind: 'single-dose', drug: 'bevacizumab', unitDose: '10 mg', minUnits: 40, maxUnits: 100, chargePerUnit: 65, ndcs: [ndc('50242006001', 2.5, 'ML'), ndc('50242006101', 2.5, 'ML')], weight: 3 },
  { code: 'J0585', kind: 'single-dose', drug: 'onabotulinumtoxina', unitDose: '1 unit', minUnits: 100, maxUnits: 200, chargePerUnit: 7.2, ndcs: [ndc('00023114501', 100, 'UN'), ndc('00023392102', 200, 'UN')], weight: 2 },
  { code: 'J7402', kind: 'single-dose', drug: 'mometasone', unitDose: '10 mcg', minUnits: 135, maxUnits: 135, chargePerUnit: 11, ndcs: [ndc('10599000301', 135, 'UN')], weight: 1, extraModifiers: ['RT', 'LT'] },
  { code: 'J1100', kind: 'multi-dose', drug: 'dexamethasone', unitDose: '1 mg', minUnits: 4, maxUnits: 20, chargePerUnit: 0.4, ndcs: [ndc('00404979530', 4, 'ML'), ndc('00404980505', 4, 'ML')], weight: 4 },
  { code: 'J3301', kind: 'multi-dose', drug: 'triamcinolone', unitDose: '10 mg', minUnits: 2, maxUnits: 8, chargePerUnit: 1.9, ndcs: [ndc('00003029305', 4, 'ML'), ndc('00003029320', 4, 'ML')], weight: 3 },
  { code: 'J2270', kind: 'multi-dose', drug: 'morphine', unitDose: '10 mg', minUnits: 1, maxUnits: 4, chargePerUnit: 6, ndcs: [ndc('00409113403', 5, 'ML'), ndc('00409113405', 5, 'ML')], weight: 2 },
  { code: 'J0561', kind: 'multi-dose', drug: 'penicillin g benzathine', unitDose: '100,000 units', minUnits: 12, maxUnits: 24, chargePerUnit: 18, ndcs: [ndc('50090101600', 6, 'ML'), ndc('50090101601', 6, 'ML')], weight: 2 },
  { code: 'J3490', kind: 'noc', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 120, ndcs: [ndc('81298855203', 1, 'ML')], weight: 2 },
  { code: '96413', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 310, ndcs: [], weight: 5 },
  { code: '96372', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 45, ndcs: [], weight: 6 },
  { code: '96365', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 190, ndcs: [], weight: 3 },
  { code: '99213', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 110, ndcs: [], weight: 4 },
  { code: 'G0008', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 35, ndcs: [], weight: 1 },
  { code: 'E0431', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 1, chargePerUnit: 60, ndcs: [], weight: 1, alwaysModifiers: ['RR'] },
  { code: 'A4253', kind: 'service', drug: '', unitDose: '', minUnits: 1, maxUnits: 2, chargePerUnit: 40, ndcs: [], weight: 1 },
];

/** Codes terminated before the generated dates of service (Oct 2025 release): problem lines. */
export const terminatedCodes: readonly { code: string; drug: string; ndc: NdcPackage }[] = [
  { code: 'J7401', drug: 'mometasone', ndc: ndc('10599000301', 135, 'UN') }, // terminated 2021-03-31, successor J7402
  { code: 'J1300', drug: 'eculizumab', ndc: ndc('25682000101', 5, 'ML') }, // terminated 2025-03-31
];

/** ICD-10-CM diagnoses as written in X12 (no dot); J4550 and E1022 look like HCPCS codes on purpose. */
export const diagnoses: readonly string[] = ['Z940', 'Z944', 'M0570', 'C8330', 'J4550', 'M810', 'H353210', 'E1022', 'D693', 'N186'];

/** Invented names: never real people. */
export const lastNames: readonly string[] = ['SAMPLE', 'TESTER', 'EXAMPLE', 'DEMO', 'MOCK', 'PLACEHOLDER', 'SYNTH', 'FICTION'];
export const firstNames: readonly string[] = ['ALEX', 'JORDAN', 'CASEY', 'RILEY', 'MORGAN', 'QUINN', 'SAGE', 'ROWAN'];

/** Cumulative weights for weighted picks, built once. */
export function weightedPicker<T extends { weight: number }>(items: readonly T[]): (u: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += item.weight));
  return (u) => {
    const target = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}
