// loadIndex: a CompiledIndex (or its text) -> the CodeSet the rest of the server asks.
// Loading only wraps the compiled rows: each release builds its lookups when first asked
// (release-data.ts), and an index text laid out in parts (index-text.ts: what every writer writes)
// parses each table when first asked too. Everything that takes thought was done by compileIndex.
import { INDEX_FORMAT, INDEX_SET_FORMAT, INDEX_VERSION, LoadError, type CompiledIndex, type CompiledIndexSet } from './compiled';
import { DatedCodeSet } from './dated';
import { AspQuarters, aspTablesOf } from './asp-quarters';
import { ReleaseData, tablesOf } from './release-data';
import { indexFromText, indexFromValue, isPartsValue } from './index-text';

export { compileIndex, compileIndexSet, LoadError, type CompiledIndex, type CompiledIndexSet } from './compiled';
export { indexJson, compiledOf } from './index-text';

export { releaseDate, statusOn, ReleaseData } from './release-data';

/**
 * Loads a compiled index (one release) or index set (several releases and ASP quarters): in hand, or
 * as text (the parts layout indexJson writes, or the whole JSON of a compiled index). Throws
 * LoadError on data that is not a compiled index of this version; a table of a text laid out in parts
 * is read when first asked, and throws LoadError then if it cannot be.
 */
export function loadIndex(data: CompiledIndex | CompiledIndexSet | string): DatedCodeSet {
  if (typeof data === 'string') {
    const inParts = indexFromText(data);
    if (inParts) return inParts;
  }
  const parsed: CompiledIndex | CompiledIndexSet = typeof data === 'string' ? JSON.parse(data) : data;
  if (isPartsValue(parsed)) return indexFromValue(parsed);
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
  // codes are found by binary search (compileIndex sorts them)
  const codes = index.codes;
  for (let i = 1; i < codes.length; i++) if (!(codes[i - 1]![0] < codes[i]![0])) throw new LoadError(`the compiled index is damaged (codes out of order at ${codes[i]![0]}): compile it again`);
}
