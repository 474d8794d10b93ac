// Preloaded into the language server by bench/tools/long-tasks.ts (node --require): records every
// callback the event loop ran for longer than HCPCS_LONG_TASK_MS (async_hooks before/after at the
// outermost level), with its resource type and monotonic start/end in microseconds (the clock of a
// --cpu-prof profile), and writes them to HCPCS_LONG_TASK_FILE when the process exits.
import { createHook } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';

const thresholdUs = Number(process.env.HCPCS_LONG_TASK_MS ?? 15) * 1000;
const file = process.env.HCPCS_LONG_TASK_FILE ?? '/tmp/hcpcs-long-tasks.json';
const types = new Map<number, string>();
const tasks: { type: string; startUs: number; endUs: number }[] = [];
let depth = 0;
let started = 0n;
let type = '';
const us = (t: bigint) => Number(t / 1000n);

createHook({
  init(asyncId, resourceType) {
    if (resourceType !== 'PROMISE') types.set(asyncId, resourceType);
  },
  before(asyncId) {
    if (depth++ === 0) {
      started = process.hrtime.bigint();
      type = types.get(asyncId) ?? '?';
    }
  },
  after() {
    if (--depth !== 0) return;
    const end = process.hrtime.bigint();
    if (Number(end - started) / 1000 >= thresholdUs) tasks.push({ type, startUs: us(started), endUs: us(end) });
  },
  destroy(asyncId) {
    types.delete(asyncId);
  },
}).enable();

process.on('exit', () => writeFileSync(file, JSON.stringify(tasks)));
