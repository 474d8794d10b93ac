// Finds the files behind a release path and an ASP path: a file, or a folder walked with its
// subfolders. A folder may hold several quarterly releases (one file kept per release: the
// quickest edition to read) and several ASP quarter folders.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { RELEASE_EXTENSIONS, releaseFromFileName } from '../codeset/import/release-name';
import { aspFileRole } from '../codeset/import/asp-files';

/** folders deeper than this are not walked (a release folder is shallow) */
const MAX_DEPTH = 4;
const MAX_FILES = 2000;

export interface AspFolder {
  dir: string;
  pricing?: string;
  crosswalk?: string;
}

export type Found<T> = { ok: true; value: T } | { ok: false; error: string };

function walk(dir: string, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_DEPTH || out.length > MAX_FILES) return out;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    try {
      const st = statSync(p);
      if (st.isDirectory()) walk(p, depth + 1, out);
      // a FIFO or device named like a CMS file is listed too: the guarded reader refuses it by name
      else out.push(p);
    } catch {
      // an unreadable entry is skipped; the folder's other files still count
    }
  }
  return out;
}

/** the release files at a path: the file itself, or one file per release found in the folder */
export function releaseFiles(path: string): Found<string[]> {
  let st;
  try {
    st = statSync(path);
  } catch (error) {
    return { ok: false, error: `${path} cannot be read (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!st.isDirectory()) return { ok: true, value: [resolve(path)] };
  const byRelease = new Map<string, string>();
  const rank = (f: string): number => RELEASE_EXTENSIONS.indexOf(extname(f).toLowerCase());
  for (const file of walk(path)) {
    const id = releaseFromFileName(file)?.id;
    if (!id || rank(file) < 0) continue;
    const before = byRelease.get(id);
    if (!before || rank(file) < rank(before)) byRelease.set(id, file);
  }
  if (byRelease.size === 0) return { ok: false, error: `${path} holds no CMS HCPCS release file (HCPCyyyy_MON_ANWEB….zip, .txt, .xlsx or .csv).` };
  return { ok: true, value: [...byRelease.keys()].sort().map((id) => byRelease.get(id)!) };
}

/** the ASP quarter folders at a path: the folder itself when it holds the files, else its subfolders that do */
export function aspFolders(path: string): Found<AspFolder[]> {
  try {
    if (!statSync(path).isDirectory()) return { ok: false, error: `${path} is not a folder of ASP files.` };
  } catch (error) {
    return { ok: false, error: `${path} cannot be read (${error instanceof Error ? error.message : String(error)}).` };
  }
  const byDir = new Map<string, AspFolder>();
  for (const file of walk(path)) {
    const role = aspFileRole(file.slice(file.lastIndexOf('/') + 1));
    if (!role) continue;
    const dir = file.slice(0, file.lastIndexOf('/'));
    const folder = byDir.get(dir) ?? { dir };
    folder[role] ??= file;
    byDir.set(dir, folder);
  }
  if (byDir.size === 0) return { ok: false, error: `${path} holds no ASP pricing or NDC-HCPCS crosswalk file.` };
  return { ok: true, value: [...byDir.keys()].sort().map((d) => byDir.get(d)!) };
}

/** the ICD-10-CM files at a path: the file itself, or one per release in the folder (the order file first, then the zip, then the codes file) */
export function icd10Files(path: string, isIcd10FileName: (name: string) => boolean, releaseId: (name: string) => string | undefined): Found<string[]> {
  let st;
  try {
    st = statSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, error: `${path} cannot be read (${code === 'ENOENT' ? 'it does not exist' : error instanceof Error ? error.message : String(error)}).` };
  }
  if (!st.isDirectory()) return { ok: true, value: [resolve(path)] };
  const rank = (f: string): number => (/order/i.test(f) && /\.txt$/i.test(f) ? 0 : /\.zip$/i.test(f) ? 1 : 2);
  const byRelease = new Map<string, string>();
  for (const file of walk(path)) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (!isIcd10FileName(name) || /addenda/i.test(name)) continue;
    const id = releaseId(name);
    if (!id) continue;
    const before = byRelease.get(id);
    if (!before || rank(file) < rank(before)) byRelease.set(id, file);
  }
  if (byRelease.size === 0) return { ok: false, error: `${path} holds no ICD-10-CM code file (icd10cm-order-YYYY.txt, icd10cm-codes-YYYY.txt or the CDC zip).` };
  return { ok: true, value: [...byRelease.keys()].sort().map((id) => byRelease.get(id)!) };
}
