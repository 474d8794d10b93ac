// VS Code side: start the HCPCS language server, show which release it loaded, offer the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

import { documentSelector as languageSelector } from '../../server/src/base/languages';
import { lookupCommand, openGuidance } from './lookup';
import { sentence } from '../../server/src/features/format';
import {
  COMMANDS,
  FORMAT_X12_REQUEST,
  LOOKUP_REQUEST,
  type FormatX12Result,
  type LookupResult,
  DRUG_CODES_REQUEST,
  LOAD_RELEASE_REQUEST,
  RELEASE_NOTIFICATION,
  type DrugCodeItem,
  type LoadReleaseResult,
  type ReleaseNotice,
} from '../../server/src/protocol';

export interface HcpcsExtensionApi {
  /** resolves once the client runs and the server has announced its release */
  ready: Promise<void>;
  /** the status-bar text: the release label, which starts with "HCPCS" */
  statusText(): string;
  /** the server's hcpcs/lookup, as the look-up command asks it */
  lookup(query: string, date?: string): Promise<LookupResult>;
}

/** the languages the server reads (server/src/base/languages.ts: one table with detection and the CLI) */
const documentSelector = [...languageSelector];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<HcpcsExtensionApi> {
  const output = vscode.window.createOutputChannel('HCPCS', { log: true });
  // a language status item (the {} entry of a claim file's status bar), not a coloured status-bar item
  const status = vscode.languages.createLanguageStatusItem('hcpcs.release', documentSelector);
  status.name = 'HCPCS code set';
  status.text = '$(sync~spin) HCPCS';
  status.busy = true;
  status.command = { title: 'Load release…', command: COMMANDS.loadRelease, tooltip: 'Load a CMS HCPCS release file' };
  context.subscriptions.push(output, status);

  let announced!: () => void;
  const ready = new Promise<void>((resolve) => (announced = resolve));

  const showRelease = (notice: ReleaseNotice): void => {
    // labels read 'HCPCS Level II, October 2025 (CMS)': no second 'HCPCS' in front
    const label = notice.label.startsWith('HCPCS') ? notice.label : `HCPCS ${notice.label}`;
    status.text = notice.stale ? `$(warning) ${label}` : label;
    status.busy = false;
    const loaded = [
      ...(notice.releases?.length ? [`releases: ${notice.releases.join('; ')}`] : []),
      notice.aspQuarters?.length ? `ASP quarters: ${notice.aspQuarters.join(', ')}` : 'no ASP quarter loaded',
      ...(notice.stale ? [`data older than today: ${notice.stale}`] : []),
    ];
    const head = notice.kind === 'full' ? 'CMS releases in use for codes, dates and units' : 'only the built-in core set: load the full CMS release file';
    status.detail = [head, ...loaded].join(' · ');
    status.severity =
      notice.kind === 'core' || notice.stale ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    // notice.message is not logged here: the server logged it already (it showed twice)
    announced();
  };

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  await vscode.workspace.fs.createDirectory(context.globalStorageUri);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    // card links run only these two commands (full guidance, all codes for a drug)
    markdown: { isTrusted: { enabledCommands: [COMMANDS.showGuidance, COMMANDS.showDrugCodes] } },
    synchronize: { configurationSection: 'hcpcs', fileEvents: vscode.workspace.createFileSystemWatcher('**/.hcpcsrc.json') },
    // a function: read again on every (re)start, so settings and trust are current
    initializationOptions: () => ({
      storagePath: context.globalStorageUri.fsPath,
      docsPath: context.asAbsolutePath(path.join('docs', 'rules')),
      settings: vscode.workspace.getConfiguration('hcpcs'),
      // an untrusted workspace may not point the server at files to load (see capabilities.untrustedWorkspaces)
      trusted: vscode.workspace.isTrusted,
    }),
  };
  client = new LanguageClient('hcpcs', 'HCPCS Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client.onNotification(RELEASE_NOTIFICATION, showRelease));

  // a release and its ASP data load together: the ASP folder comes from the argument, hcpcs.aspPath or a second dialog
  // (path, aspFolder) or (path, { aspPath, confirm }): commands and tests pass either
  const loadRelease = async (filePath?: string, second?: string | { aspPath?: string; confirm?: boolean }): Promise<LoadReleaseResult> => {
    const options = typeof second === 'object' && second ? second : {};
    const aspFolder = typeof second === 'string' ? second : options.aspPath;
    let target = typeof filePath === 'string' ? filePath : undefined;
    const interactive = !target;
    if (!target) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Load a CMS HCPCS release file',
        canSelectMany: false,
        filters: { 'CMS HCPCS release': ['zip', 'txt', 'xlsx', 'csv'] },
      });
      if (!picked?.length) return { ok: false, error: 'cancelled' };
      target = picked[0].fsPath;
    }
    let aspPath = typeof aspFolder === 'string' ? aspFolder : vscode.workspace.getConfiguration('hcpcs').get<string>('aspPath') || undefined;
    if (!aspPath && interactive) {
      const asp = await vscode.window.showOpenDialog({
        title: 'ASP folder (payment limits and NDC crosswalk; one quarter or a folder of quarters). Cancel to load without ASP data.',
        canSelectMany: false,
        canSelectFiles: false,
        canSelectFolders: true,
      });
      aspPath = asp?.[0]?.fsPath;
    }
    let result = await client!.sendRequest<LoadReleaseResult>(LOAD_RELEASE_REQUEST, { path: target, aspPath, confirm: options?.confirm === true });
    if (!result.ok && result.needsConfirmation) {
      // a cut or partial release would make real codes "unknown": load it only when the user says so
      const answer = await vscode.window.showWarningMessage(`HCPCS: ${result.error}`, { modal: true }, 'Load anyway');
      if (answer !== 'Load anyway') return { ok: false, error: 'cancelled' };
      result = await client!.sendRequest<LoadReleaseResult>(LOAD_RELEASE_REQUEST, { path: target, aspPath, confirm: true });
    }
    if (result.ok) vscode.window.showInformationMessage(`HCPCS: loaded ${result.label}.`);
    else vscode.window.showErrorMessage(`HCPCS: ${sentence(result.error ?? 'The release could not be loaded')}`);
    return result;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.loadRelease, loadRelease),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => client?.restart()),
    vscode.commands.registerCommand(COMMANDS.copyDescriptor, async (text: string) => {
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage('HCPCS: long descriptor copied', 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.showDrugCodes, async (code: string) => {
      const items = await client!.sendRequest<DrugCodeItem[]>(DRUG_CODES_REQUEST, { code });
      if (!items.length) {
        vscode.window.showInformationMessage(`HCPCS: no other codes found for the drug of ${code}.`);
        return;
      }
      const picked = await vscode.window.showQuickPick(
        items.map((i) => ({ label: i.code, description: i.short, detail: i.detail })),
        { title: `Codes for the drug of ${code}`, matchOnDescription: true },
      );
      if (picked) await vscode.env.clipboard.writeText(picked.label);
    }),
    vscode.commands.registerCommand(COMMANDS.lookupCode, lookupCommand(() => client)),
    vscode.commands.registerCommand(COMMANDS.showGuidance, (code: string) => openGuidance(client!, code)),
    // registerCommand, not registerTextEditorCommand: that one does not wait for an async callback
    vscode.commands.registerCommand(COMMANDS.joinSegments, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const params = { textDocument: { uri: editor.document.uri.toString() }, layout: 'join' };
      const result = await client!.sendRequest<FormatX12Result>(FORMAT_X12_REQUEST, params);
      if (!result.edits.length) return;
      const edit = new vscode.WorkspaceEdit();
      edit.set(editor.document.uri, result.edits.map((e) => client!.protocol2CodeConverter.asTextEdit(e)));
      await vscode.workspace.applyEdit(edit);
    }),
    // a claim's code lens: select the whole claim in its editor
    vscode.commands.registerCommand(COMMANDS.selectClaim, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = await vscode.window.showTextDocument(doc);
      const selected = client!.protocol2CodeConverter.asRange(range);
      editor.selection = new vscode.Selection(selected.start, selected.end);
      editor.revealRange(selected, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.workspace.onDidOpenTextDocument(markX12ByContent),
    // trust granted later: start again so the workspace's release settings apply
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
  );
  vscode.workspace.textDocuments.forEach(markX12ByContent);

  await client.start();
  return {
    ready,
    statusText: () => status.text,
    lookup: (query, date) => client!.sendRequest<LookupResult>(LOOKUP_REQUEST, { query, date }),
  };
}

/** An .edi/.txt/untitled file that starts with ISA is X12, whatever its name. */
function markX12ByContent(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext') return;
  const head = doc.getText(new vscode.Range(0, 0, 5, 0)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('ISA')) void vscode.languages.setTextDocumentLanguage(doc, 'x12');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
