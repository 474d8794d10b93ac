// The read-only view of the HCPCS data that checks and features ask questions of.
// Dates are ISO strings 'yyyy-mm-dd' everywhere in the API (CMS writes YYYYMMDD; importers convert).

export interface ReleaseInfo {
  /** '2025-10' for the October 2025 quarterly file */
  id: string;
  /** 'HCPCS Level II, October 2025 (CMS)' */
  label: string;
  /** 'full' = a whole CMS release; 'core' = the hand-written starter set shipped in data/ */
  kind: 'full' | 'core';
  /** file the release was read from, when known (basename only) */
  source?: string;
  codeCount: number;
  modifierCount: number;
  /** ASP pricing quarter loaded with it, e.g. 'ASP October 2025' */
  asp?: string;
  /** every release loaded, oldest first (set on the code set's own release: the newest) */
  releases?: ReleaseSummary[];
  /** every ASP quarter loaded, oldest first */
  aspQuarters?: AspQuarterInfo[];
}

/** one loaded release, as the status bar and the stale-data clause name it */
export interface ReleaseSummary {
  id: string;
  label: string;
  codeCount: number;
  source?: string;
}

export interface AspQuarterInfo {
  /** '2025-10': the quarter the payment limits hold for */
  id: string;
  /** 'ASP October 2025' */
  label: string;
}

export interface CodeRecord {
  code: string; // 'J7507'
  short: string;
  long: string;
  addDate?: string;
  actionEffectiveDate?: string;
  termDate?: string;
  actionCode?: string; // A, D, C, N ...
  coverage?: string; // C, D, I, M, S
  pricing: string[]; // PRICE1..4 ('51' = drugs)
  xrefs: string[]; // XREF1..5
  betos?: string;
  tos: string[];
}

export interface ModifierRecord {
  code: string; // 'JW'
  short: string;
  long: string;
  addDate?: string;
  actionEffectiveDate?: string;
  termDate?: string;
  actionCode?: string;
}

export type CodeStatus = 'active' | 'not-yet-effective' | 'terminated';

export interface CodeLookup {
  record: CodeRecord;
  /** status on the date asked for (today when no date was given) */
  status: CodeStatus;
  /** the XREF successor of a terminated code, when the release names one */
  successor?: string;
  /** the first code down the XREF chain that is active on the date (C9136 -> Q9975 -> J7205) */
  activeSuccessor?: string;
  /** the release that answered: the one in force on the date */
  release?: ReleaseSummary;
}

export interface ModifierLookup {
  record: ModifierRecord;
  status: CodeStatus;
}

/** 'Injection, omalizumab, 5 mg' -> { amount: 5, unit: 'mg' } */
export interface BillingUnit {
  amount: number;
  /** normalised: 'mg' | 'mcg' | 'g' | 'ml' | 'units' | 'meq' | 'mci' | 'sq cm' | ... */
  unit: string;
  /** as the descriptor words it, e.g. 'per 4 mg', 'up to 10 mg', '100,000 units' */
  text: string;
  upTo?: boolean;
  /** how the amount bounds one unit: 'amount' (5 mg), 'per' (per 5 mg), 'up-to', 'greater-than', 'each', 'per-dose' */
  kind?: UnitKind;
  /** the model is not sure what one unit is: shown as written, never used to compute or fix units */
  uncertain?: boolean;
  /** where the unit comes from: the ASP file's HCPCS Code Dosage or the descriptor */
  source?: 'asp' | 'descriptor';
  /** a combination product's components as the descriptor lists them ('1 g piperacillin', '0.125 g tazobactam') */
  components?: string[];
}

export type UnitKind = 'amount' | 'per' | 'up-to' | 'greater-than' | 'each' | 'per-dose';

export type DrugRoute = 'oral' | 'injection' | 'inhalation' | 'infusion' | 'other';

export interface DrugInfo {
  code: string;
  /** lower-case drug names the descriptor covers ('tacrolimus'); empty for NOC */
  drugs: string[];
  unit?: BillingUnit;
  /** not otherwise classified: no unit, description required */
  noc: boolean;
  route?: DrugRoute;
}

export interface AspPrice {
  code: string;
  /** HCPCS Code Dosage, e.g. '1 MG' */
  dosage: string;
  /** Medicare payment limit per billing unit, in dollars; NaN when CMS writes N/A */
  paymentLimit: number;
  /** the ASP quarter ('2025-10') the limit holds for */
  quarter?: string;
}

export interface NdcCrosswalkEntry {
  ndc: string; // 11 digits, no hyphens
  code: string;
  drugName: string;
  labeler: string;
  hcpcsDosage: string;
  packageSize: number;
  packageQuantity: number;
  billUnits: number; // billable units per NDC unit (BILLUNITS)
  billUnitsPerPackage: number; // BILLUNITSPKG
}

export type RelationKind = 'same-drug' | 'successor' | 'predecessor' | 'family';

export interface RelatedCode {
  code: string;
  kind: RelationKind;
  short: string;
}

export interface CodeSet {
  readonly release: ReleaseInfo;
  /** true when a whole CMS release is loaded (only then may a code be called unknown) */
  readonly isFull: boolean;
  /** the code as the release in force on the date has it (the newest release when no date is given) */
  lookup(code: string, onDate?: string): CodeLookup | undefined;
  modifier(code: string, onDate?: string): ModifierLookup | undefined;
  /** CPT (Level I) modifier described in our own words (no AMA text) */
  cptModifier(code: string): { code: string; description: string } | undefined;
  /** codes starting with prefix (case-insensitive), in code order */
  searchPrefix(prefix: string, limit: number): CodeRecord[];
  /** codes whose descriptor words start with every word of the query, best first */
  searchWords(query: string, limit: number): CodeRecord[];
  allModifiers(): ModifierRecord[];
  drug(code: string, onDate?: string): DrugInfo | undefined;
  /** codes that cover this drug name (lower-case, whole name or a prefix of >= 4 letters) */
  codesForDrug(name: string): string[];
  /** is this word (lower-case) the name of a drug some code covers? */
  isDrugName(word: string): boolean;
  related(code: string, limit?: number): RelatedCode[];
  /** the payment limit of the ASP quarter holding the date (the newest quarter when no date is given) */
  asp(code: string, onDate?: string): AspPrice | undefined;
  /** the crosswalk row of this NDC: for the given code when asked, else the first of its codes */
  ndc(ndc11: string, code?: string): NdcCrosswalkEntry | undefined;
  /** every crosswalk row of this NDC: CMS maps some NDCs to several codes */
  ndcRows(ndc11: string): NdcCrosswalkEntry[];
}
