// Helpers for the robustness protocol tests: bounded answers (result or error, never a hang),
// a liveness probe (the process is up and a hover still answers), and the server's RSS.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { LspSession } from '../support/lsp-session';
import { x12_837p } from '../support/x12';

export interface Answer {
  result?: unknown;
  error?: { code: number; message: string };
}

/** a request's outcome, result or error response; fails (does not hang) when none comes within ms */
export function answer(session: LspSession, method: string, params: unknown, ms = 15_000): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer to ${method} within ${ms} ms; server stderr:\n${session.stderr().slice(-4000)}`)),
      ms,
    );
    session.connection.sendRequest(method, params).then(
      (result: unknown) => {
        clearTimeout(timer);
        resolve({ result });
      },
      (error: { code?: number; message?: string }) => {
        clearTimeout(timer);
        resolve({ error: { code: Number(error?.code), message: String(error?.message) } });
      },
    );
  });
}

/** a small 837P whose line 1 codes J7507 (in the built-in core set and every full release) */
export const PROBE_837 = x12_837p([
  'CLM*PT1*125***11:B:1*Y*A*Y*Y',
  'HI*ABK:Z940',
  'LX*1',
  'SV1*HC:J7507:KX*125*UN*5***1',
  'DTP*472*D8*20251105',
]);

export function probePosition(text = PROBE_837, needle = 'J7507') {
  const offset = text.indexOf(needle) + 1;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** the process is alive and a hover on J7507 in a fresh document still answers with its descriptor */
export async function assertServing(session: LspSession, label: string): Promise<string> {
  assert.equal(session.process.exitCode, null, `${label}: server exited (stderr:\n${session.stderr().slice(-4000)})`);
  assert.equal(session.process.signalCode, null, `${label}: server killed by a signal`);
  const uri = session.open(`probe-${Math.random().toString(36).slice(2)}.837`, 'x12', PROBE_837);
  const reply = await answer(session, 'textDocument/hover', { textDocument: { uri }, position: probePosition() });
  assert.equal(reply.error, undefined, `${label}: hover answered with an error ${JSON.stringify(reply.error)}`);
  const hover = reply.result as Hover | null;
  assert.ok(hover, `${label}: a hover on J7507`);
  const value = (hover.contents as MarkupContent).value ?? String(hover.contents);
  assert.match(value, /Tacrolimus/i, `${label}: the hover names the drug`);
  session.close(uri);
  return value;
}

/** resident set size of a process in kB (Linux /proc) */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  assert.ok(match, `VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

/** is an answer "empty": null, [], {items: []}, or an error response */
export function isEmptyOrError(a: Answer): boolean {
  if (a.error) return true;
  const r = a.result as unknown;
  if (r === null || r === undefined) return true;
  if (Array.isArray(r)) return r.length === 0;
  if (typeof r === 'object' && Array.isArray((r as { items?: unknown }).items)) return (r as { items: unknown[] }).items.length === 0;
  return false;
}

/**
 * Collect window/logMessage and window/showMessage from now on. Call right after startSession:
 * the server's startup messages arrive after the initialized notification, on a later tick.
 */
export function captureMessages(session: LspSession): string[] {
  const messages: string[] = [];
  const keep = (p: { message?: unknown }) => void messages.push(String(p?.message));
  session.connection.onNotification('window/logMessage', keep);
  session.connection.onNotification('window/showMessage', keep);
  session.connection.onRequest('window/showMessageRequest', (p: { message?: unknown }) => {
    keep(p);
    return null;
  });
  return messages;
}

/** PROBE_837 with the KX modifier removed: the default medicare profile reports missing-kx on it */
export const PROBE_837_NO_KX = PROBE_837.replace('HC:J7507:KX', 'HC:J7507');
