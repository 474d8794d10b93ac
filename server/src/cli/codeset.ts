// The CLI's code set: strict about what it is told to read. A --codeset, --release or --asp that
// cannot be read or imported stops the run (exit 2) instead of falling back to a smaller set.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileIndex, loadIndex, type CompiledIndex } from '../codeset/index';
import { importRelease } from '../codeset/import/release';
import { importAsp, type AspData } from '../codeset/import/asp';
import { CodeSetStore, MAX_RELEASE_BYTES } from '../node/codeset-store';
import type { CodeSet } from '../codeset/types';

/** a compiled code set is about 3 MB today; anything far bigger is not one */
export const MAX_CODESET_BYTES = 256 * 1024 * 1024;
const ASP_FILES = ['asp_pricing.csv', 'asp_crosswalk.csv'] as const;

export class InputError extends Error {}

/** Where the code set comes from; the main thread or each worker thread loads it from this. */
export type CodeSetSource = { kind: 'file'; path: string } | { kind: 'index'; json: string; from: string } | { kind: 'startup' };

export interface LoadedCodeSet {
  codeset: CodeSet;
  /** what was loaded, for stderr */
  notes: string[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function readRegularFile(path: string, what: string, maxBytes: number): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(`${what} ${path}: not a regular file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${what} ${path}: cannot be read (${errorText(e)})`);
  }
  if (size > maxBytes) throw new InputError(`${what} ${path}: ${size} bytes is larger than the ${maxBytes}-byte limit`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`${what} ${path}: cannot be read (${errorText(e)})`);
  }
}

/** a code set file written by `hcpcs-check compile`; the index's own version check names the mismatch */
export function loadCodeSetFile(path: string): { codeset: CodeSet; json: string } {
  const json = readRegularFile(path, '--codeset', MAX_CODESET_BYTES).toString('utf8');
  try {
    return { codeset: loadIndex(json), json };
  } catch (e) {
    const why = e instanceof SyntaxError ? `not valid JSON (${e.message})` : errorText(e);
    throw new InputError(`--codeset ${path}: ${why}; make it with \`hcpcs-check compile --release FILE -o ${basename(path)}\``);
  }
}

function readAsp(dir: string): AspData {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    throw new InputError(`--asp ${dir}: cannot be read (${errorText(e)})`);
  }
  if (!isDir) throw new InputError(`--asp ${dir}: not a folder (give the folder holding ${ASP_FILES.join(' and ')})`);
  const [pricing, crosswalk] = ASP_FILES.map((name) => (existsSync(join(dir, name)) ? readRegularFile(join(dir, name), '--asp', MAX_RELEASE_BYTES) : undefined));
  if (!pricing && !crosswalk) throw new InputError(`--asp ${dir}: neither ${ASP_FILES.join(' nor ')} is in this folder`);
  const read = importAsp(pricing, crosswalk);
  if (!read.ok) throw new InputError(`--asp ${dir}: ${read.error}`);
  return read.asp;
}

/** import a CMS release (+ ASP folder) and compile it; every failure is an InputError naming the file */
export function compileFromFiles(releasePath: string, aspDir?: string): CompiledIndex {
  const bytes = readRegularFile(releasePath, '--release', MAX_RELEASE_BYTES);
  const imported = importRelease(bytes, basename(releasePath));
  if (!imported.ok) throw new InputError(`--release ${releasePath}: ${imported.error}`);
  return compileIndex(imported.release, aspDir ? readAsp(aspDir) : undefined);
}

/** hcpcs-check compile: write the index next to its destination, then rename (never half a file) */
export function writeCompiled(index: CompiledIndex, out: string): number {
  const json = JSON.stringify(index);
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
}

/** --codeset, else --release (+ --asp, imported and compiled here, once), else the build's index or the core set */
export function codeSetSource(flags: CodeSetFlags): { source: CodeSetSource; notes: string[] } {
  if (flags.codeset) return { source: { kind: 'file', path: flags.codeset }, notes: [] };
  if (flags.release) return { source: { kind: 'index', json: JSON.stringify(compileFromFiles(flags.release, flags.asp)), from: basename(flags.release) }, notes: [] };
  return { source: { kind: 'startup' }, notes: flags.asp ? ['--asp is read together with a release file (--release); ignored'] : [] };
}

/** loads the code set a source names; an InputError names what could not be loaded */
export function loadSource(source: CodeSetSource, distDir: string): LoadedCodeSet {
  switch (source.kind) {
    case 'file': {
      const { codeset } = loadCodeSetFile(source.path);
      return { codeset, notes: [`Loaded ${codeset.release.label} from ${source.path}.`] };
    }
    case 'index': {
      const codeset = loadIndex(source.json);
      const r = codeset.release;
      return { codeset, notes: [`Loaded ${r.label} from ${source.from}: ${r.codeCount} codes, ${r.modifierCount} modifiers${r.asp ? `, ${r.asp}` : ''}.`] };
    }
    case 'startup': {
      const { codeset, message } = new CodeSetStore({ distDir }).loadAtStartup({});
      return { codeset, notes: message ? [message] : [] };
    }
  }
}
