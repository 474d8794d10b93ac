// A real LSP client over stdio for protocol tests: spawns bin/hcpcs-language-server --stdio and
// speaks JSON-RPC to it. Waits are on notifications with a bounded timeout, never fixed sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, InitializeResult } from 'vscode-languageserver-protocol';
import { repoRoot } from './paths';
import { RELEASE_NOTIFICATION } from '../../server/src/protocol';

export interface SessionOptions {
  initializationOptions?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** node flags for the server process, e.g. ['--require', '/abs/no-network.js'] */
  nodeArgs?: string[];
  workspaceFolder?: string;
  /** what the client answers for the 'hcpcs' section of workspace/configuration (default {}) */
  configuration?: () => unknown;
}

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  initializeResult: InitializeResult;
  /** notifications RELEASE_NOTIFICATION received so far */
  releases: { label: string; kind: string; message?: string }[];
  stderr: () => string;
  open(name: string, languageId: string, text: string): string;
  change(uri: string, text: string): void;
  close(uri: string): void;
  /** the version of every publishDiagnostics received so far for uri, in order of arrival */
  publishedVersions(uri: string): (number | undefined)[];
  /** the next diagnostics published for uri at or after `version` (default: the current version) */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  waitForRelease(predicate?: (r: { label: string; kind: string }) => boolean): Promise<{ label: string; kind: string; message?: string }>;
  stop(): Promise<number | null>;
}

const TIMEOUT_MS = 20_000;

export function fileUri(name: string): string {
  return pathToFileURL(join('/tmp/hcpcs-protocol-test', name)).href;
}

export async function startSession(options: SessionOptions = {}): Promise<LspSession> {
  const bin = join(repoRoot, 'bin', 'hcpcs-language-server');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, '--stdio'], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = published.get(p.uri) ?? [];
    list.push(p);
    published.set(p.uri, list);
    notify();
  });
  const releases: LspSession['releases'] = [];
  connection.onNotification(RELEASE_NOTIFICATION, (r: { label: string; kind: string; message?: string }) => {
    releases.push(r);
    notify();
  });
  connection.onNotification('window/logMessage', (m: { message: string }) => { if (process.env.LSP_LOG) console.error('[server]', m.message); });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.configuration?.() ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();

  const until = <T>(what: string, probe: () => T | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr:\n${stderr}`)), TIMEOUT_MS);
      const check = () => {
        const value = probe();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else waiters.push(check);
      };
      check();
    });

  const folder = options.workspaceFolder;
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : null,
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', ''] } } },
      },
      workspace: { configuration: true },
    },
    initializationOptions: options.initializationOptions ?? {},
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  const session: LspSession = {
    connection,
    process: child,
    initializeResult,
    releases,
    stderr: () => stderr,
    open(name, languageId, text) {
      const uri = name.includes(':') ? name : fileUri(name);
      versions.set(uri, 1);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    diagnostics(uri, version) {
      const wanted = version ?? versions.get(uri) ?? 1;
      return until(`diagnostics for ${uri} v${wanted}`, () =>
        published.get(uri)?.find((p) => (p.version ?? wanted) >= wanted)?.diagnostics,
      );
    },
    publishedVersions: (uri) => (published.get(uri) ?? []).map((p) => p.version),
    request: <R>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<R>,
    waitForRelease: (predicate = () => true) =>
      until('the hcpcs/release notification', () => releases.find(predicate)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        connection.dispose();
        return child.exitCode;
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // a server that is blocked or ignores exit is killed after a bounded wait
      const killer = setTimeout(() => child.kill(), 5000);
      connection
        .sendRequest('shutdown')
        .then(() => connection.sendNotification('exit'))
        .catch(() => child.kill());
      const code = await exited;
      clearTimeout(killer);
      connection.dispose();
      return code;
    },
  };
  return session;
}
