// What the status bar says about the loaded data: every release and ASP quarter, and whether
// today lies past the newest release (the same clause the cards and findings use).
import type { CodeSet } from '../codeset/types';
import type { ReleaseNotice } from '../protocol';
import { staleClause } from '../codeset/staleness';

export function releaseFacts(codeset: CodeSet, today: string): Pick<ReleaseNotice, 'releases' | 'aspQuarters' | 'stale'> {
  const r = codeset.release;
  const releases = (r.releases ?? [{ id: r.id, label: r.label, codeCount: r.codeCount }]).map((x) => `${x.label}: ${x.codeCount} codes`);
  const out: Pick<ReleaseNotice, 'releases' | 'aspQuarters' | 'stale'> = { releases, aspQuarters: (r.aspQuarters ?? []).map((q) => q.label) };
  const stale = staleClause(codeset, today);
  if (stale) out.stale = stale;
  return out;
}
