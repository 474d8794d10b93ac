// Every problem id a reader or the service reports besides the rules: declared once, with the same
// metadata as a rule. A reader cannot emit an id that is not here (problem() takes a ProblemId).
import type { FindingMeta } from './finding-meta';
import type { ProblemSeverity, ReadProblem } from '../model';

type ProblemMeta = Omit<FindingMeta, 'id'>;

const tool = (ref: string) => ({ basis: 'tool', ref }) as const;
const x12 = (ref: string) => ({ basis: 'X12 TR3', ref }) as const;
const format = (ref: string) => ({ basis: 'file format', ref }) as const;
const v010: Pick<ProblemMeta, 'since' | 'bulkSafeFix'> = { since: '0.1.0', bulkSafeFix: false };
const v020: Pick<ProblemMeta, 'since' | 'bulkSafeFix'> = { since: '0.2.0', bulkSafeFix: false };

/** readers stop recording problems past this many: a wrong-format file must not produce a million of them */
export const MAX_PROBLEMS = 200;

export const problemCatalogue = {
  'x12-no-isa': { title: 'No ISA segment: separators were guessed', defaultSeverity: 'warning', source: x12('X12 envelope: ISA interchange header'), ...v010 },
  'x12-text-before-isa': { title: 'Text before the ISA segment was ignored', defaultSeverity: 'information', source: x12('X12 envelope: an interchange starts with ISA'), ...v010 },
  'x12-isa-width': { title: 'ISA segment is not 106 characters wide', defaultSeverity: 'information', source: x12('X12 envelope: ISA is fixed width (106 characters)'), ...v010 },
  'x12-damaged-isa': { title: 'ISA segment is damaged: separators assumed', defaultSeverity: 'warning', source: x12('X12 envelope: ISA separators (ISA positions 4, 105, 106)'), ...v010 },
  'x12-component-mismatch': { title: 'Composites use another component separator than ISA16 declares', defaultSeverity: 'warning', source: x12('X12 envelope: ISA16 component element separator'), ...v010 },
  'x12-missing-trailer': { title: 'Envelope cut off before its trailer (SE, GE or IEA missing)', defaultSeverity: 'error', source: x12('X12 envelope: each ST/GS/ISA is closed by its SE/GE/IEA trailer'), ...v020 },
  'x12-line-outside-claim': { title: 'Service line outside a claim', defaultSeverity: 'warning', source: x12('837 loop 2400 follows CLM (loop 2300); 835 SVC follows CLP'), ...v010 },
  'x12-missing-code': { title: 'Service line without a procedure code', defaultSeverity: 'warning', source: x12('837 SV101-2 / SV201-2, 835 SVC01-2: procedure code required'), ...v010 },
  'x12-bad-date': { title: 'Date that is not a valid D8/RD8 date', defaultSeverity: 'warning', source: x12('DTP03 date formats D8 (CCYYMMDD) and RD8'), ...v010 },
  'x12-hi-qualifier': { title: 'HI composite without a qualifier, or with one the 837 guides do not use', defaultSeverity: 'warning', source: x12('837 loop 2300 HI01-1 to HI12-1 code list qualifier (ABK, ABF, BK, BF, ...)'), ...v020 },
  'x12-bad-pointer': { title: 'Diagnosis pointer that is not a number', defaultSeverity: 'warning', source: x12('837P SV107 composite diagnosis code pointer (1 to 12)'), ...v020 },
  'csv-unterminated-quote': { title: 'Quoted CSV cell never closed', defaultSeverity: 'error', source: format('RFC 4180 quoted fields'), ...v010 },
  'csv-too-many-columns': { title: 'CSV row with more cells than the column budget', defaultSeverity: 'error', source: tool('cells per row (server/src/limits.ts TABLE)'), ...v020 },
  'csv-no-code-column': { title: 'No CSV column header names a procedure code', defaultSeverity: 'information', source: tool('CSV header names (HCPCS, Procedure Code, ...)'), ...v010 },
  'json-syntax': { title: 'FHIR JSON is not valid JSON', defaultSeverity: 'error', source: format('RFC 8259 JSON'), ...v010 },
  'codeset-unreadable': { title: 'Checks could not read the code set: findings may be missing', defaultSeverity: 'error', source: tool('compiled code set (hcpcs-check compile, the build, the editor cache)'), ...v020 },
  'reader-failed': { title: 'A reader failed on this file', defaultSeverity: 'error', source: tool('reader robustness: nothing throws out of a reader'), ...v010 },
  'too-many-problems': { title: 'More reading problems than are listed', defaultSeverity: 'warning', source: tool(`problem cap per document (${MAX_PROBLEMS})`), ...v010 },
  'too-many-findings': { title: 'More findings than are listed', defaultSeverity: 'information', source: tool('findings per document (server/src/base/limits.ts DOCUMENT)'), ...v020 },
  'file-too-large': { title: 'File too large for full validation', defaultSeverity: 'information', source: tool('setting hcpcs.maxValidationBytes'), ...v010 },
  'invalid-config': { title: 'Invalid .hcpcsrc.json setting', defaultSeverity: 'error', source: tool('schemas/hcpcsrc.schema.json'), ...v010 },
} as const satisfies Record<string, ProblemMeta>;

export type ProblemId = keyof typeof problemCatalogue;

export const problemIds = Object.keys(problemCatalogue) as ProblemId[];

/** a reader's problem; its id must be declared above (a new id is added here first) */
export function problem(id: ProblemId, message: string, start: number, end: number, severity: ProblemSeverity = 'warning'): ReadProblem {
  return { id, message, range: { start, end }, severity };
}

/** add a problem to a reader's list, up to MAX_PROBLEMS and one line that says more were found */
export function addProblem(list: ReadProblem[], p: ReadProblem): void {
  if (list.length < MAX_PROBLEMS) list.push(p);
  else if (list.length === MAX_PROBLEMS) list.push({ ...p, id: 'too-many-problems', message: 'More problems were found; only the first ones are listed.' });
}
