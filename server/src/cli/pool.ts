// Runs tasks on N worker threads (or in this thread for --jobs 1) and hands the rendered results back
// in input order. At most `window` tasks are in flight, so memory holds a few documents, not the stream.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ReleaseInfo } from '../codeset/types';
import { InputError } from './codeset';
import type { RenderedResult } from './rendered';
import type { Task } from './task';
import type { FromWorker, ToWorker, WorkerInit } from './worker';

export interface CodeSetReady {
  release: ReleaseInfo;
  notes: string[];
}

export interface Executor {
  /** the code set is loaded (by the first worker, for a pool); rejects with an InputError when it cannot be */
  ready(): Promise<CodeSetReady>;
  run(task: Task): Promise<RenderedResult>;
  /** tasks that may be in flight at once */
  readonly window: number;
  close(): Promise<void>;
  /** worker threads started so far (0 for this thread alone) */
  threads(): number;
}

/** this thread: one task at a time */
export function inlineExecutor(loaded: CodeSetReady, run: (task: Task) => RenderedResult): Executor {
  return { ready: async () => loaded, run: async (task) => run(task), window: 1, close: async () => {}, threads: () => 0 };
}

/**
 * Tasks a worker thread holds at once: when it finishes one the next is already in its port, so it
 * never waits for this thread (which may be checking a document of its own) to hand it work.
 */
export const WORKER_DEPTH = 2;

interface Pending {
  seq: number;
  task: Task;
  resolve: (r: RenderedResult) => void;
  reject: (e: Error) => void;
}

class PoolWorker {
  readonly worker: Worker;
  /** has loaded its code set: tasks go to it from then on (until then this thread answers) */
  ready = false;
  /** sent and not yet answered, in the order sent (a worker answers in that order) */
  readonly inFlight: Pending[] = [];
  constructor(file: string, init: WorkerInit, options: WorkerOptions) {
    this.worker = new Worker(file, { ...options, workerData: init });
  }
}

/** this thread's share of a pool's work: its own service, the code set already loaded */
export interface LocalWorker {
  loaded: CodeSetReady;
  run: (task: Task) => RenderedResult;
}

/**
 * Worker threads running `file` (the CLI bundle itself), each with the code set loaded once, each
 * holding up to WORKER_DEPTH tasks. With `local`, this thread is one of the workers too: it takes a
 * task only when every thread's queue is full (or none is ready yet, so the first answers do not wait
 * for a thread to start), so --jobs N starts N-1 threads (one code set and one start-up fewer than N),
 * and starts them only when a second task comes.
 */
export function workerPool(file: string, size: number, init: WorkerInit, local?: LocalWorker, options: WorkerOptions = {}): Executor {
  const workers: PoolWorker[] = [];
  const queue: Pending[] = [];
  let seq = 0;
  let broken: Error | undefined;
  let onReady!: (r: CodeSetReady) => void;
  let onFailed!: (e: Error) => void;
  const ready = new Promise<CodeSetReady>((resolve, reject) => {
    onReady = resolve;
    onFailed = reject;
  });
  ready.catch(() => {}); // awaited by the caller; a failure before that is not unhandled
  if (local) onReady(local.loaded);
  let localBusy = false;

  const fail = (error: Error) => {
    broken ??= error;
    onFailed(broken);
    for (const p of queue.splice(0, queue.length)) p.reject(broken);
    for (const w of workers) for (const p of w.inFlight.splice(0, w.inFlight.length)) p.reject(broken);
  };
  /** fills the ready threads' queues, the least loaded first */
  const dispatch = () => {
    if (broken) return;
    for (let depth = 0; depth < WORKER_DEPTH && queue.length; depth++) {
      for (const w of workers) {
        if (!queue.length) break;
        if (!w.ready || w.inFlight.length > depth) continue;
        const next = queue.shift()!;
        w.inFlight.push(next);
        w.worker.postMessage({ seq: next.seq, task: next.task } satisfies ToWorker);
      }
    }
  };
  // one task per turn of the event loop, so the threads' results and the input are served in between
  const runLocal = () => {
    localBusy = false;
    if (!local || broken) return;
    dispatch();
    const next = queue.shift();
    if (!next) return;
    try {
      next.resolve(local.run(next.task));
    } catch (e) {
      next.reject(e instanceof Error ? e : new Error(String(e)));
    }
    scheduleLocal();
  };
  const scheduleLocal = () => {
    if (!local || localBusy || !queue.length) return;
    localBusy = true;
    setImmediate(runLocal);
  };

  const startThreads = () => {
    if (threadsStarted) return;
    threadsStarted = true;
    for (let i = 0; i < size; i++) {
      const w = new PoolWorker(file, init, options);
      w.worker.on('message', (m: FromWorker) => {
        if (m.type === 'failed') return fail(new InputError(m.message));
        if (m.type === 'ready') {
          w.ready = true;
          onReady({ release: m.release, notes: m.notes });
        }
        if (m.type === 'result' && w.inFlight[0]?.seq === m.seq) w.inFlight.shift()!.resolve(m.result);
        dispatch();
      });
      w.worker.on('error', (e) => fail(e));
      w.worker.on('exit', (code) => {
        if (w.inFlight.length || queue.length) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      workers.push(w);
    }
  };
  // Without a local worker the threads answer everything: they start now. With one, this thread
  // answers the first task itself and the threads start with the second (a stream of one document,
  // the first result of any stream, does not wait behind threads loading their code sets on the same cores).
  let threadsStarted = false;
  if (!local) startThreads();

  return {
    ready: () => ready,
    // enough for every queue to stay full while the oldest result waits its turn to be written
    window: 2 * (size * WORKER_DEPTH + (local ? 1 : 0)),
    run(task) {
      return new Promise<RenderedResult>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ seq: ++seq, task, resolve, reject });
        if (seq >= 2) startThreads();
        dispatch();
        scheduleLocal();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
    threads: () => workers.length,
  };
}

/**
 * Feeds every task to the executor and calls `emit` with each result in the order the tasks came, as
 * soon as it and all before it are done (a slow stream still gets its answers), with at most
 * executor.window tasks in flight: when the output is slow, reading the input waits.
 */
export async function runInOrder(tasks: AsyncIterable<Task> | Iterable<Task>, executor: Executor, emit: (r: RenderedResult) => void | Promise<void>): Promise<void> {
  const waiting: Promise<RenderedResult>[] = [];
  let inputDone = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  const wake = (which: 'consumer' | 'producer') => {
    const w = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = undefined;
    else wakeProducer = undefined;
    w?.();
  };

  const consumer = (async () => {
    try {
      for (;;) {
        if (!waiting.length) {
          if (inputDone) return;
          await new Promise<void>((r) => (wakeConsumer = r));
          continue;
        }
        const result = await waiting[0]!;
        waiting.shift();
        wake('producer');
        await emit(result);
      }
    } catch (error) {
      failure ??= { error };
      wake('producer');
    }
  })();

  try {
    for await (const task of tasks) {
      while (waiting.length >= executor.window && !failure) await new Promise<void>((r) => (wakeProducer = r));
      if (failure) break;
      const result = executor.run(task);
      result.catch(() => {}); // awaited in turn by the consumer; this only keeps an early failure from counting as unhandled
      waiting.push(result);
      wake('consumer');
    }
  } catch (error) {
    failure ??= { error };
  } finally {
    inputDone = true;
    wake('consumer');
  }
  if (!failure) await consumer;
  if (failure) throw failure.error;
}
