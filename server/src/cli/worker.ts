// A worker thread of hcpcs-check: loads the code set once, then answers tasks (reading its files
// itself and rendering the output text) until it is told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import type { Settings } from '../settings';
import type { OutputFormat } from '../checks/report/args';
import type { ReleaseInfo } from '../codeset/types';
import { loadIcd10Source, loadSource, type CodeSetSource } from './codeset';
import { makeService, runTask, type Task } from './task';
import { renderResult, type RenderedResult } from './rendered';

export const WORKER_ROLE = 'hcpcs-check-worker';

export interface WorkerInit {
  role: typeof WORKER_ROLE;
  codeset: CodeSetSource;
  settings: Settings;
  today: string;
  distDir: string;
  /** the ICD-10-CM path (--icd10, $HCPCS_ICD10); absent: the built-in list, if any */
  icd10?: string;
  /** results are rendered in this format here, so only their text crosses to the main thread */
  format: OutputFormat;
}

export type ToWorker = { seq: number; task: Task };
export type FromWorker = { type: 'ready'; release: ReleaseInfo; notes: string[] } | { type: 'result'; seq: number; result: RenderedResult } | { type: 'failed'; message: string };

export function isWorkerThread(): boolean {
  return Boolean(parentPort) && (workerData as Partial<WorkerInit> | undefined)?.role === WORKER_ROLE;
}

export function runWorker(): void {
  const port = parentPort!;
  const init = workerData as WorkerInit;
  let service;
  let notes: string[];
  try {
    const late = (error: string) => process.stderr.write(`hcpcs-check: ${error}\n`);
    const loaded = loadSource(init.codeset, init.distDir, late);
    const icd10 = loadIcd10Source(init.icd10, init.distDir, late);
    notes = [...loaded.notes, ...icd10.notes];
    service = makeService(loaded.codeset, init.settings, init.today, icd10.codes);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
    return;
  }
  const ready = service;
  port.on('message', (m: ToWorker) => {
    port.postMessage({ type: 'result', seq: m.seq, result: renderResult(runTask(ready, m.task), init.format) } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready', release: ready.codeset.release, notes } satisfies FromWorker);
}
