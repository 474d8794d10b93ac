// Runs each document's validation a slice at a time: a slice of about `sliceMs`, then a turn of the
// event loop (setImmediate: pending I/O, so requests, comes first; a setTimeout(0) chain would add
// a millisecond per slice and a timer phase), then the next slice. Documents take turns. A newer run
// for a document (a new version) or a cancel drops the one in progress: its result is never handed
// over. The clock and the deferral are injected so tests can drive slices one by one.

export interface SlicedWork {
  /** does one slice of work; true once done */
  step(): boolean;
}

export interface RunnerClock {
  now(): number;
  /** run fn after pending I/O */
  defer(fn: () => void): void;
}

/**
 * Two turns of setImmediate: a request read during the slice queues its own immediate (the JSON-RPC
 * connection processes messages that way) behind the one that resumes validation; the first turn
 * lets it run before the next slice instead of after it (a request waited a whole extra slice).
 */
const realClock: RunnerClock = { now: () => performance.now(), defer: (fn) => void setImmediate(() => setImmediate(fn)) };

export class ValidationRunner {
  /** the run in progress per key: a newer run (or a cancel) replaces the token and the old one stops */
  private readonly running = new Map<string, object>();

  constructor(
    private readonly sliceMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly clock: RunnerClock = realClock,
  ) {}

  /** starts `work` for `key` (dropping the run in progress for it); `done` is called once it is complete, unless dropped */
  run(key: string, work: SlicedWork, done: () => void): void {
    const token = {};
    this.running.set(key, token);
    const slice = (): void => {
      if (this.running.get(key) !== token) return;
      try {
        const until = this.clock.now() + this.sliceMs;
        while (!work.step()) {
          if (this.clock.now() >= until) {
            this.clock.defer(slice);
            return;
          }
        }
        this.running.delete(key);
        done();
      } catch (error) {
        if (this.running.get(key) === token) this.running.delete(key);
        this.onError(error);
      }
    };
    slice();
  }

  cancel(key: string): void {
    this.running.delete(key);
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }
}
