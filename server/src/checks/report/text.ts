// The CLI's default output: one line per finding, compiler style, then a summary line.
import type { LocatedFinding, Summary } from './located';

export function formatFindingLine(f: LocatedFinding): string {
  return `${f.file}:${f.range.start.line}:${f.range.start.character}: ${f.severity} ${f.ruleId} ${f.message}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** @param noun what was checked: 'file' for paths, 'document' for standard input */
export function formatSummary(s: Summary, noun = 'file'): string {
  const total = s.counts.error + s.counts.warning + s.counts.information + s.counts.hint;
  const checked = `${plural(s.files, noun)} checked`;
  if (!total) return `No problems found (${checked}).`;
  const parts = [plural(s.counts.error, 'error'), plural(s.counts.warning, 'warning')];
  if (s.counts.information) parts.push(`${s.counts.information} information`);
  if (s.counts.hint) parts.push(plural(s.counts.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(s.filesWithFindings, noun)} (${checked}).`;
}
