// loadIndex: a CompiledIndex (or its JSON text) -> the CodeSet the rest of the server asks.
// Loading only wraps the parsed rows: each release builds its lookups when first asked (release-data.ts);
// everything that takes thought was done by compileIndex.
import type { CodeSet } from './types';
import { INDEX_FORMAT, INDEX_SET_FORMAT, INDEX_VERSION, type CompiledIndex, type CompiledIndexSet } from './compiled';
import { DatedCodeSet } from './dated';
import { AspQuarters, aspTablesOf } from './asp-quarters';
import { ReleaseData, tablesOf } from './release-data';

export { compileIndex, compileIndexSet, indexJson, type CompiledIndex, type CompiledIndexSet } from './compiled';

export { releaseDate, statusOn, ReleaseData } from './release-data';

export class LoadError extends Error {}

/**
 * Loads a compiled index (one release) or index set (several releases and ASP quarters).
 * Throws LoadError only on data that is not a compiled index at all.
 */
export function loadIndex(data: CompiledIndex | CompiledIndexSet | string): CodeSet {
  const parsed: CompiledIndex | CompiledIndexSet = typeof data === 'string' ? JSON.parse(data) : data;
  if (parsed && parsed.format === INDEX_SET_FORMAT && Array.isArray((parsed as CompiledIndexSet).releases)) {
    const set = parsed as CompiledIndexSet;
    if (set.version !== INDEX_VERSION) throw new LoadError(`compiled index version ${set.version}, expected ${INDEX_VERSION}: compile it again`);
    if (set.releases.length === 0) throw new LoadError('the compiled index set holds no release');
    set.releases.forEach(checkIndex);
    return new DatedCodeSet(set.releases.map((r) => new ReleaseData(r.release, tablesOf(r))), new AspQuarters((set.asp ?? []).map(aspTablesOf)));
  }
  const index = parsed as CompiledIndex;
  checkIndex(index);
  return new DatedCodeSet([new ReleaseData(index.release, tablesOf(index))], new AspQuarters(index.asp ? [aspTablesOf(index.asp)] : []));
}

function checkIndex(index: CompiledIndex): void {
  if (!index || index.format !== INDEX_FORMAT || !Array.isArray(index.codes)) throw new LoadError('not a compiled HCPCS index');
  if (index.version !== INDEX_VERSION) throw new LoadError(`compiled index version ${index.version}, expected ${INDEX_VERSION}: compile it again`);
}
