// Reads the workspace's .hcpcsrc.json files (entry-side I/O for server.ts and the CLI).
import { join, basename } from 'node:path';
import { parseConfig } from '../checks/config';
import type { Settings } from '../settings';
import { readGuarded } from './guarded-read';


export function isConfigFile(uriOrPath: string): boolean {
  return basename(uriOrPath) === '.hcpcsrc.json';
}

export interface WorkspaceConfig {
  settings?: Partial<Settings>;
  /** readable messages naming the file: invalid entries, unreadable or oversized files */
  problems: string[];
}

/** The first .hcpcsrc.json found in the given folders (or the explicit file), validated. */
export function readWorkspaceConfig(folders: string[], explicitFile?: string): WorkspaceConfig {
  const candidates = explicitFile ? [explicitFile] : folders.map((f) => join(f, '.hcpcsrc.json'));
  for (const file of candidates) {
    const read = readGuarded(file, 'config', true);
    if (!read.ok) {
      if (read.missing && !explicitFile) continue;
      return { problems: [`${read.error.replace(/; it was not loaded\.$/, '')}; the defaults apply`] };
    }
    const parsed = parseConfig(read.bytes.toString('utf8'));
    return { settings: parsed.settings, problems: parsed.problems.map((p) => `${file}: ${p.message}`) };
  }
  return { problems: [] };
}
