// Parse throughput per file via parseDocument, against the floor (one pass that only finds the
// terminators), and full validation via service.diagnostics on a document the service has not seen.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../../server/src/documents/index';
import { indexOfFloor, scanFloor } from '../lib/floor';
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
    let cpuMicros = 0;
    for (let i = 0; i < reps; i++) {
      floor.push(...repeat(1, () => scanFloor(text, file.spec.terminator)));
      nativeFloor.push(...repeat(1, () => indexOfFloor(text, file.spec.terminator)));
      parse.push(
        ...repeat(1, () => {
          // CPU time (all threads, GC helpers included) is what other processes on the machine cannot inflate
          const cpu = process.cpuUsage();
          parseOnce(file, text);
          const used = process.cpuUsage(cpu);
          cpuMicros += used.user + used.system;
        }),
      );
    }
    const p = summarize(parse);
    const f = summarize(floor);
    const is10MB837 = file.spec.id === '837p-10mb';
    ctx.report.add({
      section,
      name: `${file.spec.id}: parse`,
      unit: 'ms',
      stats: p,
      target: is10MB837 ? { stat: 'median', op: '<', limit: 300 } : undefined,
      note: `${(mb / (p.median / 1000)).toFixed(1)} MB/s; CPU ${(cpuMicros / reps / 1000).toFixed(0)} ms per parse; ${file.generated.claims} claims, ${file.generated.lines} lines`,
    });
    ctx.report.add({
      section,
      name: `${file.spec.id}: floor (charCodeAt pass finding '${file.spec.terminator === '\n' ? '\\n' : '~'}')`,
      unit: 'ms',
      stats: f,
      note: `${(mb / (f.median / 1000)).toFixed(0)} MB/s; indexOf pass ${summarize(nativeFloor).median.toFixed(2)} ms`,
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
