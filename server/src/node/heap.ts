// How far the heap may grow past what was live after a collection. V8 picks a factor of up to 4
// when collections look cheap, so a 50 MB claim file with about 100 MB live peaked at 440 MB, most
// of it garbage not yet collected; at 1.3 the same validation peaked at 250 MB in the same time
// (bench: "Peak memory per file"). Set by the server and the CLI, whose processes are ours; the
// library leaves the host process as it is.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
