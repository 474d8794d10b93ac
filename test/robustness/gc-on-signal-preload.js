// Preloaded (with --expose-gc) into the server for the load test: on SIGUSR2 it runs a full
// garbage collection and writes "gc-done <n> heapUsed=<bytes> external=<bytes>" to stderr, so the
// test can read the server's RSS as memory actually retained, not garbage V8 has not collected yet.
'use strict';
let count = 0;
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  count++;
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.stderr.write(`gc-done ${count} heapUsed=${heapUsed} external=${external + arrayBuffers}\n`);
});
