// The CLI's code set: strict about what it is told to read. A --codeset, --release or --asp that
// cannot be read or imported stops the run (exit 2) instead of falling back to a smaller set.
import { closeSync, constants, fstatSync, openSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { indexJson, type CompiledIndex, type CompiledIndexSet } from '../codeset/index';
import { indexFromFile } from '../node/index-file';
import { CodeSetStore, compileFrom } from '../node/codeset-store';
import { aspFolders } from '../node/release-sources';
import type { CodeSet } from '../codeset/types';
import type { DiagnosisCodes } from '../codeset/icd10';
import { loadBuiltIcd10Lazily, loadIcd10AtStartup } from '../node/icd10-store';

/** a compiled code set is about 3 MB today; anything far bigger is not one */
export const MAX_CODESET_BYTES = 256 * 1024 * 1024;

export class InputError extends Error {}

/** Where the code set comes from; the main thread or each worker thread loads it from this. */
export type CodeSetSource =
  | { kind: 'file'; path: string }
  /** a release file or folder (+ ASP folder), compiled once and kept in cacheDir until its files change */
  | { kind: 'release'; releasePath: string; aspPath?: string; cacheDir?: string }
  | { kind: 'startup'; aspPath?: string };

export interface LoadedCodeSet {
  codeset: CodeSet;
  /** what was loaded, for stderr */
  notes: string[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** opens a regular file within its size limit; every failure is an InputError naming it */
function openRegularFile(path: string, what: string, maxBytes: number): { fd: number; size: number } {
  const check = (stat: Stats) => {
    if (!stat.isFile()) throw new InputError(`${what} ${path}: not a regular file`);
    if (stat.size > maxBytes) throw new InputError(`${what} ${path}: ${stat.size} bytes is larger than the ${maxBytes}-byte limit`);
  };
  let fd: number | undefined;
  try {
    check(statSync(path));
    // O_NONBLOCK: a FIFO put in its place after the check must not block the open (fstat refuses it)
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    check(stat);
    const opened = { fd, size: stat.size };
    fd = undefined;
    return opened;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${what} ${path}: cannot be read (${errorText(e)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A code set file written by `hcpcs-check compile` (or the build): its header is read now, each table
 * when a document first needs it (node/index-file.ts). The index's own version check names a mismatch.
 */
export function loadCodeSetFile(path: string, onLateError?: (error: string) => void): { codeset: CodeSet } {
  const { fd, size } = openRegularFile(path, '--codeset', MAX_CODESET_BYTES);
  try {
    return { codeset: indexFromFile(fd, size, { name: `--codeset ${path}`, limit: MAX_CODESET_BYTES, onLateError }) };
  } catch (e) {
    const why = e instanceof SyntaxError ? `not valid JSON (${e.message})` : errorText(e);
    throw new InputError(`--codeset ${path}: ${why}; make it with \`hcpcs-check compile --release FILE -o ${basename(path)}\``);
  }
}

/** an --asp that is not a folder of ASP files stops the run */
function checkAsp(dir: string): void {
  const folders = aspFolders(dir);
  if (!folders.ok) throw new InputError(`--asp ${dir}: ${folders.error}`);
}

/** import a CMS release file or folder (+ ASP folder or quarters) and compile it; every failure is an InputError naming the path */
export function compileFromFiles(releasePath: string, aspDir?: string): CompiledIndex | CompiledIndexSet {
  if (aspDir) checkAsp(aspDir);
  const compiled = compileFrom(releasePath, aspDir);
  if (!compiled.ok) throw new InputError(`--release ${releasePath}: ${compiled.error}`);
  return compiled.index;
}

/** hcpcs-check compile: write the index next to its destination, then rename (never half a file) */
export function writeCompiled(index: CompiledIndex | CompiledIndexSet, out: string): number {
  const json = indexJson(index);
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, json);
    renameSync(tmp, out);
  } catch (e) {
    throw new InputError(`-o ${out}: cannot be written (${errorText(e)})`);
  }
  return json.length;
}

export interface CodeSetFlags {
  codeset?: string;
  release?: string;
  asp?: string;
  /** where compiled releases are cached between runs */
  cacheDir?: string;
}

/** --codeset, else --release (+ --asp, imported and compiled here, once), else the build's index or the core set */
export function codeSetSource(flags: CodeSetFlags): { source: CodeSetSource; notes: string[] } {
  if (flags.codeset) return { source: { kind: 'file', path: flags.codeset }, notes: [] };
  if (flags.asp) checkAsp(flags.asp);
  if (flags.release) return { source: { kind: 'release', releasePath: flags.release, aspPath: flags.asp, cacheDir: flags.cacheDir }, notes: [] };
  return { source: { kind: 'startup', aspPath: flags.asp }, notes: [] };
}

/**
 * Loads the code set a source names; an InputError names what could not be loaded. A compiled index
 * is read table by table when first needed: `onLateError` hears if a table then cannot be.
 */
export function loadSource(source: CodeSetSource, distDir: string, onLateError?: (error: string) => void): LoadedCodeSet {
  switch (source.kind) {
    case 'file': {
      const { codeset } = loadCodeSetFile(source.path, onLateError);
      return { codeset, notes: [`Loaded ${codeset.release.label} from ${source.path}.`] };
    }
    case 'release': {
      const store = new CodeSetStore({ distDir, storagePath: source.cacheDir, log: onLateError });
      const loaded = store.loadAtStartup({ releasePath: source.releasePath, aspPath: source.aspPath });
      if (loaded.error) throw new InputError(`--release ${source.releasePath}: ${loaded.error}`);
      return { codeset: loaded.codeset, notes: loaded.message ? [loaded.message] : [] };
    }
    case 'startup': {
      const { codeset, message } = new CodeSetStore({ distDir, log: onLateError }).loadAtStartup({ aspPath: source.aspPath });
      return { codeset, notes: message ? [message] : [] };
    }
  }
}

/**
 * --icd10 (or $HCPCS_ICD10), else the list built beside the bundle; an explicit path that cannot be
 * loaded stops the run. The built list is read when a claim first has a diagnosis to judge (its note,
 * from the summary the build wrote beside it, is the same); `onLateError` hears if it then cannot be.
 */
export function loadIcd10Source(path: string | undefined, distDir: string, onLateError: (error: string) => void): { codes?: DiagnosisCodes; notes: string[] } {
  const loaded = path && path.trim() ? loadIcd10AtStartup(path, distDir) : loadBuiltIcd10Lazily(distDir, onLateError);
  if (!loaded) return { notes: [] };
  if (!loaded.ok) {
    if (path) throw new InputError(`--icd10 ${path}: ${loaded.error}`);
    return { notes: [loaded.error] };
  }
  return { codes: loaded.codes, notes: [loaded.message] };
}
