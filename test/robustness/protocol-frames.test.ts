// Issue #19 cases 16 and 11, over a raw stdio pipe (no client library between the test and the bytes).
// 16: a frame with a missing, non-numeric, negative or oversized Content-Length (or a header block
//     that never ends) is answered with a JSON-RPC parse error, and the next well-formed request is
//     answered (the server used to stay alive but never answer again, with nothing logged).
// 11: a client that stops reading stdout: the server's queue stays within PROTOCOL.queuedBytes (it
//     grew to 2 GB in 30 s), and once the client reads again, requests are answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../support/paths';
import { badFrameHeaderArb, fuzzParams, lspFrame } from '../support/fuzz';
import { contentLength } from '../../server/src/node/guarded-stdio';
import { PROTOCOL } from '../../server/src/base/limits';
import { rssKb } from './protocol-helpers';
import { x12_837p } from '../support/x12';

interface Raw {
  child: ChildProcessWithoutNullStreams;
  send(bytes: Buffer | string): void;
  request(id: number, method: string, params: unknown): void;
  /** resolves with the message with this id (or the first parse error with id null, when id is null) */
  reply(id: number | null, ms?: number): Promise<{ id: number | null; result?: unknown; error?: { code: number; message: string } }>;
  stderr(): string;
  stop(): Promise<void>;
}

/** the server on a raw pipe, initialized */
async function rawServer(): Promise<Raw> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'hcpcs-language-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let err = '';
  const messages: { id?: number | null; method?: string }[] = [];
  const waiters: (() => void)[] = [];
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-20_000)));
  child.stdout.on('data', (c: Buffer) => {
    buffer = Buffer.concat([buffer, c]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, end).toString())?.[1]);
      if (buffer.length < end + 4 + length) break;
      messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
      buffer = buffer.subarray(end + 4 + length);
    }
    for (const w of waiters.splice(0)) w();
  });
  const raw: Raw = {
    child,
    send: (bytes) => void child.stdin.write(bytes),
    request: (id, method, params) => raw.send(lspFrame({ jsonrpc: '2.0', id, method, params })),
    reply: (id, ms = 15_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reply ${id} within ${ms} ms; stderr:\n${err.slice(-2000)}`)), ms);
        const look = () => {
          const i = messages.findIndex((m) => m.id === id && !('method' in m));
          if (i >= 0) {
            clearTimeout(timer);
            resolve(messages.splice(i, 1)[0] as never);
          } else waiters.push(look);
        };
        look();
      }),
    stderr: () => err,
    stop: async () => {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
  raw.request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
  await raw.reply(1, 60_000);
  raw.send(lspFrame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  return raw;
}

const body = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'x/unknown', params: {} });

const frames: { name: string; bytes: (id: number) => Buffer }[] = [
  { name: 'no Content-Length header', bytes: (id) => lspFrame(body(id), 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n') },
  { name: 'non-numeric Content-Length', bytes: (id) => lspFrame(body(id), 'Content-Length: abc\r\n\r\n') },
  { name: 'negative Content-Length', bytes: (id) => lspFrame(body(id), 'Content-Length: -5\r\n\r\n') },
  { name: 'fractional Content-Length', bytes: (id) => lspFrame(body(id), 'Content-Length: 1.5\r\n\r\n') },
  { name: 'Content-Length past the message budget', bytes: (id) => lspFrame(body(id), `Content-Length: ${PROTOCOL.messageBytes + 1}\r\n\r\n`) },
  { name: 'header line without a colon', bytes: (id) => lspFrame(body(id), 'Content-Length 12\r\n\r\n') },
  { name: 'empty header block', bytes: (id) => lspFrame(body(id), '\r\n\r\n') },
  { name: 'Content-Length too short (body not JSON)', bytes: (id) => lspFrame(body(id), 'Content-Length: 10\r\n\r\n') },
  { name: 'a header block that never ends (9 kB)', bytes: () => Buffer.from(`Content-Length: 5${' '.repeat(9 * 1024)}`) },
];

test('malformed frames are answered with a parse error; the next request is answered', async () => {
  const raw = await rawServer();
  try {
    let id = 100;
    for (const frame of frames) {
      raw.send(frame.bytes(++id));
      const error = await raw.reply(null);
      assert.equal(error.error?.code, -32700, `${frame.name}: ${JSON.stringify(error)}`);
      assert.match(error.error!.message, /Malformed message frame/);
      raw.request(++id, 'x/probe', {});
      const next = await raw.reply(id);
      assert.equal(next.error?.code, -32601, `${frame.name}: the next request is answered: ${JSON.stringify(next)}`);
    }
    assert.match(raw.stderr(), /malformed message frame \(no Content-Length header\)/, 'each malformed frame is logged');
  } finally {
    await raw.stop();
  }
});

test('fuzzed frame headers: the server keeps answering', async () => {
  const raw = await rawServer();
  try {
    let id = 1000;
    await fc.assert(
      fc.asyncProperty(badFrameHeaderArb, async (header) => {
        raw.send(lspFrame(body(++id), header));
        raw.request(++id, 'x/probe', {});
        const next = await raw.reply(id);
        assert.equal(next.error?.code, -32601, `after ${JSON.stringify(header)}: ${JSON.stringify(next)}`);
      }),
      fuzzParams(40),
    );
  } finally {
    await raw.stop();
  }
});

const headerRows: { headers: string; expect: number | RegExp }[] = [
  { headers: 'Content-Length: 12', expect: 12 },
  { headers: 'content-length:12', expect: 12 },
  { headers: 'Content-Type: x\r\nContent-Length: 0', expect: 0 },
  { headers: 'Content-Type: x', expect: /no Content-Length/ },
  { headers: 'Content-Length: -1', expect: /not a whole number/ },
  { headers: 'Content-Length: 0x10', expect: /not a whole number/ },
  { headers: 'Content-Length: \u001b[31m', expect: /\('\?\[31m'\)/ },
  { headers: `Content-Length: ${2 ** 40}`, expect: /past the 256 MB limit/ },
  { headers: 'nonsense', expect: /without a colon/ },
];
for (const row of headerRows) {
  test(`contentLength(${JSON.stringify(row.headers)})`, () => {
    const got = contentLength(row.headers);
    if (typeof row.expect === 'number') assert.equal(got, row.expect);
    else assert.match(String(got), row.expect);
  });
}

test('a client that stops reading: the server queue stays bounded, and it answers once read again', async () => {
  const raw = await rawServer();
  try {
    const text = x12_837p(['CLM*PT1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940', ...Array.from({ length: 3000 }, (_, i) => [`LX*${i + 1}`, 'SV1*HC:J7507:KX*125*UN*5***1', 'DTP*472*D8*20251105']).flat()]);
    raw.send(lspFrame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///w/big.837', languageId: 'x12', version: 1, text } } }));
    raw.request(2, 'textDocument/documentSymbol', { textDocument: { uri: 'file:///w/big.837' } });
    await raw.reply(2, 60_000);
    const before = rssKb(raw.child.pid!);
    raw.child.stdout.pause(); // the client stops reading
    // ~1.5 MB per outline answer: 150 of them are well past the 64 MB queue budget
    for (let i = 0; i < 150; i++) raw.request(10_000 + i, 'textDocument/documentSymbol', { textDocument: { uri: 'file:///w/big.837' } });
    raw.request(20_000, 'shutdown-probe/not-a-method', {});
    // the probe's answer is written after every outline: wait until the server has produced them all
    await new Promise<void>((resolve) => {
      const check = () => (raw.stderr().includes('the client is not reading') ? resolve() : setTimeout(check, 100));
      check();
    });
    const during = rssKb(raw.child.pid!);
    console.log(`server RSS: ${(before / 1024).toFixed(0)} MB before, ${(during / 1024).toFixed(0)} MB while the client did not read`);
    assert.ok(during - before < (PROTOCOL.queuedBytes / 1024) * 3, `RSS grew by ${((during - before) / 1024).toFixed(0)} MB`);
    raw.child.stdout.resume();
    raw.request(30_000, 'x/probe', {});
    const next = await raw.reply(30_000, 60_000);
    assert.equal(next.error?.code, -32601);
  } finally {
    await raw.stop();
  }
});
