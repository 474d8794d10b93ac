// Shared helpers for the extension suite: fixture documents, the extension's API, bounded waits.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'hcpcs-tools.hcpcs-language-tools';

export interface HcpcsApi {
  ready: Promise<void>;
  statusText(): string;
}

/** the workspace folder the runner opened (a throwaway copy of test/fixtures/e2e-workspace) */
export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner must open the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

/** rejects after ms with a message that says what was being waited for */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** the extension, activated, with its client running and its release announced */
export async function hcpcsApi(): Promise<HcpcsApi> {
  const ext = vscode.extensions.getExtension<HcpcsApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  const api = ext.isActive ? ext.exports : await withTimeout(Promise.resolve(ext.activate()), 30_000, 'activation');
  if (!api || typeof api.statusText !== 'function') throw new Error(`${EXTENSION_ID} activated without its API (did activate() fail?)`);
  await withTimeout(api.ready, 30_000, 'the server to announce its release');
  return api;
}

/** the extension becomes active by itself (activation event), within ms */
export async function waitForActivation(ms: number): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  if (ext.isActive) return;
  // no activation event exists to subscribe to: poll the flag, bounded
  await withTimeout(
    new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (ext.isActive) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
    }),
    ms,
    `${EXTENSION_ID} to activate`,
  );
}

/**
 * Diagnostics of uri from source 'hcpcs', once `until` accepts them. Listens to
 * onDidChangeDiagnostics (no fixed sleeps) and gives up after ms.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  until: (diags: vscode.Diagnostic[]) => boolean,
  ms = 20_000,
): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hcpcs');
  if (until(current())) return Promise.resolve(current());
  let sub: vscode.Disposable | undefined;
  const seen = new Promise<vscode.Diagnostic[]>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const diags = current();
      if (until(diags)) resolve(diags);
    });
  });
  const describe = (): string => JSON.stringify(current().map((d) => `${d.range.start.line}: [${String(ruleId(d))}] ${d.message}`));
  return withTimeout(seen, ms, `diagnostics on ${uri.path}`)
    .catch((e: Error) => {
      throw new Error(`${e.message}; last seen: ${describe()}`);
    })
    .finally(() => sub?.dispose());
}

/** the rule id a diagnostic carries (code may be a string or { value, target }) */
export function ruleId(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** position of the first occurrence of needle in the document, plus delta characters */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`fixture ${doc.uri.path} does not contain ${JSON.stringify(needle)}`);
  return doc.positionAt(offset + delta);
}

/** the line number of the first line that contains needle */
export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
