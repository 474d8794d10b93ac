// What every release importer (txt, csv, xlsx, zip) produces.
import type { CodeRecord, ModifierRecord } from '../types';

export interface ImportedRelease {
  /** '2025-10' */
  id: string;
  /** 'HCPCS Level II, October 2025 (CMS)' */
  label: string;
  /** basename of the file read (and the zip member, when there was one) */
  source: string;
  codes: CodeRecord[];
  modifiers: ModifierRecord[];
  /** oddities tolerated while reading (junk lines, orphan continuation records ...) */
  problems: string[];
}

export type ImportResult = { ok: true; release: ImportedRelease } | { ok: false; error: string };

/** Records read from one file, before the release id is settled. */
export interface ReleaseRecords {
  codes: CodeRecord[];
  modifiers: ModifierRecord[];
  problems: string[];
}
