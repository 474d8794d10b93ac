// VS Code side: start the HCPCS language server, show which release it loaded, offer the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

import {
  COMMANDS,
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
}

const documentSelector = [
  { scheme: 'file', language: 'x12' },
  { scheme: 'untitled', language: 'x12' },
  { scheme: 'file', language: 'csv' },
  { scheme: 'file', language: 'tsv' },
  { scheme: 'file', language: 'psv' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<HcpcsExtensionApi> {
  const output = vscode.window.createOutputChannel('HCPCS', { log: true });
  const status = vscode.window.createStatusBarItem('hcpcs.release', vscode.StatusBarAlignment.Right, 100);
  status.name = 'HCPCS code set';
  status.text = '$(sync~spin) HCPCS';
  status.command = COMMANDS.loadRelease;
  status.show();
  context.subscriptions.push(output, status);

  let announced!: () => void;
  const ready = new Promise<void>((resolve) => (announced = resolve));

  const showRelease = (notice: ReleaseNotice): void => {
    // labels read 'HCPCS Level II, October 2025 (CMS)': no second 'HCPCS' in front
    status.text = notice.label.startsWith('HCPCS') ? notice.label : `HCPCS ${notice.label}`;
    status.tooltip =
      notice.kind === 'full'
        ? `HCPCS codes from ${notice.label}. Click to load a newer CMS release.`
        : `Only the built-in core set is loaded (${notice.label}). Click to load the full CMS release file.`;
    status.backgroundColor = notice.kind === 'core' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (notice.message) output.info(notice.message);
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

  const loadRelease = async (filePath?: string, options?: { confirm?: boolean }): Promise<LoadReleaseResult> => {
    let target = typeof filePath === 'string' ? filePath : undefined;
    if (!target) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Load a CMS HCPCS release file',
        canSelectMany: false,
        filters: { 'CMS HCPCS release': ['zip', 'txt', 'xlsx', 'csv'] },
      });
      if (!picked?.length) return { ok: false, error: 'cancelled' };
      target = picked[0].fsPath;
    }
    let result = await client!.sendRequest<LoadReleaseResult>(LOAD_RELEASE_REQUEST, { path: target, confirm: options?.confirm === true });
    if (!result.ok && result.needsConfirmation) {
      // a cut or partial release would make real codes "unknown": load it only when the user says so
      const answer = await vscode.window.showWarningMessage(`HCPCS: ${result.error}`, { modal: true }, 'Load anyway');
      if (answer !== 'Load anyway') return { ok: false, error: 'cancelled' };
      result = await client!.sendRequest<LoadReleaseResult>(LOAD_RELEASE_REQUEST, { path: target, confirm: true });
    }
    if (result.ok) vscode.window.showInformationMessage(`HCPCS: loaded ${result.label}.`);
    else vscode.window.showErrorMessage(`HCPCS: ${result.error}`);
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
    vscode.workspace.onDidOpenTextDocument(markX12ByContent),
    // trust granted later: start again so the workspace's release settings apply
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
  );
  vscode.workspace.textDocuments.forEach(markX12ByContent);

  await client.start();
  return { ready, statusText: () => status.text };
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
