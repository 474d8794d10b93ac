// Everything a feature function reads. Built by the service per request; features are pure.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimDocument } from '../model';
import type { CodeSet } from '../codeset/types';
import type { DiagnosisCodes } from '../codeset/icd10';
import type { Settings } from '../settings';
import type { Finding } from '../checks/types';
import type { GuidanceLibrary } from './guidance';

export interface FeatureContext {
  /** offsets <-> positions; getText() is the model's text */
  textDocument: TextDocument;
  model: ClaimDocument;
  codeset: CodeSet;
  /** the loaded ICD-10-CM releases; absent when none is loaded */
  diagnosisCodes?: DiagnosisCodes;
  settings: Settings;
  /** ISO date for prose without a service date (injected, never read from a clock in features) */
  today: string;
  /** the document's current findings (hover lists the ones on the hovered line) */
  findings: Finding[];
  guidance: GuidanceLibrary;
  /** base URI of the rule pages, so diagnostics attached to quick fixes match the published ones (optional) */
  docsBaseUri?: string;
}
