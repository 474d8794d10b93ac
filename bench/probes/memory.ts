// Child process: one big file through the service (parse + full validation) in a fresh process,
// so its peak RSS is its own. Prints one JSON line. Usage:
//   node --expose-gc memory.js <file> <languageId> <codeset.json> [limit|full]
// 'full' raises maxValidationBytes above the file size so the checks run whatever its size;
// 'limit' keeps the default limit (what a user gets).
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIndex } from '../../server/src/codeset/index';
import { benchService } from '../lib/service';
import { collectGarbage, now } from '../lib/timing';
import { limitHeapGrowth } from '../../server/src/node/heap';

// the heap is tuned as the server and the CLI tune it (server/src/node/heap.ts)
limitHeapGrowth();

const [file, languageId, indexFile, mode = 'full'] = process.argv.slice(2);
const MB = 1024 * 1024;
const heap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / MB;
};

const codeset = loadIndex(readFileSync(indexFile, 'utf8'));
const text = readFileSync(file, 'utf8');
const service = benchService(codeset, mode === 'full' ? { maxValidationBytes: text.length + 1 } : {});
const baseline = { rss: process.memoryUsage().rss / MB, heap: heap() };

const doc = TextDocument.create(`file:///bench/${file.split('/').pop()}`, languageId, 1, text);
let t0 = now();
const model = service.model(doc);
const parseMs = now() - t0;
const heapAfterParse = heap();
t0 = now();
const diagnostics = service.diagnostics(doc);
const validateMs = now() - t0;
const heapAfterValidation = heap();
const usage = process.memoryUsage();

process.stdout.write(
  JSON.stringify({
    bytes: text.length,
    lines: model.claims.reduce((n, c) => n + c.lines.length, 0),
    diagnostics: diagnostics.length,
    parseMs,
    validateMs,
    baselineRssMB: baseline.rss,
    baselineHeapMB: baseline.heap,
    heapAfterParseMB: heapAfterParse,
    heapAfterValidationMB: heapAfterValidation,
    rssEndMB: usage.rss / MB,
    // the heap V8 had committed at the end: it grows to the peak and is rarely given back
    heapCommittedMB: v8.getHeapStatistics().total_heap_size / MB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
