// Runs tasks on N worker threads (or in this thread for --jobs 1) and hands the results back in
// input order. At most `window` tasks are in flight, so memory holds a few documents, not the stream.
import { Worker } from 'node:worker_threads';
import type { ReleaseInfo } from '../codeset/types';
import { InputError } from './codeset';
import type { Task, TaskResult } from './task';
import type { FromWorker, ToWorker, WorkerInit } from './worker';

export interface CodeSetReady {
  release: ReleaseInfo;
  notes: string[];
}

export interface Executor {
  /** the code set is loaded (by the first worker, for a pool); rejects with an InputError when it cannot be */
  ready(): Promise<CodeSetReady>;
  run(task: Task): Promise<TaskResult>;
  /** tasks that may be in flight at once */
  readonly window: number;
  close(): Promise<void>;
}

/** this thread: one task at a time */
export function inlineExecutor(loaded: CodeSetReady, run: (task: Task) => TaskResult): Executor {
  return { ready: async () => loaded, run: async (task) => run(task), window: 1, close: async () => {} };
}

interface Pending {
  seq: number;
  task: Task;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

class PoolWorker {
  readonly worker: Worker;
  current: Pending | undefined;
  constructor(file: string, init: WorkerInit) {
    this.worker = new Worker(file, { workerData: init });
  }
}

/** this thread's share of a pool's work: its own service, the code set already loaded */
export interface LocalWorker {
  loaded: CodeSetReady;
  run: (task: Task) => TaskResult;
}

/**
 * Worker threads running `file` (the CLI bundle itself), each with the code set loaded once. With
 * `local`, this thread is one of the workers too: it takes a task whenever every thread is busy,
 * so --jobs N starts N-1 threads (one code set and one warm-up fewer than N).
 */
export function workerPool(file: string, size: number, init: WorkerInit, local?: LocalWorker): Executor {
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
    for (const w of workers) {
      w.current?.reject(broken);
      w.current = undefined;
    }
  };
  const dispatch = (w: PoolWorker) => {
    if (w.current || broken) return;
    const next = queue.shift();
    if (!next) return;
    w.current = next;
    w.worker.postMessage({ seq: next.seq, task: next.task } satisfies ToWorker);
  };
  // one task per turn of the event loop, so the threads' results and the input are served in between
  const runLocal = () => {
    localBusy = false;
    if (!local || broken) return;
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

  for (let i = 0; i < size; i++) {
    const w = new PoolWorker(file, init);
    w.worker.on('message', (m: FromWorker) => {
      if (m.type === 'failed') return fail(new InputError(m.message));
      if (m.type === 'ready') onReady({ release: m.release, notes: m.notes });
      if (m.type === 'result' && w.current?.seq === m.seq) {
        const done = w.current;
        w.current = undefined;
        done.resolve(m.result);
      }
      dispatch(w);
    });
    w.worker.on('error', (e) => fail(e));
    w.worker.on('exit', (code) => {
      if (w.current || queue.length) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    workers.push(w);
  }

  return {
    ready: () => ready,
    window: (size + (local ? 1 : 0)) * 4,
    run(task) {
      return new Promise<TaskResult>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ seq: ++seq, task, resolve, reject });
        const idle = workers.find((w) => !w.current);
        if (idle) dispatch(idle);
        scheduleLocal();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/**
 * Feeds every task to the executor and calls `emit` with each result in the order the tasks came, as
 * soon as it and all before it are done (a slow stream still gets its answers), with at most
 * executor.window tasks in flight: when the output is slow, reading the input waits.
 */
export async function runInOrder(tasks: AsyncIterable<Task> | Iterable<Task>, executor: Executor, emit: (r: TaskResult) => void | Promise<void>): Promise<void> {
  const waiting: Promise<TaskResult>[] = [];
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
