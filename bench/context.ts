// What every section of the run shares: the report, the generated files, the code set.
import type { CodeSet } from '../server/src/codeset/types';
import type { BenchFileSpec, Generated } from './generate/index';
import type { Report } from './lib/report';

export interface BenchFile {
  spec: BenchFileSpec;
  path: string;
  bytes: number;
  /** counts and code offsets (its text is emptied: sections read the file back) */
  generated: Generated;
}

export interface RunContext {
  report: Report;
  quick: boolean;
  seed: number;
  /** repetitions: the full-run count, or the quick-run count under BENCH_QUICK=1 */
  reps(full: number, quick: number): number;
  files: BenchFile[];
  file(id: string): BenchFile;
  codeset: CodeSet;
  /** the compiled index on disk (what the child processes and the server load) */
  indexPath: string;
  /** a VS Code-like storage folder holding codeset.json: the server loads the full index from it */
  storagePath: string;
  /** 'full' when a CMS release is loaded, else 'core' */
  codesetKind: 'full' | 'core';
  /** folder holding probes/*.js, the child-process entries */
  outDir: string;
}
