// Shared by the feature tests: the real code sets (core from data/, full from ../shared when there),
// and a FeatureContext built from text with caret markers.
import { TextDocument } from 'vscode-languageserver-textdocument';
import files from 'virtual:guidance';
import type { CodeSet } from '../../../server/src/codeset/types';
import type { DiagnosisCodes } from '../../../server/src/codeset/icd10';
import { parseDocument } from '../../../server/src/documents/index';
import { runChecks } from '../../../server/src/checks/index';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import type { FeatureContext } from '../../../server/src/features/context';
import { loadGuidance, type GuidanceLibrary } from '../../../server/src/features/guidance';
import { coreCodeSet as coreSet, fullCodeSet as fullSet } from '../../support/codesets';

/** caret marker in test texts: not '|', which pipe-delimited CSV uses */
export const CARET = '‸';
export const TODAY = '2025-11-20';

export { coreSet, fullSet };

let guidance: GuidanceLibrary | undefined;
export function shippedGuidance(): GuidanceLibrary {
  guidance ??= loadGuidance(files);
  return guidance;
}

export interface Built {
  ctx: FeatureContext;
  /** offsets of the caret markers, in order (markers removed from the text) */
  carets: number[];
  text: string;
}

export interface BuildOptions {
  codeset?: CodeSet;
  languageId?: string;
  uri?: string;
  today?: string;
  settings?: Settings;
  /** run the checks so that hover/actions see findings (default true) */
  checks?: boolean;
  /** the ICD-10-CM list (default: none loaded) */
  diagnosisCodes?: DiagnosisCodes;
}

export function build(marked: string, options: BuildOptions = {}): Built {
  const carets: number[] = [];
  const [first = '', ...rest] = marked.split(CARET);
  let text = first;
  for (const part of rest) {
    carets.push(text.length);
    text += part;
  }
  const codeset = options.codeset ?? coreSet();
  const settings = options.settings ?? defaultSettings;
  const today = options.today ?? TODAY;
  const uri = options.uri ?? `file:///test/doc.${options.languageId ?? 'txt'}`;
  const textDocument = TextDocument.create(uri, options.languageId ?? 'plaintext', 1, text);
  const model = parseDocument(text, { languageId: options.languageId, uri, isDrugName: (w) => codeset.isDrugName(w) });
  const { diagnosisCodes } = options;
  const findings = options.checks === false ? [] : runChecks({ document: model, text, codeset, settings, today, diagnosisCodes });
  const ctx: FeatureContext = { textDocument, model, codeset, diagnosisCodes, settings, today, findings, guidance: shippedGuidance() };
  return { ctx, carets, text };
}

/** words that must never reach a user */
export const LEAKS = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/;

/** applies LSP text edits (non-overlapping) to a text */
export function applyEdits(doc: TextDocument, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const text = doc.getText();
  const sorted = edits
    .map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
