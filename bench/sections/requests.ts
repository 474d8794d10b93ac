// Hover and completion latency in-process through the service, at seeded random code positions.
// The document is validated first, as the server does when it opens (requests never start a big
// validation themselves); the first hover after it is reported on its own, the percentiles are the
// steady state after it.
import { readFileSync } from 'node:fs';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import { createRng } from '../generate/prng';
import { hoverOffsets, prefixOffsets, withWordQueries } from '../lib/positions';
import { benchService } from '../lib/service';
import { summarize } from '../lib/stats';
import { now } from '../lib/timing';
import type { RunContext } from '../context';

const HOVER_P99_MS = 5;
const COMPLETION_P95_MS = 20;

/** positions are computed before timing: the client sends them, the server does not compute them */
function timeEach(doc: TextDocument, offsets: number[], fn: (position: Position) => unknown): { samples: number[]; answered: number } {
  const positions = offsets.map((o) => doc.positionAt(o));
  const samples: number[] = [];
  let answered = 0;
  for (const position of positions) {
    const t0 = now();
    const result = fn(position);
    samples.push(now() - t0);
    if (result) answered++;
  }
  return { samples, answered };
}

export function measureRequests(ctx: RunContext): void {
  const section = 'Hover and completion in-process (service)';
  const rng = createRng(ctx.seed + 1);
  for (const id of ['837p-10mb', 'csv-10mb', 'fhir-10mb', 'prose-1mb']) {
    const file = ctx.file(id);
    const text = readFileSync(file.path, 'utf8');
    const service = benchService(ctx.codeset);
    const doc = TextDocument.create(`file:///bench/${file.spec.fileName}`, file.spec.languageId, 1, text);
    const offsets = hoverOffsets(rng, file.generated.codeOffsets, ctx.reps(id === '837p-10mb' ? 2000 : 500, 100));
    const t0 = now();
    service.findings(doc);
    const validated = now() - t0;
    const t1 = now();
    service.hover(doc, doc.positionAt(offsets[0]));
    const first = now() - t1;
    const hovers = timeEach(doc, offsets, (p) => service.hover(doc, p));
    ctx.report.add({
      section,
      name: `${id}: hover`,
      unit: 'ms',
      stats: summarize(hovers.samples),
      target: { stat: 'p99', op: '<', limit: HOVER_P99_MS },
      note: `${hovers.answered}/${offsets.length} answered; validation before them ${validated.toFixed(0)} ms; first hover ${first.toFixed(1)} ms`,
    });
    if (id !== '837p-10mb') continue;

    const prefix = prefixOffsets(rng, text, file.generated.codeOffsets, ctx.reps(1000, 100));
    let items = 0;
    const prefixRun = timeEach(doc, prefix, (p) => (items += service.completion(doc, p).items.length));
    ctx.report.add({
      section,
      name: `${id}: completion, code prefix (J, J7, J75, J750)`,
      unit: 'ms',
      stats: summarize(prefixRun.samples),
      target: { stat: 'p95', op: '<', limit: COMPLETION_P95_MS },
      note: `${(items / prefix.length).toFixed(0)} items on average`,
    });

    const words = withWordQueries(rng, text, file.generated.codeOffsets, ctx.reps(500, 100));
    const wordDoc = TextDocument.create(`file:///bench/words-${file.spec.fileName}`, file.spec.languageId, 1, words.text);
    service.completion(wordDoc, wordDoc.positionAt(words.offsets[0])); // parse + validate once, not billed
    items = 0;
    const wordRun = timeEach(wordDoc, words.offsets, (p) => (items += service.completion(wordDoc, p).items.length));
    ctx.report.add({
      section,
      name: `${id}: completion, descriptor words ('tacro', 'infli' ...)`,
      unit: 'ms',
      stats: summarize(wordRun.samples),
      target: { stat: 'p95', op: '<', limit: COMPLETION_P95_MS },
      note: `${(items / words.offsets.length).toFixed(0)} items on average`,
    });
  }
}
