// The one model every reader produces and every check and feature reads.
// Positions are UTF-16 offsets into the document text (what TextDocument uses); features
// convert them to line/character at the edge.

export interface Range {
  start: number;
  end: number;
}

/** A value read from the text, with the exact range of the characters it came from. */
export interface Span<T = string> {
  value: T;
  range: Range;
}

/**
 * A money amount as written (the span's value is the text) and, when the text is an amount, its
 * value in integer cents: sums and comparisons are exact.
 */
export interface Amount extends Span<string> {
  cents?: number;
}

/** X12 money of a service line: the charge (SV102, SV203, SVC02), the paid amount (SVC03) and its CAS adjustment amounts */
export interface LineAmounts {
  charge?: Amount;
  paid?: Amount;
  /** 835 lines with CAS only: absent elsewhere, which saves an array per line on large 837s */
  adjustments?: Amount[];
}

/** X12 money of a claim: total charge (CLM02, CLP03), paid (CLP04), claim-level CAS amounts, and the 835 status (CLP02) */
export interface ClaimAmounts {
  charge?: Amount;
  paid?: Amount;
  adjustments: Amount[];
  status?: Span<string>;
  /** service lines (SV1/SV2/SVC) the reader could not read (no procedure code): their money is in no line */
  unreadLines?: number;
}

/**
 * An 835 transaction's payment: BPR02, the PLB adjustment amounts, and the CLP04 of its claims added
 * up as they are read (a streamed file keeps no claims, so the sum is kept here).
 */
export interface PaymentAmounts {
  paid?: Amount;
  adjustments: Amount[];
  claimsPaid: { cents: number; claims: number; unreadable: number };
}

export type DocumentFormat = 'x12' | 'csv' | 'fhir' | 'prose';

/**
 * What the document is for, which decides the rules that apply: 'claim' is being prepared or
 * submitted (837P/837I, a claim-line export, FHIR Claim); 'remittance' is adjudicated history (835,
 * FHIR ExplanationOfBenefit, CCW RIF research exports); 'note' is a clinical or billing note with
 * billing lines; 'reference' is a billing guide, coverage article, code list or README.
 */
export type DocumentKind = 'claim' | 'remittance' | 'note' | 'reference';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['claim', 'remittance', 'note', 'reference'];

export type ProblemSeverity = 'error' | 'warning' | 'information';

/** Something a reader could not understand (or a tolerance worth reporting). */
export interface ReadProblem {
  /** stable id, e.g. 'x12-damaged-isa', 'csv-unterminated-quote', 'json-syntax' */
  id: string;
  message: string;
  range: Range;
  severity: ProblemSeverity;
}

/** Where the reader says a new modifier goes: insert `prefix + MOD + suffix` at `offset`. */
export interface ModifierSlot {
  offset: number;
  prefix: string;
  suffix: string;
}

/** A drug name and/or dose written near a code (prose, SV101-7 description, NTE). */
export interface DoseMention {
  range: Range;
  drug?: Span<string>; // lower-case drug name as written, e.g. "tacrolimus"
  amount?: Span<number>; // 5
  unit?: Span<string>; // normalised: 'mg' | 'mcg' | 'g' | 'ml' | 'units' | 'meq' | ...
}

export type ServiceLineSource = 'SV1' | 'SV2' | 'SVC' | 'SVD' | 'csv' | 'fhir' | 'prose';

export interface ServiceLine {
  source: ServiceLineSource;
  /** whole extent of the line: from LX/SV1 to the last segment of its loop, a CSV row, a FHIR item, a prose sentence */
  range: Range;
  /** code qualifier as written: 'HC', 'N4', 'ER', FHIR system URL ... */
  qualifier?: Span<string>;
  /** procedure code as written (not upper-cased) */
  code: Span<string>;
  modifiers: Span<string>[];
  units?: Span<number>;
  /** raw text of the units field, e.g. "1.5" or "" */
  unitsText?: Span<string>;
  unitBasis?: Span<string>; // UN, MJ, ...
  charge?: Span<number>;
  ndc?: Span<string>; // as written (digits, maybe hyphenated)
  ndcQualifier?: Span<string>; // N4
  ndcQuantity?: Span<number>; // CTP04
  ndcUnit?: Span<string>; // CTP05-1: UN, ML, GR, F2, ME
  /** date of service that applies to this line (line-level date, else the claim's), ISO yyyy-mm-dd */
  serviceDate?: Span<string>;
  /** SV101-7 / CSV description column / FHIR item text */
  description?: Span<string>;
  notes: Span<string>[]; // NTE02 etc.
  /** drug names / doses found in description, notes or surrounding prose */
  doses: DoseMention[];
  /** where to insert a new modifier; absent when the format has no room for one */
  modifierSlot?: ModifierSlot;
  /** where to insert units when they are missing (prose) */
  unitsSlot?: ModifierSlot;
  /** the line's number as the file gives it: X12 LX01, FHIR item.sequence, a CSV line-number column */
  sequence?: Span<number>;
  /** positions of the claim's diagnoses this line points to (837P SV107, FHIR item.diagnosisSequence, a CSV pointer column) */
  diagnosisPointers?: Span<number>[];
  /** X12: the line's money as written, in cents (SVD lines have none) */
  amounts?: LineAmounts;
}

/** Which code set a diagnosis is written in: from the HI qualifier, the FHIR coding system, else unknown. */
export type DiagnosisSystem = 'icd10' | 'icd9' | 'unknown';

/**
 * A diagnosis code of a claim (X12 HI composite, CSV diagnosis column, FHIR Claim.diagnosis), never
 * a procedure. The span is the code as written (X12 without the dot).
 */
export interface Diagnosis extends Span<string> {
  /** what a line's diagnosis pointer refers to: 1-based, in the order the claim lists its diagnoses (FHIR: diagnosis.sequence) */
  position: number;
  system: DiagnosisSystem;
  /** X12 HI qualifier as written: ABK principal, ABF other, ABJ admitting, APR reason for visit, BK/BF ICD-9 */
  qualifier?: Span<string>;
  /** the principal (first-listed) diagnosis: HI qualifier ABK/BK, FHIR type "principal", else position 1 */
  principal: boolean;
}

export interface Claim {
  /** CLM01 / CSV claim id column / FHIR id */
  id?: Span<string>;
  range: Range;
  serviceDate?: Span<string>; // claim-level date (ISO)
  diagnoses: Diagnosis[];
  lines: ServiceLine[];
  /** X12: the claim's money (CLM02; CLP02-04 and claim-level CAS) */
  amounts?: ClaimAmounts;
  /** X12: how many segments the claim holds (its share of SE01), so an edit inside it adjusts the count without a re-read */
  segments?: number;
  /** label for outlines: never patient names */
  label: string;
  /**
   * A claim kept compact (documents/compact-claims.ts): its lines and diagnoses are read again from
   * the text when asked; what a whole-document feature needs of them is kept here instead.
   */
  outline?: ClaimOutline;
}

/** what the outline, code lenses, folding and fix-all need of a compact claim's lines without reading them */
export interface ClaimOutline {
  /** each line's range: start, end, start, end ... (lineRanges.length / 2 lines) */
  lineRanges: Int32Array;
  /** the line charges added up (features/claim-money.ts), when every line carries one that is an amount */
  linesSum?: number;
}

export type MentionContext =
  | 'text' // prose, unrecognised CSV column, JSON string
  | 'diagnosis' // HI, ICD column: not a procedure
  | 'other'; // id / plan / LCD context: not a procedure

/** A code-looking token outside a service line. */
export interface CodeMention {
  code: Span<string>;
  context: MentionContext;
  modifiers: Span<string>[];
  /** prose: the sentence holding the mention (what fact checks read) */
  sentence?: Range;
  /** prose: drug names and doses written next to the mention */
  doses?: DoseMention[];
  /** prose: the note's date that applies here (heading date, DOS:, dated section) */
  serviceDate?: Span<string>;
  /** prose: inside a code fence, a code span or quotation marks: an example, not a statement */
  quoted?: boolean;
}

/** A modifier written as a word in prose: "modifier JW", "the JG modifier", a lone "-KX". */
export interface ModifierMention {
  modifier: Span<string>;
  sentence: Range;
  serviceDate?: Span<string>;
  /** inside a code fence, a code span or quotation marks */
  quoted?: boolean;
}

/**
 * What an X12 envelope's header and trailer say, and what the reader counted between them: the facts
 * the envelope rules compare (SE01/SE02 against ST, GE01/GE02 against GS, IEA01/IEA02 against ISA).
 */
export interface Envelope {
  /** the header's control number as written: ISA13, GS06, ST02 */
  control?: Span<string>;
  /** what the trailer's count must say: segments from ST to SE inclusive, transactions (ST) in a group, groups (GS) in an interchange */
  counted: number;
  /** the trailer (SE, GE, IEA) as read; absent when the envelope is cut off before it */
  trailer?: EnvelopeTrailer;
}

export interface EnvelopeTrailer {
  /** the segment id (SE, GE, IEA) */
  id: Span<string>;
  /** SE01 / GE01 / IEA01 as written (possibly empty); absent when the segment has no such element */
  count?: Span<string>;
  /** SE02 / GE02 / IEA02 as written (possibly empty); absent when the segment has no such element */
  control?: Span<string>;
}

export type EnvelopeKind = 'interchange' | 'group' | 'transaction';

/** each X12 envelope's header and trailer segment ids, and what it is called in messages */
export const ENVELOPE_SEGMENTS: Readonly<Record<EnvelopeKind, { header: string; trailer: string; name: string }>> = {
  interchange: { header: 'ISA', trailer: 'IEA', name: 'Interchange' },
  group: { header: 'GS', trailer: 'GE', name: 'Functional group' },
  transaction: { header: 'ST', trailer: 'SE', name: 'Transaction set' },
};

/** A structural grouping for outlines: interchange, functional group, transaction, bundle. */
export interface Container {
  kind: 'interchange' | 'group' | 'transaction' | 'bundle' | 'table';
  label: string;
  range: Range;
  claims: Claim[];
  /** an 835 transaction's payment (BPR02, PLB) */
  payment?: PaymentAmounts;
  /** X12 interchanges, groups and transactions: what the header, the trailer and the reader say */
  envelope?: Envelope;
}

/** replace range with newText (a fix is made of these) */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface ClaimDocument {
  format: DocumentFormat;
  kind: DocumentKind;
  /** the text length the model was built from */
  length: number;
  containers: Container[];
  /** every claim, in document order (also reachable through containers) */
  claims: Claim[];
  mentions: CodeMention[];
  /** prose: modifiers written as words, outside any code (hover and fact checks) */
  modifierMentions?: ModifierMention[];
  problems: ReadProblem[];
  /** x12 only: the separators in effect */
  x12?: { element: string; component: string; repetition: string; segment: string };
}

export function span<T>(value: T, start: number, end: number): Span<T> {
  return { value, range: { start, end } };
}

export function contains(range: Range, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
