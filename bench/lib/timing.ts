// Timing helpers: monotonic clock, garbage collected between repetitions (outside the timed part)
// when node runs with --expose-gc, so one run's garbage is not billed to the next.

export const now = (): number => performance.now();

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** run `fn` `reps` times after `warmup` untimed runs; milliseconds per run */
export function repeat(reps: number, fn: (i: number) => unknown, options: { warmup?: number; gc?: boolean } = {}): number[] {
  const samples: number[] = [];
  for (let i = 0; i < (options.warmup ?? 0); i++) fn(-1 - i);
  for (let i = 0; i < reps; i++) {
    if (options.gc !== false) collectGarbage();
    const t0 = now();
    fn(i);
    samples.push(now() - t0);
  }
  return samples;
}

export async function repeatAsync(reps: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = now();
    await fn(i);
    samples.push(now() - t0);
  }
  return samples;
}
