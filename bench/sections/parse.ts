// Parse throughput per file via parseDocument, against the floor (one pass that records where the
// segments and elements are: bench/lib/floor.ts), and full validation via service.diagnostics on a
// document the service has not seen.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../../server/src/documents/index';
import { indexOfFloor, scanFloor, separatorFor } from '../lib/floor';
import { appendAll } from '../../server/src/base/arrays';
import { summarize } from '../lib/stats';
import { repeat } from '../lib/timing';
import { benchService } from '../lib/service';
import type { BenchFile, RunContext } from '../context';
import { readFileSync } from 'node:fs';

const MB = 1024 * 1024;
/** (full, quick) repetitions by file id: big files fewer times, so the run stays under 5 minutes */
const PARSE_REPS: Record<string, [number, number]> = {
  '837p-1mb': [30, 5],
  '837p-10mb': [10, 3],
  '837p-50mb': [2, 1],
  'csv-10mb': [5, 2],
  'fhir-10mb': [5, 2],
  'prose-1mb': [30, 5],
};
const VALIDATE_REPS: Record<string, [number, number]> = {
  '837p-1mb': [15, 3],
  '837p-10mb': [5, 2],
  '837p-50mb': [1, 1],
  'csv-10mb': [3, 2],
  'fhir-10mb': [3, 2],
  'prose-1mb': [15, 3],
};

function parseOnce(file: BenchFile, text: string): number {
  const doc = parseDocument(text, { languageId: file.spec.languageId, uri: `file:///bench/${file.spec.fileName}` });
  return doc.claims.length;
}

export function measureParse(ctx: RunContext): void {
  const section = 'Parse (parseDocument) vs the floor';
  for (const file of ctx.files) {
    const text = readFileSync(file.path, 'utf8');
    const mb = text.length / MB;
    const [full, quick] = PARSE_REPS[file.spec.id] ?? [5, 1];
    const reps = ctx.reps(full, quick);
    // interleave floor and parse, so a slow patch of the machine hits both
    const floor: number[] = [];
    const parse: number[] = [];
    const nativeFloor: number[] = [];
    repeat(1, () => parseOnce(file, text)); // warm the reader's code once
    const separator = separatorFor(file.spec.terminator, file.spec.languageId);
    // CPU time (user + system, all threads: GC helpers included) is what other processes on the machine cannot inflate
    const parseCpu: number[] = [];
    const floorCpu: number[] = [];
    const timedWithCpu = (cpu: number[], fn: () => unknown) =>
      repeat(1, () => {
        const before = process.cpuUsage();
        fn();
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      });
    for (let i = 0; i < reps; i++) {
      appendAll(floor, timedWithCpu(floorCpu, () => scanFloor(text, file.spec.terminator, separator)));
      appendAll(nativeFloor, repeat(1, () => indexOfFloor(text, file.spec.terminator)));
      appendAll(parse, timedWithCpu(parseCpu, () => parseOnce(file, text)));
    }
    const cpuRatio = summarize(parseCpu).median / Math.max(summarize(floorCpu).median, 0.001);
    const p = summarize(parse);
    const f = summarize(floor);
    const is10MB837 = file.spec.id === '837p-10mb';
    ctx.report.add({
      section,
      name: `${file.spec.id}: parse`,
      unit: 'ms',
      stats: p,
      target: is10MB837 ? { stat: 'median', op: '<', limit: 300 } : undefined,
      note: `${(mb / (p.median / 1000)).toFixed(1)} MB/s; CPU ${summarize(parseCpu).median.toFixed(0)} ms per parse (median); ${file.generated.claims} claims, ${file.generated.lines} lines`,
    });
    ctx.report.add({
      section,
      name: `${file.spec.id}: floor (charCodeAt pass recording '${file.spec.terminator === '\n' ? '\\n' : '~'}'${separator ? ` and '${separator}'` : ''} offsets)`,
      unit: 'ms',
      stats: f,
      note: `${(mb / (f.median / 1000)).toFixed(0)} MB/s; CPU ${summarize(floorCpu).median.toFixed(1)} ms; indexOf pass (terminators only) ${summarize(nativeFloor).median.toFixed(2)} ms`,
    });
    ctx.report.add({
      section,
      name: `${file.spec.id}: parse ÷ floor (medians)`,
      unit: '×',
      value: p.median / f.median,
      target: is10MB837 ? { stat: 'value', op: '<=', limit: 5 } : undefined,
      // on a busy machine the fastest runs are the least disturbed: their ratio is shown too
      note: `fastest ÷ fastest ${(p.min / f.min).toFixed(1)}×`,
    });
    ctx.report.add({
      section,
      name: `${file.spec.id}: parse ÷ floor, CPU time (medians)`,
      unit: '×',
      value: cpuRatio,
      note: `parse ${summarize(parseCpu).median.toFixed(1)} ms ÷ floor ${summarize(floorCpu).median.toFixed(1)} ms of CPU`,
    });
  }
}

export function measureValidation(ctx: RunContext): void {
  const section = 'Full validation (service.diagnostics: parse + checks)';
  for (const file of ctx.files) {
    const text = readFileSync(file.path, 'utf8');
    const [full, quick] = VALIDATE_REPS[file.spec.id] ?? [3, 1];
    // the 50 MB file is above the default hcpcs.maxValidationBytes: raise it so the checks really run
    const service = benchService(ctx.codeset, { maxValidationBytes: text.length + 1 });
    let diagnostics = 0;
    const samples = repeat(ctx.reps(full, quick), (i) => {
      const uri = `file:///bench/${i}/${file.spec.fileName}`;
      diagnostics = service.diagnostics(TextDocument.create(uri, file.spec.languageId, 1, text)).length;
      service.forget(uri);
    }, { warmup: text.length < 5 * MB ? 1 : 0 }); // big files: the first timed run is warm enough
    ctx.report.add({
      section,
      name: `${file.spec.id}: full validation`,
      unit: 'ms',
      stats: summarize(samples),
      target: file.spec.id === '837p-10mb' ? { stat: 'median', op: '<', limit: 1000 } : undefined,
      note: `${diagnostics} diagnostics; ${ctx.codesetKind} code set`,
    });
  }
}
