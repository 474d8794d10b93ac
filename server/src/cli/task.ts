// One unit of the CLI's work, the same in the main thread (--jobs 1) and in a worker thread:
// a file to read, an NDJSON line to parse, or a document already in hand. Each gives one result.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import guidanceFiles from 'virtual:guidance';
import { createService, type HcpcsService } from '../service';
import type { Settings } from '../settings';
import type { CodeSet } from '../codeset/types';
import type { DiagnosisCodes } from '../codeset/icd10';
import { loadGuidance, type GuidanceLibrary } from '../features/guidance';
import { checkDocument, type DocumentInput } from './check-document';
import { parseInputLine } from '../checks/report/ndjson-input';
import type { DocumentResult } from '../checks/report/records';

/** one claim file is at most this big (the limit beyond which nothing is read) */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export type Task =
  | { kind: 'file'; path: string; id: string; languageId: string }
  | { kind: 'line'; line: string; inputLine: number }
  | { kind: 'doc'; doc: DocumentInput }
  /** answered without checking: an input line too long to keep */
  | { kind: 'failed'; id: string; error: string; inputLine?: number };

export interface TaskResult extends DocumentResult {
  /** the NDJSON input line it answers */
  inputLine?: number;
}

export function makeService(codeset: CodeSet, settings: Settings, today: string, diagnosisCodes?: DiagnosisCodes): HcpcsService {
  return createService({ codeset, diagnosisCodes, guidance: lazyGuidance(), settings, today: () => today });
}

/** the guidance notes, read when first asked: checks never ask (hover and completion do), so a run does not parse them */
function lazyGuidance(): GuidanceLibrary {
  let library: GuidanceLibrary | undefined;
  const get = () => (library ??= loadGuidance(guidanceFiles));
  return {
    get entries() {
      return get().entries;
    },
    get problems() {
      return get().problems;
    },
    forCode: (code, codeset) => get().forCode(code, codeset),
  };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function readFile(path: string): string {
  const stat = statSync(path);
  if (!stat.isFile()) throw new Error('not a regular file');
  if (stat.size > MAX_FILE_BYTES) throw new Error(`${stat.size} bytes is larger than the ${MAX_FILE_BYTES}-byte limit`);
  return readFileSync(path, 'utf8');
}

export function runTask(service: HcpcsService, task: Task): TaskResult {
  switch (task.kind) {
    case 'failed':
      return { id: task.id, findings: [], error: task.error, inputLine: task.inputLine };
    case 'doc':
      return guarded(task.doc.id, undefined, () => checkDocument(service, task.doc));
    case 'file': {
      let text: string;
      try {
        text = readFile(task.path);
      } catch (e) {
        return { id: task.id, findings: [], error: `cannot be read (${errorText(e)})` };
      }
      return guarded(task.id, undefined, () => checkDocument(service, { id: task.id, languageId: task.languageId, text, uri: pathToFileURL(resolve(task.path)).href }));
    }
    case 'line': {
      const parsed = parseInputLine(task.line);
      if (!parsed.ok) return { id: parsed.id, findings: [], error: parsed.message, inputLine: task.inputLine };
      return guarded(parsed.doc.id, task.inputLine, () => checkDocument(service, parsed.doc));
    }
  }
}

/** a failure inside the checks answers that one document; the run goes on */
function guarded(id: string, inputLine: number | undefined, check: () => DocumentResult): TaskResult {
  try {
    const result: TaskResult = check();
    if (inputLine !== undefined) result.inputLine = inputLine;
    return result;
  } catch (e) {
    return { id, findings: [], error: `internal error while checking (${errorText(e)})`, ...(inputLine !== undefined ? { inputLine } : {}) };
  }
}
