// No network, ever: a full protocol session and the CLI run with every network API replaced by a
// recorder that throws (no-network-preload.js). The record must hold the preload's "armed" line
// and nothing else. A positive control proves the recorder catches a real connect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionList, CompletionItem } from 'vscode-languageserver-types';
import { startSession } from '../support/lsp-session';
import { aspDir, fixture, releaseFile, repoRoot, samplesDir } from '../support/paths';
import { PROBE_837, answer, assertServing, probePosition } from './protocol-helpers';
import { DRUG_CODES_REQUEST, LOAD_RELEASE_REQUEST } from '../../server/src/protocol';

const PRELOAD = join(repoRoot, 'test', 'robustness', 'no-network-preload.js');

interface Recorded {
  armed?: number;
  call?: string;
  target?: string;
  stack?: string;
}

function readRecord(file: string): Recorded[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Recorded);
}

function tempLog(): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-no-network-'));
  return { file: join(dir, 'network.jsonl'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('positive control: the preload records and refuses a real connect, a DNS lookup and fetch', async () => {
  const log = tempLog();
  try {
    const script = `
      const attempts = [
        () => require('net').connect(9, '127.0.0.1'),
        () => require('dns').lookup('example.invalid', () => {}),
        () => require('https').get('https://example.invalid/'),
      ];
      let refused = 0;
      for (const a of attempts) { try { a(); } catch { refused++; } }
      fetch('https://example.invalid/').catch(() => { refused++; console.log('refused ' + refused); });
    `;
    const result = await run(['--require', PRELOAD, '-e', script], { NO_NETWORK_LOG: log.file });
    assert.match(result.stdout, /refused 4/, result.stderr);
    const calls = readRecord(log.file).filter((r) => r.call).map((r) => r.call);
    assert.deepEqual(calls, ['net.connect', 'dns.lookup', 'https.get', 'fetch']);
  } finally {
    log.cleanup();
  }
});

test('a full protocol session makes no network call', async () => {
  const log = tempLog();
  const release = releaseFile();
  const asp = aspDir();
  try {
    const session = await startSession({ nodeArgs: ['--require', PRELOAD], env: { NO_NETWORK_LOG: log.file } });
    try {
      await session.waitForRelease();
      if (release) {
        const loaded = await answer(session, LOAD_RELEASE_REQUEST, { path: release, aspPath: asp }, 60_000);
        assert.equal((loaded.result as { ok?: boolean } | undefined)?.ok, true, JSON.stringify(loaded));
      }
      const docs: [string, string, string][] = [
        ['net.837', 'x12', PROBE_837],
        ['net.csv', 'csv', 'claim_id,service_date,hcpcs,modifier_1,units,ndc\nC1,2025-11-05,J7507,KX,5,00469061711\n'],
        ['net.json', 'json', JSON.stringify({ resourceType: 'Claim', item: [{ productOrService: { coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'J7507' }] }, quantity: { value: 5 } }] })],
        ['net.md', 'markdown', 'Tacrolimus 5 mg, billed J7507-KX x 5 units; see http://example.invalid/policy and https://www.cms.gov/.\n'],
      ];
      for (const [name, languageId, text] of docs) {
        const uri = session.open(name, languageId, text);
        await session.diagnostics(uri);
        const position = probePosition(text);
        const range = { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } };
        await answer(session, 'textDocument/hover', { textDocument: { uri }, position });
        const list = (await answer(session, 'textDocument/completion', { textDocument: { uri }, position })).result as CompletionList | null;
        for (const item of (list?.items ?? []).slice(0, 5)) await answer(session, 'completionItem/resolve', item as CompletionItem);
        await answer(session, 'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
        await answer(session, 'textDocument/documentSymbol', { textDocument: { uri } });
        await answer(session, 'textDocument/inlayHint', { textDocument: { uri }, range });
        await answer(session, DRUG_CODES_REQUEST, { code: 'J7507' });
        session.change(uri, text + '\nJ7502 x 4 units\n');
        await session.diagnostics(uri, 2);
        session.close(uri);
      }
      await assertServing(session, 'no-network session');
    } finally {
      assert.equal(await session.stop(), 0);
    }
    const record = readRecord(log.file);
    assert.ok(record.some((r) => r.armed), 'the preload ran in the server');
    assert.deepEqual(record.filter((r) => r.call), [], 'network calls recorded');
  } finally {
    log.cleanup();
  }
});

test('the CLI over claim files makes no network call', async (t) => {
  const cli = join(repoRoot, 'bin', 'hcpcs-check');
  if (!existsSync(cli)) return t.skip('bin/hcpcs-check is not there yet');
  const inputs = [fixture('claims'), samplesDir()].filter((p): p is string => !!p && existsSync(p));
  if (!inputs.length) return t.skip('no claim files to check');
  const log = tempLog();
  try {
    const release = releaseFile();
    const args = ['--require', PRELOAD, cli, '--format', 'json', ...(release ? ['--release', release] : []), ...inputs];
    const result = await run(args, { NO_NETWORK_LOG: log.file }, 80_000);
    assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr.slice(-2000)}`);
    assert.ok(result.stdout.length > 0, 'the CLI printed its findings');
    const record = readRecord(log.file);
    assert.ok(record.some((r) => r.armed), 'the preload ran in the CLI');
    assert.deepEqual(record.filter((r) => r.call), [], 'network calls recorded');
  } finally {
    log.cleanup();
  }
});
