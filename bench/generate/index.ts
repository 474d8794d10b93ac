// The benchmark's files: which generator, what size, how the editor would name and tag them.
import { generate837p } from './x12-837p';
import { generateCsv } from './csv-export';
import { generateFhirBundle } from './fhir-bundle';
import { generateProseNote } from './prose-note';
import type { Generated } from './types';

export { generate837p, generateCsv, generateFhirBundle, generateProseNote };
export type { Generated, Generated837, GeneratorOptions } from './types';

export const MB = 1024 * 1024;
export const DEFAULT_SEED = 20251105;

export interface BenchFileSpec {
  /** short id used in tables and results.json, e.g. '837p-10mb' */
  id: string;
  /** file name under bench/generated/ */
  fileName: string;
  languageId: string;
  /** the floor scans for this character: X12 segment terminator or line break */
  terminator: '~' | '\n';
  targetBytes: number;
  generate(seed: number): Generated;
}

function spec(id: string, fileName: string, languageId: string, terminator: '~' | '\n', targetBytes: number, make: (o: { seed: number; targetBytes: number }) => Generated): BenchFileSpec {
  return { id, fileName, languageId, terminator, targetBytes, generate: (seed) => make({ seed, targetBytes }) };
}

/** The files of a full run; `scale` shrinks them for a quick smoke run (BENCH_QUICK=1). */
export function benchFiles(scale = 1): BenchFileSpec[] {
  const size = (mb: number) => Math.round(mb * MB * scale);
  return [
    spec('837p-1mb', 'claims-1mb.837', 'x12', '~', size(1), generate837p),
    spec('837p-10mb', 'claims-10mb.837', 'x12', '~', size(10), generate837p),
    spec('837p-50mb', 'claims-50mb.837', 'x12', '~', size(50), generate837p),
    spec('csv-10mb', 'claim-lines-10mb.csv', 'csv', '\n', size(10), generateCsv),
    spec('fhir-10mb', 'claims-bundle-10mb.json', 'json', '\n', size(10), generateFhirBundle),
    spec('prose-1mb', 'billing-notes-1mb.md', 'markdown', '\n', size(1), generateProseNote),
  ];
}
