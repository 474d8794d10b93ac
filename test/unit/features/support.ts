// Shared by the feature tests: the real code sets (core from data/, full from ../shared when there),
// and a FeatureContext built from text with caret markers.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import files from 'virtual:guidance';
import type { CodeSet } from '../../../server/src/codeset/types';
import { compileIndex, loadIndex } from '../../../server/src/codeset/index';
import { importRelease } from '../../../server/src/codeset/import/release';
import { importAsp } from '../../../server/src/codeset/import/asp';
import { parseDocument } from '../../../server/src/documents/index';
import { runChecks } from '../../../server/src/checks/index';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import type { FeatureContext } from '../../../server/src/features/context';
import { loadGuidance, type GuidanceLibrary } from '../../../server/src/features/guidance';
import { aspDir, releaseFile, repoRoot } from '../../support/paths';

/** caret marker in test texts: not '|', which pipe-delimited CSV uses */
export const CARET = '‸';
export const TODAY = '2025-11-20';

let core: CodeSet | undefined;
export function coreSet(): CodeSet {
  core ??= loadIndex(readFileSync(join(repoRoot, 'data/core/codeset.json'), 'utf8'));
  return core;
}

let full: CodeSet | null | undefined;
/** the whole CMS release (+ ASP) from ../shared, or undefined when it is not there */
export function fullSet(): CodeSet | undefined {
  if (full === undefined) {
    const file = releaseFile();
    if (!file) full = null;
    else {
      const imported = importRelease(readFileSync(file), basename(file));
      if (!imported.ok) throw new Error(`release import failed: ${imported.error}`);
      const dir = aspDir();
      const asp = dir ? importAsp(readFileSync(join(dir, 'asp_pricing.csv')), readFileSync(join(dir, 'asp_crosswalk.csv'))) : undefined;
      if (asp && !asp.ok) throw new Error(`ASP import failed: ${asp.error}`);
      full = loadIndex(compileIndex(imported.release, asp?.asp, { kind: 'full' }));
    }
  }
  return full ?? undefined;
}

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
  const findings = options.checks === false ? [] : runChecks({ document: model, text, codeset, settings, today });
  const ctx: FeatureContext = { textDocument, model, codeset, settings, today, findings, guidance: shippedGuidance() };
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
