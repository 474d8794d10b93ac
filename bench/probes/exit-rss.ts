// Preloaded (node -r) into a process the bench spawns (hcpcs-check, the language server): when the
// process exits it writes its peak RSS in MB to the file $HCPCS_BENCH_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.HCPCS_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));
