// Load over stdio: 200 documents open, 2,000 mixed requests in one burst, every one answered without
// an error; the server's RSS (after a forced GC, see gc-on-signal-preload.js) returns near its
// baseline once the documents are closed. Figures are printed for the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { startSession, type LspSession } from '../support/lsp-session';
import { repoRoot } from '../support/paths';
import { x12_837p } from '../support/x12';
import { assertPositionsInside } from '../support/fuzz';
import { answer, assertServing, rssKb, type Answer } from './protocol-helpers';

const DOCS = 200;
const REQUESTS = 2_000;
const GC_PRELOAD = join(repoRoot, 'test', 'robustness', 'gc-on-signal-preload.js');

/** deterministic pseudo-random numbers, so a failing burst replays */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const CODES = ['J7507', 'J7502', 'J7520', 'J3490', 'J1550', 'J0561', 'E0431', 'A0425', 'K0001', '99213'];
const MODS = ['', ':KX', ':JW', ':JZ', ':JG', ':KX:JZ', ':RR'];

function x12Doc(i: number, lines: number): string {
  const body = [`CLM*PT${i}*${lines * 10}***11:B:1*Y*A*Y*Y`, 'HI*ABK:Z940', 'DTP*434*RD8*20251101-20251130'];
  for (let n = 1; n <= lines; n++) {
    const code = CODES[(i + n) % CODES.length];
    body.push(`LX*${n}`, `SV1*HC:${code}${MODS[(i * 7 + n) % MODS.length]}*${n * 3}*UN*${(n % 9) + 1}***1`, 'DTP*472*D8*20251105');
    if (n % 4 === 0) body.push('LIN**N4*00469061711', 'CTP****5*UN');
  }
  return x12_837p(body);
}

function csvDoc(i: number, rows: number): string {
  let text = 'claim_id,service_date,hcpcs,modifier_1,units,ndc\n';
  for (let n = 0; n < rows; n++) text += `C${i}-${n},2025-11-05,${CODES[(i + n) % CODES.length]},KX,${(n % 9) + 1},00469061711\n`;
  return text;
}

function fhirDoc(i: number, items: number): string {
  const item = Array.from({ length: items }, (_, n) => ({
    sequence: n + 1,
    productOrService: { coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: CODES[(i + n) % CODES.length] }] },
    servicedDate: '2025-11-05',
    quantity: { value: (n % 9) + 1 },
  }));
  return JSON.stringify({ resourceType: 'Claim', id: `c${i}`, item }, null, 2);
}

function noteDoc(i: number, sentences: number): string {
  let text = `# Visit note ${i}\n\n`;
  for (let n = 0; n < sentences; n++) text += `Tacrolimus ${(n % 9) + 1} mg given; billed ${CODES[(i + n) % CODES.length]}-KX x ${(n % 9) + 1} units.\n`;
  return text;
}

function makeDocs(): { name: string; languageId: string; text: string }[] {
  const docs = [];
  for (let i = 0; i < DOCS; i++) {
    if (i % 10 < 6) docs.push({ name: `load-${i}.837`, languageId: 'x12', text: x12Doc(i, 150) });
    else if (i % 10 < 8) docs.push({ name: `load-${i}.csv`, languageId: 'csv', text: csvDoc(i, 300) });
    else if (i % 10 < 9) docs.push({ name: `load-${i}.json`, languageId: 'json', text: fhirDoc(i, 100) });
    else docs.push({ name: `load-${i}.md`, languageId: 'markdown', text: noteDoc(i, 200) });
  }
  return docs;
}

/** force a full GC in the server, wait until it says it is done (no fixed sleep); its JS heap after the GC */
async function collectGarbage(session: LspSession, n: number): Promise<{ heapUsed: number }> {
  const marker = new RegExp(`^gc-done ${n} heapUsed=(\\d+) external=(\\d+)$`, 'm');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "gc-done ${n}" from the server`)), 15_000);
    const check = () => {
      const match = marker.exec(session.stderr());
      if (match) {
        clearTimeout(timer);
        session.process.stderr.off('data', check);
        resolve({ heapUsed: Number(match[1]) / 1024 });
      }
    };
    session.process.stderr.on('data', check);
    session.process.kill('SIGUSR2');
    check();
  });
}

/**
 * GC until the RSS stops moving (two readings within 1 MB): V8 hands freed pages back on a
 * background thread, so the reading right after one GC can still include them.
 */
async function settled(session: LspSession, nextGc: () => number): Promise<{ rss: number; heapUsed: number }> {
  let previous = -Infinity;
  let heapUsed = 0;
  for (let round = 0; round < 6; round++) {
    heapUsed = (await collectGarbage(session, nextGc())).heapUsed;
    const rss = rssKb(session.process.pid!);
    if (Math.abs(rss - previous) < 1024) return { rss, heapUsed };
    previous = rss;
  }
  return { rss: previous, heapUsed };
}

const mb = (kb: number) => (kb / 1024).toFixed(1);

test(`load: ${DOCS} documents, ${REQUESTS} mixed requests in a burst, memory back near baseline after close`, async () => {
  const session = await startSession({ nodeArgs: ['--expose-gc', '--require', GC_PRELOAD] });
  let gcs = 0;
  try {
    await session.waitForRelease();
    // warm up every path once so the baseline includes the code, not just an idle process
    const warm = makeDocs().slice(0, 10);
    const warmUris = warm.map((d) => session.open(`warm-${d.name}`, d.languageId, d.text));
    await Promise.all(warmUris.map((uri) => session.diagnostics(uri)));
    warmUris.forEach((uri) => session.close(uri));
    await assertServing(session, 'warm-up');
    const nextGc = () => ++gcs;
    const { rss: baseline, heapUsed: baseHeap } = await settled(session, nextGc);

    const docs = makeDocs();
    const bytes = docs.reduce((n, d) => n + d.text.length, 0);
    const t0 = Date.now();
    const uris = docs.map((d) => session.open(d.name, d.languageId, d.text));
    const published = await Promise.all(uris.map((uri) => session.diagnostics(uri)));
    const tOpen = Date.now() - t0;
    const withFindings = published.filter((d) => d.length > 0).length;

    const random = rng(20251105);
    const local = docs.map((d, i) => TextDocument.create(uris[i]!, d.languageId, 1, d.text));
    const requests: Promise<{ method: string; index: number; reply: Answer }>[] = [];
    const t1 = Date.now();
    for (let r = 0; r < REQUESTS; r++) {
      const index = Math.floor(random() * DOCS);
      const doc = local[index]!;
      const position = doc.positionAt(Math.floor(random() * doc.getText().length));
      const range = { start: position, end: doc.positionAt(doc.offsetAt(position) + 400) };
      const textDocument = { uri: doc.uri };
      const kind = r % 6;
      const [method, params]: [string, unknown] =
        kind === 0 ? ['textDocument/hover', { textDocument, position }]
        : kind === 1 ? ['textDocument/completion', { textDocument, position }]
        : kind === 2 ? ['textDocument/codeAction', { textDocument, range, context: { diagnostics: published[index]!.slice(0, 3) } }]
        : kind === 3 ? ['textDocument/documentSymbol', { textDocument }]
        : kind === 4 ? ['textDocument/inlayHint', { textDocument, range }]
        : ['completionItem/resolve', { label: CODES[r % CODES.length], data: { code: CODES[r % CODES.length] } } satisfies CompletionItem];
      requests.push(answer(session, method, params, 60_000).then((reply) => ({ method, index, reply })));
    }
    const replies = await Promise.all(requests);
    const tBurst = Date.now() - t1;
    const errors = replies.filter((x) => x.reply.error);
    assert.deepEqual(errors.slice(0, 5), [], `${errors.length} error responses`);
    for (const { method, index, reply } of replies) assertPositionsInside(reply.result, local[index]!, method);
    const completions = replies.filter((x) => x.method === 'textDocument/completion').map((x) => (x.reply.result as CompletionList).items.length);
    const { rss: peak, heapUsed: peakHeap } = await settled(session, nextGc);

    uris.forEach((uri) => session.close(uri));
    await assertServing(session, 'after closing everything');
    const { rss: after, heapUsed: afterHeap } = await settled(session, nextGc);

    console.log(
      `load: ${DOCS} docs (${mb(bytes / 1024)} MB of text) opened and validated in ${tOpen} ms (${withFindings} with findings); ` +
        `${REQUESTS} requests answered in ${tBurst} ms (${(REQUESTS / (tBurst / 1000)).toFixed(0)}/s, ${completions.reduce((a, b) => a + b, 0)} completion items); ` +
        `RSS baseline ${mb(baseline)} MB, with documents open ${mb(peak)} MB, after close ${mb(after)} MB; ` +
        `JS heap after GC ${mb(baseHeap)} / ${mb(peakHeap)} / ${mb(afterHeap)} MB`,
    );
    // the JS heap is the leak detector: what the open documents held must be released (within 5 MB)
    assert.ok(afterHeap - baseHeap <= 5 * 1024, `JS heap after close ${mb(afterHeap)} MB vs baseline ${mb(baseHeap)} MB (open: ${mb(peakHeap)} MB)`);
    // RSS: near baseline. V8 and malloc keep some freed pages mapped; allow 32 MB or a third of the growth
    const growth = Math.max(0, peak - baseline);
    const allowance = Math.max(32 * 1024, growth / 3);
    assert.ok(after - baseline <= allowance, `after close ${mb(after)} MB vs baseline ${mb(baseline)} MB (peak ${mb(peak)} MB): ${mb(after - baseline)} MB retained > ${mb(allowance)} MB`);
  } finally {
    assert.equal(await session.stop(), 0);
  }
});
