// What a check produces. Ranges are offsets into the document text (see model.ts).
import type { ClaimDocument, Claim, Container, Envelope, ServiceLine, Range, TextEdit } from '../model';
import type { CodeSet } from '../codeset/types';
import type { DiagnosisCodes } from '../codeset/icd10';
import type { Settings } from '../settings';

import type { Severity } from '../base/severity';

export type { Severity };

export type { TextEdit };

/** A quick fix: applied as exactly these edits, nothing else. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** the fix a user most likely wants (VS Code's isPreferred) */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** other places involved (e.g. the LIN*N4 segment for units-vs-ndc) */
  related: { range: Range; message: string }[];
  fixes: Fix[];
  /** at most this severity, whatever the rule runs at (a date past the loaded data lowers to information) */
  capSeverity?: Severity;
}

export interface CheckContext {
  document: ClaimDocument;
  text: string;
  codeset: CodeSet;
  settings: Settings;
  /** ISO date used when a line has no service date (prose): supplied, never read from a clock here */
  today: string;
  /** the loaded ICD-10-CM releases; absent when none is loaded (diagnosis rules stay silent) */
  diagnosisCodes?: DiagnosisCodes;
}

export interface ClaimContext extends CheckContext {
  claim: Claim;
}

export interface LineContext extends CheckContext {
  claim: Claim | undefined; // undefined for prose lines outside any claim
  line: ServiceLine;
}

/** one X12 envelope (interchange, group or transaction) with what its header, trailer and the reader say */
export interface EnvelopeContext extends CheckContext {
  container: Container & { envelope: Envelope };
}
