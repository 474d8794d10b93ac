// Child process: load a compiled index once, cold (fresh V8, nothing warmed up), as the server
// does at start. Prints {"ms": ...} on stdout. Usage: node load-index.js <codeset.json>
import { readFileSync } from 'node:fs';
import { loadIndex } from '../../server/src/codeset/index';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const t0 = performance.now();
const codeset = loadIndex(text);
const ms = performance.now() - t0;
// one lookup, so lazily built structures (if any) are counted as part of "ready"
const t1 = performance.now();
codeset.lookup('J7507', '2025-10-01');
const firstLookupMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ ms, firstLookupMs, codes: codeset.release.codeCount }) + '\n');
