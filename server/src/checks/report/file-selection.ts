// Which files hcpcs-check reads when it walks a folder: claim formats by default (X12, claim-line
// CSV/PSV/TSV exports, FHIR JSON), as the readers would detect them; --include/--exclude and
// .hcpcsrc.json include/exclude change that. Files named on the command line are always read (cli.ts).
import { extensionOf } from '../../documents/detect';
import { detectFormat } from '../../documents/formats';
import { matchesAnyGlob } from '../../base/globs';

export interface FileSelection {
  /** globs of files to read besides the claim formats */
  include: readonly string[];
  /** globs of files and folders to skip; they win over include */
  exclude: readonly string[];
}

/** how much of a file's start the content test needs (a FHIR Bundle names its resourceType early) */
export const HEAD_BYTES = 64 * 1024;

/** named as X12 even when the ISA is damaged: the X12 reader reports what is wrong */
const X12_EXTENSIONS = new Set(['837', '835', 'x12', 'edi']);

/** X12 by extension or ISA content, a claim table (a procedure-code column), FHIR JSON (a resourceType) */
export function isClaimFormat(name: string, head: string): boolean {
  const ext = extensionOf(name);
  if (ext && X12_EXTENSIONS.has(ext)) return true;
  // no hint: only the content decides, so a .json that is not FHIR and a .csv without codes stay out
  return detectFormat(head) !== 'prose';
}

/** a folder the walk does not enter (relPath with '/' separators, relative to the folder walked) */
export function isExcludedFolder(relPath: string, selection: FileSelection): boolean {
  // 'archive/**' names everything below archive: the folder itself is not walked
  return matchesAnyGlob(selection.exclude, relPath) || matchesAnyGlob(selection.exclude, `${relPath}/`);
}

/** should the walk read this file? `head` is asked only when the globs do not decide */
export function isSelected(relPath: string, head: () => string, selection: FileSelection): boolean {
  if (matchesAnyGlob(selection.exclude, relPath)) return false;
  if (matchesAnyGlob(selection.include, relPath)) return true;
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return isClaimFormat(name, head());
}
