// Reads the workspace's .hcpcsrc.json files (entry-side I/O for server.ts and the CLI).
import { readFileSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseConfig } from '../checks/config';
import type { Settings } from '../settings';

/** A config file is data only; anything bigger than this is refused. */
export const MAX_CONFIG_BYTES = 256 * 1024;

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
    let size: number;
    try {
      const stat = statSync(file);
      // a FIFO or device named .hcpcsrc.json would block the read: only regular files are config
      if (!stat.isFile()) return { problems: [`${file}: not a regular file; the defaults apply`] };
      size = stat.size;
    } catch {
      if (explicitFile) return { problems: [`${file}: cannot be read`] };
      continue;
    }
    if (size > MAX_CONFIG_BYTES) return { problems: [`${file}: ${size} bytes is larger than the ${MAX_CONFIG_BYTES}-byte limit for a config file; the defaults apply`] };
    const parsed = parseConfig(readFileSync(file, 'utf8'));
    return { settings: parsed.settings, problems: parsed.problems.map((p) => `${file}: ${p.message}`) };
  }
  return { problems: [] };
}
