// createService(): the pure heart the server, the CLI and the tests share.
// It holds the code set, the settings and a per-document cache; it does no I/O and reads no clock
// (today() is injected), so every answer is a function of its inputs.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  Location,
  Position,
  Range as LspRange,
} from 'vscode-languageserver-types';
import type { ClaimDocument, DocumentKind } from './model';
import type { CodeSet } from './codeset/types';
import type { DiagnosisCodes } from './codeset/icd10';
import type { Finding } from './checks/types';
import { defaultSettings, type Settings } from './settings';
import { classifyDocument, detectFormat, parseDocument } from './documents/index';
import { readX12Window } from './documents/x12-window';
import { emptyDocument as emptyModel } from './documents/problems';
import { capFindings, runChecks } from './checks/index';
import { reparseAfterEdit } from './incremental';
import { doneTask, LINE_SCAN_CHARS, LINES_PER_SLICE, modelTask, publicationTask, x12Task, type PublicationTask, type ValidationTask } from './validation';
import { LineIndex } from './features/line-index';
import type { FeatureContext } from './features/context';
import type { GuidanceLibrary } from './features/guidance';
import { hover as hoverAt } from './features/hover';
import { definition as definitionAt } from './features/definition';
import { documentIndexTask } from './features/locate';
import { complete, resolveCompletion as resolveItem } from './features/completion';
import { codeActions as actionsFor } from './features/code-actions';
import { documentSymbols as symbolsOf } from './features/symbols';
import { inlayHints as hintsIn } from './features/inlay-hints';
import { codeLenses as lensesOf } from './features/code-lens';
import { toDiagnostic } from './features/diagnostics';
import { codeCard as cardOf } from './features/code-card';
import { fullGuidance } from './features/guidance-card';
import { DOCUMENT } from './base/limits';

/** Above the size limit the server says why it is not validating instead of freezing. */
function validationSkipped(length: number, limit: number, isX12: boolean): Finding {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const why = isX12 ? 'setting hcpcs.maxValidationBytes' : 'CSV, FHIR and notes are read whole up to this size, or hcpcs.maxValidationBytes if lower';
  return {
    ruleId: 'file-too-large',
    severity: 'information',
    message: `This file is ${mb(length)} MB; claim checks are skipped above ${mb(limit)} MB (${why}). Hover and completion still work.`,
    range: { start: 0, end: 0 },
    related: [],
    fixes: [],
  };
}

export interface ServiceOptions {
  codeset: CodeSet;
  /** the loaded ICD-10-CM releases (hcpcs.icd10Path, the build-time index); absent: no diagnosis checks */
  diagnosisCodes?: DiagnosisCodes;
  guidance: GuidanceLibrary;
  settings?: Settings;
  /** ISO date (yyyy-mm-dd) used where a line has no date of service */
  today: () => string;
  /** base URI of docs/rules, for diagnostics' codeDescription links */
  docsBaseUri?: string;
  /** X12 above this many characters keeps no whole model (default WHOLE_MODEL_BYTES; tests lower it) */
  wholeModelBytes?: number;
}

/**
 * X12 documents above this size keep no whole model: validation streams claim by claim (keeping only
 * findings) and requests read the claims around them. Below it the model is kept for the outline
 * and for re-checking only the claim an edit touched.
 */
export const WHOLE_MODEL_BYTES = 16 * 1024 * 1024;
/** a request on a document whose findings are not ready computes them only below this size */
const REQUEST_VALIDATES_BYTES = 1024 * 1024;

interface Analysis {
  version: number;
  text: string;
  /** the whole model: absent for a windowed X12 document, and for X12 until its read is done */
  model?: ClaimDocument;
  findings?: Finding[];
  /** an X12 file above WHOLE_MODEL_BYTES or the size limit: requests read the claims around them */
  windowed?: boolean;
  isX12: boolean;
  /** X12: the document's kind, classified before it is read */
  kind?: DocumentKind;
  /** the validation in progress (or done) for this version */
  task?: ValidationTask;
}

export interface PublicationOptions {
  /** told the line starts of the text once they are scanned (the first slices of the run) */
  lineStarts?: (starts: number[]) => void;
}

export interface HcpcsService {
  readonly codeset: CodeSet;
  readonly settings: Settings;
  setCodeSet(codeset: CodeSet): void;
  readonly diagnosisCodes: DiagnosisCodes | undefined;
  setDiagnosisCodes(codes: DiagnosisCodes | undefined): void;
  setSettings(settings: Settings): void;
  model(doc: TextDocument): ClaimDocument;
  findings(doc: TextDocument): Finding[];
  diagnostics(doc: TextDocument): Diagnostic[];
  /**
   * The validation of this version as a task to run in slices (diagnostics(doc) answers at once
   * after it is done); requests meanwhile answer from what is read, without waiting for it.
   */
  validation(doc: TextDocument): ValidationTask;
  /**
   * The validation of this version, then its findings as diagnostics and JSON, as one task in
   * slices: what the server publishes, equal to diagnostics(doc) (the text and version are the ones
   * of the call; an edit meanwhile makes a new analysis and leaves this one to finish or be dropped)
   */
  publication(doc: TextDocument, options?: PublicationOptions): PublicationTask;
  hover(doc: TextDocument, position: Position): Hover | null;
  /** from a diagnosis pointer to the diagnosis it names */
  definition(doc: TextDocument, position: Position): Location | null;
  completion(doc: TextDocument, position: Position): CompletionList;
  resolveCompletion(item: CompletionItem): CompletionItem;
  codeActions(doc: TextDocument, range: LspRange, only?: readonly string[]): CodeAction[];
  documentSymbols(doc: TextDocument): DocumentSymbol[];
  inlayHints(doc: TextDocument, range: LspRange): InlayHint[];
  /** a code lens above each claim: lines, charge, paid, the lines' sum when it differs, problems */
  codeLenses(doc: TextDocument): CodeLens[];
  /** the card of a code on a date, without a claim (the look-up's "open its card") */
  codeCard(code: string, date: string): string;
  /** the whole guidance for a code ('' when none) */
  guidance(code: string): string;
  /** drop what is cached for a closed document */
  forget(uri: string): void;
}

export function createService(options: ServiceOptions): HcpcsService {
  let codeset = options.codeset;
  let diagnosisCodes = options.diagnosisCodes;
  let settings = options.settings ?? defaultSettings;
  const cache = new Map<string, Analysis>();

  const isDrugName = (word: string) => codeset.isDrugName(word);
  const wholeModelBytes = options.wholeModelBytes ?? WHOLE_MODEL_BYTES;
  /** the largest document checked: X12 streams up to the setting, the other formats are read whole */
  const checkedBytes = (isX12: boolean): number => (isX12 ? settings.maxValidationBytes : Math.min(settings.maxValidationBytes, DOCUMENT.wholeReadBytes));

  // The cache is keyed by URI and version: an edit or a new code set/settings makes a new analysis.
  // After an edit inside one X12 claim only that claim is read and checked again. Nothing is read
  // here for X12: its model is built by the validation task (or, windowed, never).
  const analysis = (doc: TextDocument): Analysis => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const hint = { languageId: doc.languageId, uri: doc.uri, isDrugName, documentKinds: settings.documentKinds, notes: settings.notes === 'all' ? ('all' as const) : ('billing-lines' as const) };
    const isX12 = detectFormat(text, hint) === 'x12';
    const windowed = isX12 && (text.length > settings.maxValidationBytes || text.length > wholeModelBytes);
    const edited = !windowed && hit && afterEdit(hit, text);
    // an X12 file is read as it is checked: its kind (837 claim, 835 remittance, forced) is known first
    const kind = isX12 ? (edited ? edited.model?.kind : undefined) ?? classifyDocument(text, 'x12', hint) : undefined;
    const fresh: Omit<Analysis, 'version'> = edited
      ? { ...edited, isX12, kind }
      : isX12
        ? { text, isX12, windowed, kind }
        : // above the size limit no whole model is built: X12 is read by window, other formats not at all
          { text, isX12, model: text.length > checkedBytes(false) ? emptyModel(detectFormat(text, hint), text.length) : parseDocument(text, hint) };
    const next: Analysis = { version: doc.version, ...fresh };
    cache.set(doc.uri, next);
    return next;
  };

  const afterEdit = (previous: Analysis, text: string): Omit<Analysis, 'version' | 'isX12'> | undefined => {
    if (!previous.findings || !previous.model) return undefined;
    const edited = reparseAfterEdit(previous.text, previous.model, previous.findings, text, { isDrugName });
    if (!edited) return undefined;
    const fresh = runChecks({ document: edited.changedClaims, text, codeset, diagnosisCodes, settings, today: options.today() });
    return { text, model: edited.model, findings: edited.keptFindings(fresh) };
  };

  // the whole list stays in the analysis (an edit re-checks against it); requests see the capped one
  const capped = new WeakMap<Finding[], Finding[]>();
  const taskOf = (a: Analysis): ValidationTask => {
    if (a.task) return a.task;
    const input = { text: a.text, codeset, diagnosisCodes, settings, today: options.today() };
    if (a.findings) a.task = doneTask(a.findings);
    else if (a.text.length > checkedBytes(a.isX12)) a.task = doneTask((a.findings = [validationSkipped(a.text.length, checkedBytes(a.isX12), a.isX12)]));
    else if (a.model) a.task = modelTask(input, a.model, (found) => (a.findings = found));
    else {
      a.task = x12Task(input, { isDrugName }, a.kind ?? 'claim', !a.windowed, (found, model) => {
        a.findings = found;
        if (!a.windowed) a.model = model;
        // a windowed read keeps only the findings shown, capped already
        else capped.set(found, found);
      });
    }
    return a.task;
  };

  const finish = (a: Analysis): void => {
    const task = taskOf(a);
    while (!task.step());
  };

  const shown = (all: Finding[]): Finding[] => {
    let list = capped.get(all);
    if (!list) capped.set(all, (list = capFindings(all)));
    return list;
  };
  const findings = (doc: TextDocument): Finding[] => {
    const a = analysis(doc);
    if (!a.findings) finish(a);
    return shown(a.findings!);
  };

  /** the whole model (an X12 one is read and checked now if it was not yet); a windowed document has none */
  const wholeModel = (a: Analysis): ClaimDocument => {
    if (!a.model && !a.windowed) finish(a);
    return a.model ?? emptyModel('x12', a.text.length, a.kind);
  };

  /** the model requests read: the whole document's, or for X12 not read yet the claims around [start, end] */
  const modelFor = (a: Analysis, start: number, end: number): ClaimDocument =>
    a.model ?? (a.isX12 ? { ...readX12Window(a.text, start, end, { isDrugName }), kind: a.kind ?? 'claim' } : wholeModel(a));

  /** findings for a request: never a wait for a big document's validation (none yet: none shown) */
  const requestFindings = (doc: TextDocument, a: Analysis): Finding[] =>
    a.findings ?? (a.task || a.text.length > REQUEST_VALIDATES_BYTES ? [] : findings(doc));

  const context = (doc: TextDocument, start = 0, end = start, whole = false): FeatureContext => {
    const a = analysis(doc);
    return {
      textDocument: doc,
      model: whole && !a.windowed ? wholeModel(a) : modelFor(a, start, end),
      codeset,
      diagnosisCodes,
      settings,
      today: options.today(),
      findings: requestFindings(doc, a),
      guidance: options.guidance,
      docsBaseUri: options.docsBaseUri,
    };
  };

  return {
    get codeset() {
      return codeset;
    },
    get settings() {
      return settings;
    },
    setCodeSet(next) {
      codeset = next;
      cache.clear();
    },
    get diagnosisCodes() {
      return diagnosisCodes;
    },
    setDiagnosisCodes(next) {
      diagnosisCodes = next;
      cache.clear();
    },
    setSettings(next) {
      settings = next;
      cache.clear();
    },
    model: (doc) => wholeModel(analysis(doc)),
    findings,
    diagnostics: (doc) => findings(doc).map((f) => toDiagnostic(doc, f, options.docsBaseUri)),
    validation: (doc) => taskOf(analysis(doc)),
    publication: (doc, publicationOptions = {}) => {
      const a = analysis(doc);
      const validation = taskOf(a);
      // line starts first: requests on this document need them too (see PublicationOptions)
      const lines = new LineIndex(a.text);
      let indexing: { step(): boolean } | undefined;
      let publishing: PublicationTask | undefined;
      return {
        step() {
          if (!lines.complete) {
            if (lines.scan(LINE_SCAN_CHARS)) publicationOptions.lineStarts?.(lines.lineStarts!);
            return false;
          }
          if (!validation.step()) return false;
          // the index requests look tokens up in, built here rather than by the first request
          indexing ??= a.model ? documentIndexTask(a.model, LINES_PER_SLICE) : { step: () => true };
          if (!indexing.step()) return false;
          publishing ??= publicationTask(doc.uri, a.text, shown(validation.findings!), options.docsBaseUri, lines);
          return publishing.step();
        },
        get result() {
          return publishing?.result;
        },
      };
    },
    hover: (doc, position) => {
      const at = doc.offsetAt(position);
      return hoverAt(context(doc, at), at);
    },
    definition: (doc, position) => {
      const at = doc.offsetAt(position);
      return definitionAt(context(doc, at), at);
    },
    completion: (doc, position) => {
      const at = doc.offsetAt(position);
      return complete(context(doc, at), at);
    },
    resolveCompletion: (item) => resolveItem({ codeset, guidance: options.guidance, today: options.today() }, item),
    codeActions: (doc, range, only) => {
      const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      return actionsFor(context(doc, span.start, span.end), span, only);
    },
    documentSymbols: (doc) => symbolsOf(context(doc, 0, 0, true)),
    inlayHints: (doc, range) => {
      const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      return hintsIn(context(doc, span.start, span.end), span);
    },
    codeLenses: (doc) => lensesOf(context(doc, 0, 0, true)),
    codeCard: (code, date) => cardOf({ codeset, guidance: options.guidance, today: options.today() }, code, { date }),
    guidance: (code) => fullGuidance({ guidance: options.guidance, codeset }, code) ?? '',
    forget: (uri) => void cache.delete(uri),
  };
}
