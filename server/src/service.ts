// createService(): the pure heart the server, the CLI and the tests share.
// It holds the code set, the settings and a per-document cache; it does no I/O and reads no clock
// (today() is injected), so every answer is a function of its inputs.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  Position,
  Range as LspRange,
} from 'vscode-languageserver-types';
import type { ClaimDocument } from './model';
import type { CodeSet } from './codeset/types';
import type { Finding } from './checks/types';
import { defaultSettings, type Settings } from './settings';
import { detectFormat, parseDocument } from './documents/index';
import { readX12Window } from './documents/x12-window';
import { emptyDocument as emptyModel } from './documents/problems';
import { runChecks } from './checks/index';
import { reparseAfterEdit } from './incremental';
import type { FeatureContext } from './features/context';
import type { GuidanceLibrary } from './features/guidance';
import { hover as hoverAt } from './features/hover';
import { complete, resolveCompletion as resolveItem } from './features/completion';
import { codeActions as actionsFor } from './features/code-actions';
import { documentSymbols as symbolsOf } from './features/symbols';
import { inlayHints as hintsIn } from './features/inlay-hints';
import { toDiagnostic } from './features/diagnostics';
import { DOCUMENT } from './limits';

/** Above the size limit the server says why it is not validating instead of freezing. */
function validationSkipped(length: number, limit: number): Finding {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    ruleId: 'file-too-large',
    severity: 'information',
    message: `This file is ${mb(length)} MB; claim checks are skipped above ${mb(limit)} MB (setting hcpcs.maxValidationBytes). Hover and completion still work.`,
    range: { start: 0, end: 0 },
    related: [],
    fixes: [],
  };
}

/**
 * At most DOCUMENT.findings findings per document (in document order), then one that says how many
 * more there were: a million diagnostics is no help to anyone and cannot be sent as one message.
 */
export function capFindings(all: Finding[], cap: number = DOCUMENT.findings): Finding[] {
  if (all.length <= cap) return all;
  const kept = all.slice(0, cap);
  const last = kept[kept.length - 1].range.end;
  kept.push({
    ruleId: 'too-many-findings',
    severity: 'information',
    message: `${all.length - cap} more findings are not shown: at most ${cap} are reported per document. Fix the ones above, or split the file.`,
    range: { start: last, end: last },
    related: [],
    fixes: [],
  });
  return kept;
}

export interface ServiceOptions {
  codeset: CodeSet;
  guidance: GuidanceLibrary;
  settings?: Settings;
  /** ISO date (yyyy-mm-dd) used where a line has no date of service */
  today: () => string;
  /** base URI of docs/rules, for diagnostics' codeDescription links */
  docsBaseUri?: string;
}

interface Analysis {
  version: number;
  text: string;
  model: ClaimDocument;
  findings?: Finding[];
  /** an X12 file above the size limit: no whole model, requests read the claims around them */
  windowed?: boolean;
}

export interface HcpcsService {
  readonly codeset: CodeSet;
  readonly settings: Settings;
  setCodeSet(codeset: CodeSet): void;
  setSettings(settings: Settings): void;
  model(doc: TextDocument): ClaimDocument;
  findings(doc: TextDocument): Finding[];
  diagnostics(doc: TextDocument): Diagnostic[];
  hover(doc: TextDocument, position: Position): Hover | null;
  completion(doc: TextDocument, position: Position): CompletionList;
  resolveCompletion(item: CompletionItem): CompletionItem;
  codeActions(doc: TextDocument, range: LspRange): CodeAction[];
  documentSymbols(doc: TextDocument): DocumentSymbol[];
  inlayHints(doc: TextDocument, range: LspRange): InlayHint[];
  /** drop what is cached for a closed document */
  forget(uri: string): void;
}

export function createService(options: ServiceOptions): HcpcsService {
  let codeset = options.codeset;
  let settings = options.settings ?? defaultSettings;
  const cache = new Map<string, Analysis>();

  const isDrugName = (word: string) => codeset.isDrugName(word);

  // The cache is keyed by URI and version: an edit or a new code set/settings makes a new analysis.
  // After an edit inside one X12 claim only that claim is read and checked again.
  const analysis = (doc: TextDocument): Analysis => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const hint = { languageId: doc.languageId, uri: doc.uri, isDrugName };
    // above the size limit no whole model is built: X12 is read by window, other formats not at all
    const oversized = text.length > settings.maxValidationBytes ? detectFormat(text, hint) : undefined;
    const fresh =
      oversized === 'x12'
        ? { text, model: emptyModel('x12', text.length), windowed: true }
        : oversized
          ? { text, model: emptyModel(oversized, text.length) }
          : ((hit && afterEdit(hit, text)) ?? { text, model: parseDocument(text, hint) });
    const next: Analysis = { version: doc.version, ...fresh };
    cache.set(doc.uri, next);
    return next;
  };

  const afterEdit = (previous: Analysis, text: string): Omit<Analysis, 'version'> | undefined => {
    if (!previous.findings) return undefined;
    const edited = reparseAfterEdit(previous.text, previous.model, previous.findings, text, { isDrugName });
    if (!edited) return undefined;
    const fresh = runChecks({ document: edited.changedClaims, text, codeset, settings, today: options.today() });
    return { text, model: edited.model, findings: edited.keptFindings(fresh) };
  };

  const capped = new WeakMap<Finding[], Finding[]>();
  const findings = (doc: TextDocument): Finding[] => {
    const a = analysis(doc);
    if (!a.findings) {
      const text = doc.getText();
      a.findings =
        text.length > settings.maxValidationBytes
          ? [validationSkipped(text.length, settings.maxValidationBytes)]
          : runChecks({ document: a.model, text, codeset, settings, today: options.today() });
    }
    // the whole list stays in the analysis (an edit re-checks against it); requests see the capped one
    let shown = capped.get(a.findings);
    if (!shown) capped.set(a.findings, (shown = capFindings(a.findings)));
    return shown;
  };

  /** the model requests read: the whole document's, or for a windowed file the claims around [start, end] */
  const modelFor = (doc: TextDocument, start: number, end: number): ClaimDocument => {
    const a = analysis(doc);
    return a.windowed ? readX12Window(a.text, start, end, { isDrugName }) : a.model;
  };

  const context = (doc: TextDocument, start = 0, end = start): FeatureContext => ({
    textDocument: doc,
    model: modelFor(doc, start, end),
    codeset,
    settings,
    today: options.today(),
    findings: findings(doc),
    guidance: options.guidance,
    docsBaseUri: options.docsBaseUri,
  });

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
    setSettings(next) {
      settings = next;
      cache.clear();
    },
    model: (doc) => analysis(doc).model,
    findings,
    diagnostics: (doc) => findings(doc).map((f) => toDiagnostic(doc, f, options.docsBaseUri)),
    hover: (doc, position) => {
      const at = doc.offsetAt(position);
      return hoverAt(context(doc, at), at);
    },
    completion: (doc, position) => {
      const at = doc.offsetAt(position);
      return complete(context(doc, at), at);
    },
    resolveCompletion: (item) => resolveItem({ codeset, guidance: options.guidance, today: options.today() }, item),
    codeActions: (doc, range) => {
      const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      return actionsFor(context(doc, span.start, span.end), span);
    },
    documentSymbols: (doc) => symbolsOf(context(doc)),
    inlayHints: (doc, range) => {
      const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      return hintsIn(context(doc, span.start, span.end), span);
    },
    forget: (uri) => void cache.delete(uri),
  };
}
