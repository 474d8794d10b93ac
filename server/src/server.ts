// The protocol wiring: the only file that knows the LSP connection. Everything it answers comes
// from the pure service; this file adds document sync, settings, debounce and error containment.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createService, type HcpcsService } from './service';
import { settingsFromEditor, defaultSettings, type Settings } from './settings';
import { mergeSettings } from './checks/config';
import { configFileProblems } from './checks/config-file';
import { loadGuidance } from './features/guidance';
import guidanceFiles from 'virtual:guidance';
import { loadIcd10AtStartup, loadIcd10Path, type Icd10Load } from './node/icd10-store';
import { CodeSetStore } from './node/codeset-store';
import { readWorkspaceConfig, isConfigFile } from './node/workspace-config';
import { todayIso } from './node/clock';
import { FIX_ALL_KIND } from './features/fix-all';
import { sentence } from './features/format';
import { formatDocument } from './features/format-document';
import { lookupCodes } from './features/lookup';
import { foldingRanges, selectionRanges } from './features/structure-ranges';
import { SEMANTIC_LEGEND, x12SemanticTokens } from './features/x12-semantic-tokens';
import { GUIDANCE_REQUEST, type GuidanceParams, type GuidanceResult } from './protocol';
import { CODE_CARD_REQUEST, FORMAT_X12_REQUEST, LOOKUP_REQUEST, type CodeCardParams, type CodeCardResult, type FormatX12Params, type FormatX12Result, type LookupParams, type LookupResult } from './protocol';
import { releaseFacts } from './features/release-facts';
import { guardedStdio, SerializedParams } from './node/guarded-stdio';
import { ValidationRunner } from './node/validation-runner';
import { adoptLineStarts } from './node/line-starts';
import { DRUG_CODES_REQUEST, LOAD_RELEASE_REQUEST, RELEASE_NOTIFICATION, type DrugCodeItem, type DrugCodesParams, type LoadReleaseParams, type LoadReleaseResult, type ReleaseNotice } from './protocol';
import { limitHeapGrowth } from './node/heap';

limitHeapGrowth(); // first, before a code set or a document is read

const VALIDATION_DELAY_MS = 200;

const stdio = guardedStdio(); // --stdio: frames and output within budgets (node/guarded-stdio.ts)
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
// Node ends the process on an unhandled rejection; a language server logs it and keeps serving.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.log(message);

let store: CodeSetStore;
let editorSettings: Settings = defaultSettings;
/** settings sent in initializationOptions: the base that pulled settings refine (many LSP clients pull {}) */
let initialSettings: Settings = defaultSettings;
/** the raw hcpcs.* section last received (pulled or pushed) */
let editorSection: unknown;
let workspaceFolders: string[] = [];
let pullConfiguration = false;
let restrictedWorkspace = false;
/** the release file and ASP folder in effect (from initialization, then from settings) */
let releasePaths: { releasePath?: string; aspPath?: string } = {};
/** the ICD-10-CM path in effect (from initialization, then from settings) */
let icd10Path: string | undefined;

// made in onInitialize, once the client has said where the rule docs are
let service: HcpcsService;

/** Run a handler; a bug in one request must never take the server down. */
function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as {
    storagePath?: string;
    docsPath?: string;
    settings?: unknown;
    releasePath?: string;
    aspPath?: string;
    icd10Path?: string;
    trusted?: boolean;
  };
  pullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  restrictedWorkspace = init.trusted === false;
  workspaceFolders = (params.workspaceFolders ?? [])
    .map((f) => (f.uri.startsWith('file:') ? fileURLToPath(f.uri) : ''))
    .filter(Boolean);
  if (!workspaceFolders.length && params.rootUri?.startsWith('file:')) workspaceFolders = [fileURLToPath(params.rootUri)];
  editorSection = init.settings;
  initialSettings = editorSettings = settingsFromEditor(init.settings);
  store = new CodeSetStore({ storagePath: init.storagePath, log });
  service = createService({
    codeset: CodeSetStore.initialCodeSet(),
    guidance: loadGuidance(guidanceFiles),
    today: todayIso,
    settings: editorSettings,
    // the extension passes its docs folder; a standalone server links to the docs beside its bundle
    docsBaseUri: pathToFileURL(init.docsPath ?? join(__dirname, '..', 'docs', 'rules')).href,
  });
  releasePaths = {
    releasePath: restrictedWorkspace ? undefined : (init.releasePath ?? sectionString(init.settings, 'releasePath')),
    aspPath: restrictedWorkspace ? undefined : (init.aspPath ?? sectionString(init.settings, 'aspPath')),
  };
  icd10Path = restrictedWorkspace ? undefined : (init.icd10Path ?? sectionString(init.settings, 'icd10Path'));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      completionProvider: { triggerCharacters: [':', '>', '^', '-', '"', ' '], resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Empty, FIX_ALL_KIND] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: true, documentSelector: [{ language: 'x12' }] },
      documentSymbolProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'hcpcs-language-server', version: '0.1.0' },
  };
});

function sectionString(section: unknown, key: string): string | undefined {
  const value = section && typeof section === 'object' ? (section as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

connection.onInitialized(async () => {
  if (pullConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'hcpcs' }).catch(() => undefined);
  }
  const loaded = store.loadAtStartup(releasePaths);
  service.setCodeSet(loaded.codeset);
  if (loaded.warning) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `HCPCS: ${loaded.warning}` });
  applyIcd10(loadIcd10AtStartup(icd10Path, __dirname, log));
  await applySettings();
  announceRelease(loaded.message);
  revalidateAll();
});

function announceRelease(message?: string): void {
  const release = service.codeset.release;
  const hint =
    release.kind === 'core'
      ? 'The full CMS release is not loaded: only the built-in core set is available. Run "HCPCS: Load CMS release…" or set hcpcs.releasePath.'
      : undefined;
  const text = [message, hint].filter(Boolean).join(' ');
  if (text) log(text);
  const notice: ReleaseNotice = { label: release.label, kind: release.kind, message: text || undefined, ...releaseFacts(service.codeset, todayIso()) };
  void connection.sendNotification(RELEASE_NOTIFICATION, notice);
}

/** Editor settings (pulled when the client supports it) merged with the workspace .hcpcsrc.json. */
async function applySettings(): Promise<void> {
  if (pullConfiguration) {
    try {
      editorSection = await connection.workspace.getConfiguration('hcpcs');
    } catch (error) {
      log(`could not read settings: ${String(error)}`);
    }
  }
  editorSettings = settingsFromEditor(editorSection, initialSettings);
  const fileConfig = readWorkspaceConfig(workspaceFolders);
  for (const problem of fileConfig.problems) log(problem);
  service.setSettings(fileConfig.settings ? mergeSettings(editorSettings, fileConfig.settings) : editorSettings);
}

connection.onDidChangeConfiguration(async (change) => {
  if (!pullConfiguration) editorSection = (change.settings as { hcpcs?: unknown } | undefined)?.hcpcs;
  await applySettings();
  reloadReleaseIfChanged();
  reloadIcd10IfChanged();
  revalidateAll();
});

/** an ICD-10-CM load: used when it worked, else logged and shown (the previous list, if any, stays) */
function applyIcd10(loaded: Icd10Load | undefined): void {
  if (!loaded) return;
  if (loaded.ok) {
    service.setDiagnosisCodes(loaded.codes);
    log(loaded.message);
    return;
  }
  log(loaded.error);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `HCPCS: ${sentence(loaded.error)}${service.diagnosisCodes ? ' The previous ICD-10-CM list stays in use.' : ''}` });
}

/** a new hcpcs.icd10Path is loaded at once (never from an untrusted workspace) */
function reloadIcd10IfChanged(): void {
  if (restrictedWorkspace) return;
  const path = sectionString(editorSection, 'icd10Path');
  if (path === icd10Path || !path) return;
  icd10Path = path;
  applyIcd10(loadIcd10Path(path));
}

/** a new hcpcs.releasePath / hcpcs.aspPath is loaded at once (never from an untrusted workspace) */
function reloadReleaseIfChanged(): void {
  if (restrictedWorkspace) return;
  const releasePath = sectionString(editorSection, 'releasePath');
  const aspPath = sectionString(editorSection, 'aspPath');
  if (releasePath === releasePaths.releasePath && aspPath === releasePaths.aspPath) return;
  if (!releasePath && !aspPath) return;
  releasePaths = { releasePath, aspPath };
  if (!releasePath) {
    // an ASP folder alone applies over the built-in (or cached) set
    const loaded = store.loadAtStartup({ aspPath });
    service.setCodeSet(loaded.codeset);
    announceRelease(loaded.message);
    return;
  }
  const result = store.loadReleaseFile(releasePath, aspPath);
  if (result.ok) {
    service.setCodeSet(result.codeset);
    announceRelease(result.message);
  } else {
    log(result.error);
    // a notification: window.showErrorMessage sends a request, which a client may refuse
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `HCPCS: ${sentence(result.error)} The previous code set stays in use.` });
  }
}

connection.onDidChangeWatchedFiles(async () => {
  await applySettings();
  revalidateAll();
});

// Validation is debounced per document; a newer change cancels the pending run and the one in
// progress. It runs in slices of about SLICE_MS, each followed by a turn of the event loop, so a
// request on any document waits for one slice at most (4 ms: a client that asks again as soon as it
// is answered meets a slice each time), never for a whole validation; turning the
// findings into diagnostics and JSON is sliced too (service.publication).
const SLICE_MS = 4;
const pending = new Map<string, NodeJS.Timeout>();
const runner = new ValidationRunner(SLICE_MS, (error) => connection.console.error(`validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));

function scheduleValidation(doc: TextDocument, delay = VALIDATION_DELAY_MS): void {
  clearTimeout(pending.get(doc.uri));
  runner.cancel(doc.uri);
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) validate(current);
    }, delay),
  );
}

const validate = guard('validation', undefined, (doc: TextDocument): void => {
  if (isConfigFile(doc.uri)) {
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: configDiagnostics(doc) });
    return;
  }
  // the document object is updated in place by later edits: this run publishes for the version it read
  const { uri, version } = doc;
  const text = doc.getText();
  // the line starts come first, so a request on this document does not compute them in one go
  const task = service.publication(doc, { lineStarts: (starts) => adoptLineStarts(doc, version, text, starts) });
  runner.run(uri, task, () => {
    const { diagnostics, json } = task.result!;
    const params = new SerializedParams(`{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${json}}`, { uri, version, diagnostics });
    void connection.sendNotification(PublishDiagnosticsNotification.type, params as unknown as PublishDiagnosticsParams);
  });
});

function configDiagnostics(doc: TextDocument) {
  return configFileProblems(doc.getText(), service.codeset).map((p) => ({
    range: { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) },
    severity: p.severity === 'error' ? (1 as const) : (2 as const),
    source: 'hcpcs',
    code: 'invalid-config',
    message: p.message,
  }));
}

function revalidateAll(): void {
  for (const doc of documents.all()) scheduleValidation(doc, 0);
}

documents.onDidOpen(({ document }) => scheduleValidation(document, 0));
documents.onDidChangeContent(({ document }) => scheduleValidation(document));
documents.onDidClose(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  runner.cancel(document.uri);
  service.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});
documents.onDidSave(async ({ document }) => {
  if (isConfigFile(document.uri)) {
    await applySettings();
    revalidateAll();
  }
});

const withDocument =
  <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, fn: (doc: TextDocument, params: P) => R) =>
  (params: P): R => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return fallback;
    return guard(name, fallback, fn)(doc, params);
  };

connection.onHover(withDocument('hover', null, (doc, p) => service.hover(doc, p.position)));
connection.onDefinition(withDocument('definition', null, (doc, p) => service.definition(doc, p.position)));
connection.onCompletion(
  withDocument('completion', { isIncomplete: false, items: [] }, (doc, p) => service.completion(doc, p.position)),
);
connection.onCompletionResolve((item) => guard('completion resolve', item, service.resolveCompletion)(item));
connection.onCodeAction(withDocument('code actions', [], (doc, p) => service.codeActions(doc, p.range, p.context?.only)));
connection.onDocumentSymbol(withDocument('symbols', [], (doc) => service.documentSymbols(doc)));
connection.onCodeLens(withDocument('code lens', [], (doc) => service.codeLenses(doc)));
connection.languages.inlayHint.on(withDocument('inlay hints', [], (doc, p) => service.inlayHints(doc, p.range)));

connection.onRequest(LOAD_RELEASE_REQUEST, (params: LoadReleaseParams): LoadReleaseResult =>
  guard<[], LoadReleaseResult>('load release', { ok: false, error: 'The release could not be loaded: an internal error occurred while reading it (details in the HCPCS output channel).' }, () => loadRelease(params))(),
);

function loadRelease(params: LoadReleaseParams): LoadReleaseResult {
  if (typeof params?.path !== 'string' || !params.path) return { ok: false, error: 'No release file was given.' };
  const result = store.loadReleaseFile(params.path, typeof params.aspPath === 'string' ? params.aspPath : undefined, { confirmed: params.confirm === true });
  if (!result.ok) return { ok: false, error: result.error, ...(result.needsConfirmation ? { needsConfirmation: true } : {}) };
  service.setCodeSet(result.codeset);
  announceRelease(result.message);
  revalidateAll();
  return { ok: true, label: result.codeset.release.label };
}

connection.onRequest(DRUG_CODES_REQUEST, (params: DrugCodesParams) =>
  guard<[], DrugCodeItem[]>('drug codes', [], () => {
    if (typeof params?.code !== 'string') return [];
    const codeset = service.codeset;
    const drugs = codeset.drug(params.code)?.drugs ?? [];
    const codes = new Set(drugs.flatMap((d) => codeset.codesForDrug(d)));
    return [...codes].sort().map((code) => {
      const record = codeset.lookup(code)?.record;
      const unit = codeset.drug(code)?.unit;
      return { code, short: record?.short ?? '', detail: [record?.long, unit && `1 unit = ${unit.text}`].filter(Boolean).join(' — ') };
    });
  })(),
);

// X12 formatting: a refusal (damaged envelope) is said in a message, never as a half-formatted file
function formatted(doc: TextDocument, layout: 'lines' | 'join', options: { tabSize?: number; insertSpaces?: boolean }, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): FormatX12Result {
  const result = formatDocument(doc, { layout, indentByLoop: sectionFlag(editorSection, 'format', 'indentByLoop'), ...options }, range);
  if (result.message) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `HCPCS: ${result.message}` });
  return result;
}

function sectionFlag(section: unknown, group: string, key: string): boolean {
  const inner = section && typeof section === 'object' ? (section as Record<string, unknown>)[group] : undefined;
  return Boolean(inner && typeof inner === 'object' && (inner as Record<string, unknown>)[key] === true);
}

connection.onDocumentFormatting(withDocument('formatting', [], (doc, p) => formatted(doc, 'lines', p.options).edits));
connection.onDocumentRangeFormatting(withDocument('range formatting', [], (doc, p) => formatted(doc, 'lines', p.options, p.range).edits));
connection.onRequest(FORMAT_X12_REQUEST, (params: FormatX12Params) =>
  withDocument<FormatX12Params, FormatX12Result>('format X12', { edits: [], message: 'The document is not open.' }, (doc, p) =>
    formatted(doc, p.layout === 'join' ? 'join' : 'lines', {}),
  )(params),
);

connection.onFoldingRanges(withDocument('folding', [], (doc) => foldingRanges(doc, service.model(doc))));
connection.onSelectionRanges(withDocument('selection ranges', [], (doc, p) => selectionRanges(doc, service.model(doc), p.positions)));
const isX12 = (doc: TextDocument) => doc.languageId === 'x12' || service.model(doc).format === 'x12';
connection.languages.semanticTokens.on(withDocument('semantic tokens', { data: [] }, (doc) => (isX12(doc) ? x12SemanticTokens(doc) : { data: [] })));
connection.languages.semanticTokens.onRange(withDocument('semantic tokens', { data: [] }, (doc, p) => (isX12(doc) ? x12SemanticTokens(doc, p.range) : { data: [] })));

connection.onRequest(LOOKUP_REQUEST, (params: LookupParams) =>
  guard<[], LookupResult>('look-up', { date: todayIso(), release: '', items: [], message: 'The look-up failed (see the HCPCS log).' }, () =>
    lookupCodes(service.codeset, params?.query, params?.date, todayIso()),
  )(),
);

connection.onRequest(GUIDANCE_REQUEST, (params: GuidanceParams) =>
  guard<[], GuidanceResult>('guidance', { markdown: '' }, () =>
    typeof params?.code === 'string' && params.code.length <= 20 ? { markdown: service.guidance(params.code) } : { markdown: '' },
  )(),
);

connection.onRequest(CODE_CARD_REQUEST, (params: CodeCardParams) =>
  guard<[], CodeCardResult>('code card', { markdown: '' }, () => {
    if (typeof params?.code !== 'string' || !params.code.trim() || params.code.length > 20) return { markdown: '' };
    const date = lookupCodes(service.codeset, params.code, params.date, todayIso()).date;
    return { markdown: service.codeCard(params.code, date) };
  })(),
);

documents.listen(connection);
connection.listen();
