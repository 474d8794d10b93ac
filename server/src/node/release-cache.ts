// Compiled releases cached in the editor's storage folder, keyed by the hash of the files they were
// compiled from (release and ASP bytes), so two windows loading different releases at once can never
// serve one under the other's name (issue #19 case 7: a shared slot and a separate stamp file raced).
// Each entry is written to a unique temporary file and renamed into place (atomic on one file
// system); a pointer names the entry loaded last. One entry per release id; CACHE.entries in all.
// An entry is an index text laid out in parts: loading it reads its header, and each table is read
// when first asked (node/index-file.ts).
import { appendAll } from '../base/arrays';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexJson, type CompiledIndex, type CompiledIndexSet } from '../codeset/index';
import type { DatedCodeSet } from '../codeset/dated';
import { CACHE, FILE_BYTES } from '../base/limits';
import { openGuarded, readGuarded } from './guarded-read';
import { indexFromFile } from './index-file';

const LATEST = 'latest';
const ENTRY = /^(.+)\.([0-9a-f]{64})\.json$/;

/** sha-256 over the parts (length-prefixed, so no two part lists collide) */
export function contentKey(parts: (Uint8Array | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const length = Buffer.alloc(8);
    length.writeBigInt64LE(BigInt(part ? part.length : -1));
    hash.update(length);
    if (part) hash.update(part);
  }
  return hash.digest('hex');
}

export class ReleaseCache {
  private readonly dir: string | undefined;

  /** `log` hears if a table of a loaded entry cannot be read when first asked */
  constructor(
    storagePath: string | undefined,
    private readonly log?: (message: string) => void,
  ) {
    this.dir = storagePath ? join(storagePath, 'releases') : undefined;
  }

  /** the code set compiled from exactly these bytes, when cached */
  load(key: string): DatedCodeSet | undefined {
    const file = this.entryFile(key);
    return file ? this.read(file) : undefined;
  }

  /** the entry saved last (the user's last load), when there is one */
  latest(): DatedCodeSet | undefined {
    if (!this.dir) return undefined;
    const pointer = readGuarded(join(this.dir, LATEST), 'config');
    if (!pointer.ok) return undefined;
    const key = pointer.bytes.toString('utf8').trim();
    const file = /^[0-9a-f]{64}$/.test(key) ? this.entryFile(key) : undefined;
    return file ? this.read(file) : undefined;
  }

  /** point "latest" at an entry already cached (a later start without a release path loads it) */
  remember(key: string): void {
    if (!this.dir) return;
    try {
      atomicWrite(join(this.dir, LATEST), key);
    } catch {
      // the pointer is a convenience: without it the next start falls back to the build-time index
    }
  }

  /** store an index under its key; returns a message when it could not be written */
  save(key: string, index: CompiledIndex | CompiledIndexSet): string | undefined {
    if (!this.dir) return undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      // a set of releases is one entry, named by the releases it holds
      const releaseId = safeId('release' in index ? index.release.id : index.releases.map((r) => r.release.id).join('+'));
      const file = join(this.dir, `${releaseId}.${key}.json`);
      atomicWrite(file, indexJson(index));
      atomicWrite(join(this.dir, LATEST), key);
      this.prune(releaseId, key);
      return undefined;
    } catch (error) {
      return `The compiled release could not be cached in ${this.dir} (${error instanceof Error ? error.message : String(error)}); it will be read again next time.`;
    }
  }

  private entryFile(key: string): string | undefined {
    if (!this.dir) return undefined;
    try {
      const name = readdirSync(this.dir).find((n) => ENTRY.exec(n)?.[2] === key);
      return name ? join(this.dir, name) : undefined;
    } catch {
      return undefined;
    }
  }

  /** an entry's code set; undefined when it cannot be loaded (another version, damaged): it is compiled again */
  private read(file: string): DatedCodeSet | undefined {
    const open = openGuarded(file, 'release');
    if (!open.ok) return undefined;
    try {
      return indexFromFile(open.fd, open.size, { name: file, limit: FILE_BYTES.release, onLateError: this.log });
    } catch {
      return undefined;
    }
  }

  /** one entry per release id (the newest), and CACHE.entries in all (oldest go first) */
  private prune(releaseId: string, keep: string): void {
    const entries = readdirSync(this.dir!)
      .map((name) => ({ name, match: ENTRY.exec(name) }))
      .filter((e) => e.match)
      .map((e) => ({ name: e.name, id: e.match![1], key: e.match![2], time: statSync(join(this.dir!, e.name)).mtimeMs }));
    const drop = entries.filter((e) => e.id === releaseId && e.key !== keep);
    const rest = entries.filter((e) => !drop.includes(e)).sort((a, b) => b.time - a.time);
    appendAll(drop, rest.slice(CACHE.entries));
    for (const e of drop) rmSync(join(this.dir!, e.name), { force: true });
  }
}

/** write to a unique temporary name, then rename: readers see the old file or the whole new one */
function atomicWrite(file: string, data: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

const safeId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_') || 'release';
