// When a date lies past what the loaded data covers: the newest release covers its own quarter
// (until CMS publishes the next), an ASP payment limit holds only for its quarter.
import type { CodeSet } from './types';
import { isQuarterId, quarterEnd, quarterName, quarterOf, quarterStart, quartersBetween } from './quarters';

/** quarters between the newest loaded release and the date; 0 when the release covers it */
export function quartersPastData(codeset: CodeSet, date: string): number {
  const newest = codeset.release.id;
  if (!isQuarterId(newest) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 0;
  return Math.max(0, quartersBetween(newest, quarterOf(date)));
}

/** 'facts from the October 2025 release; this date is 4 quarters later: load the current release' */
export function staleClause(codeset: CodeSet, date: string): string | undefined {
  const n = quartersPastData(codeset, date);
  if (n === 0) return undefined;
  return `facts from the ${quarterName(codeset.release.id)} release; this date is ${n} quarter${n === 1 ? '' : 's'} later: load the current release`;
}

/** without a limit for the date: which ASP quarters are loaded and the dates they hold for */
export function aspQuarterClause(codeset: CodeSet): string | undefined {
  const quarters = codeset.release.aspQuarters ?? [];
  if (quarters.length === 0) return undefined;
  const held = quarters.filter((q) => isQuarterId(q.id)).map((q) => `${q.label} (${quarterStart(q.id)} to ${quarterEnd(q.id)})`);
  return `payment limits hold only in their quarter; loaded: ${held.join(', ') || quarters.map((q) => q.label).join(', ')}`;
}
