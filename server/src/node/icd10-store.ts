// Loads ICD-10-CM releases (entry-side I/O shared by server.ts and the CLI): an explicit file, CDC
// zip or folder of releases, else the index compiled at build time (dist/icd10cm.json, its titles in
// dist/icd10cm.titles.json, read on the first title asked), else none.
// Every file goes through the guarded reader; nothing here throws.
import { basename, join } from 'node:path';
import { statSync } from 'node:fs';
import { DiagnosisCodes, Icd10Release, icd10SummaryInfos, loadDiagnosisCodes, titlesByRelease, type Icd10Index, type Icd10IndexSet, type Icd10ReleaseInfo } from '../codeset/icd10';
import { icd10ReleaseFromName, importIcd10, isIcd10FileName } from '../codeset/import/icd10cm';
import { icd10Files } from './release-sources';
import { readGuarded, textOf } from './guarded-read';
import { safeName } from '../base/safe-text';
import { appendAll } from '../base/arrays';

export const ICD10_BUILT_FILE = 'icd10cm.json';
/** written beside it by the build: what its releases are, so a run can say so without reading the list */
export const ICD10_SUMMARY_FILE = 'icd10cm.summary.json';
/** written beside it by the build: the titles, which only hover and completion show (splitTitles) */
export const ICD10_TITLES_FILE = 'icd10cm.titles.json';

export type Icd10Load = { ok: true; codes: DiagnosisCodes; /** absent when the list is read lazily */ index?: Icd10Index | Icd10IndexSet; message: string } | { ok: false; error: string };

/** every release at a path (a file, a CDC zip, a folder of releases), compiled */
export function loadIcd10Path(path: string): Icd10Load {
  const files = icd10Files(path, isIcd10FileName, (name) => icd10ReleaseFromName(name)?.id);
  if (!files.ok) return { ok: false, error: `ICD-10-CM: ${files.error}` };
  const releases: Icd10Index[] = [];
  const notes: string[] = [];
  for (const file of files.value) {
    const read = readGuarded(file, 'icd10cm');
    const imported = read.ok ? importIcd10(read.bytes, basename(file)) : read;
    if (!imported.ok) {
      if (files.value.length === 1) return { ok: false, error: `ICD-10-CM: ${imported.error}` };
      notes.push(`${imported.error} (skipped)`);
      continue;
    }
    releases.push(imported.index);
    appendAll(notes, imported.notes);
  }
  if (releases.length === 0) return { ok: false, error: `ICD-10-CM: no release in ${safeName(path)} could be read: ${notes.join(' ')}` };
  // two files for one release (a zip and its unpacked order file in different folders): the first kept
  const unique = [...new Map(releases.map((r) => [r.id, r])).values()];
  const index: Icd10Index | Icd10IndexSet = unique.length === 1 ? unique[0]! : { format: 'icd10cm-index-set', version: unique[0]!.version, releases: unique };
  const codes = new DiagnosisCodes(unique.map((r) => new Icd10Release(r)));
  return { ok: true, codes, index, message: [`Loaded ${describe(codes)}.`, ...notes].join(' ') };
}

/** 74719 -> '74,719', as toLocaleString('en-US') writes it, without starting ICU's number formatting (~20 ms) for a note at start */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 'ICD-10-CM FY2026 (74,719 billable of 98,186 codes, 2025-10-01 to 2026-09-30)' */
export function describe(codes: DiagnosisCodes): string {
  return codes.infos
    .map((info) => `${info.label} (${grouped(info.billableCount)} billable of ${grouped(info.codeCount)} codes, ${info.startDate} to ${info.endDate}${info.source ? `, from ${info.source}` : ''})`)
    .join(', ');
}

/**
 * The index compiled at build time beside the bundles, if any. Releases it holds without titles take
 * them from the titles file beside it on the first title asked; `onLateError` hears if that cannot be
 * read (the codes are then shown without titles).
 */
export function loadBuiltIcd10(distDir: string, onLateError?: (error: string) => void): Icd10Load | undefined {
  const file = join(distDir, ICD10_BUILT_FILE);
  const read = readGuarded(file, 'icd10cm');
  if (!read.ok) return read.missing ? undefined : { ok: false, error: `ICD-10-CM: ${read.error}` };
  return parseBuilt(file, read.bytes, distDir, onLateError);
}

function parseBuilt(file: string, bytes: Buffer, distDir: string, onLateError?: (error: string) => void): Icd10Load {
  try {
    const index = JSON.parse(textOf(bytes)) as Icd10Index | Icd10IndexSet;
    let titles: Map<string, string> | undefined;
    const codes: DiagnosisCodes = loadDiagnosisCodes(index, (id) => {
      titles ??= readTitles(distDir, codes.infos, onLateError);
      return titles.get(id);
    });
    return { ok: true, codes, index, message: builtMessage(codes) };
  } catch (error) {
    return { ok: false, error: `ICD-10-CM: ${file} could not be loaded (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** the titles file beside the list, by release id; empty (and one late error) when it cannot be read or does not fit */
function readTitles(distDir: string, releases: Icd10ReleaseInfo[], onLateError?: (error: string) => void): Map<string, string> {
  const file = join(distDir, ICD10_TITLES_FILE);
  const read = readGuarded(file, 'icd10cm');
  try {
    if (!read.ok) throw new Error(read.error);
    return titlesByRelease(JSON.parse(textOf(read.bytes)), releases);
  } catch (error) {
    onLateError?.(`ICD-10-CM: the titles in ${file} could not be loaded (${error instanceof Error ? error.message : String(error)}); codes are shown without them.`);
    return new Map();
  }
}

const builtMessage = (codes: DiagnosisCodes) => `Loaded ${describe(codes)} (compiled at build time).`;

/**
 * The build-time index, read when first asked about a code (hcpcs-check: a claim with a diagnosis to
 * judge), when the build left its summary beside it (ICD10_SUMMARY_FILE, naming the index's size): the
 * message at start is the one the whole list gives. Without a summary that fits, it is read now.
 * A list that cannot be read when asked gives no verdicts and calls `onLateError` once.
 */
export function loadBuiltIcd10Lazily(distDir: string, onLateError: (error: string) => void): Icd10Load | undefined {
  const file = join(distDir, ICD10_BUILT_FILE);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return loadBuiltIcd10(distDir);
    size = stat.size;
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? undefined : loadBuiltIcd10(distDir);
  }
  const read = readGuarded(join(distDir, ICD10_SUMMARY_FILE), 'icd10cm');
  const infos = read.ok ? summaryInfos(read.bytes, size) : undefined;
  if (!infos) return loadBuiltIcd10(distDir);
  const codes = DiagnosisCodes.lazy(infos, () => {
    const loaded = loadBuiltIcd10(distDir, onLateError);
    if (loaded?.ok) return loaded.codes.releases;
    onLateError(loaded ? loaded.error : `ICD-10-CM: ${file} is gone; it was not loaded.`);
    return undefined;
  });
  return { ok: true, codes, message: builtMessage(codes) };
}

/** at start: the path if given (a bad one is an error, and nothing is loaded), else the build-time index */
export function loadIcd10AtStartup(path: string | undefined, distDir: string, onLateError?: (error: string) => void): Icd10Load | undefined {
  if (path && path.trim()) return loadIcd10Path(path.trim());
  return loadBuiltIcd10(distDir, onLateError);
}

/** the summary's releases when it describes an index of `size` bytes; undefined for anything else */
function summaryInfos(bytes: Buffer, size: number) {
  try {
    return icd10SummaryInfos(JSON.parse(textOf(bytes)), size);
  } catch {
    return undefined;
  }
}
