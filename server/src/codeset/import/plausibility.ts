// Is an imported release a whole CMS release? A truncated file (the first half of the real CSV:
// 3,688 codes) imports cleanly and, once cached, makes every later code "unknown". The counts of a
// whole release are known (limits.ts RELEASE); anything outside them needs the user's confirmation.
import { RELEASE } from '../../base/limits';
import type { ImportedRelease } from './release-types';

/** what is doubtful about the release, in words; [] when it looks whole */
export function releaseDoubts(release: Pick<ImportedRelease, 'codes' | 'modifiers' | 'problems'>): string[] {
  const doubts: string[] = [];
  const codes = release.codes.length;
  const modifiers = release.modifiers.length;
  const n = (x: number) => x.toLocaleString('en-US');
  if (codes < RELEASE.codes.min || codes > RELEASE.codes.max) {
    doubts.push(`${n(codes)} codes (a whole release has ${n(RELEASE.codes.min)} to ${n(RELEASE.codes.max)})`);
  }
  if (modifiers < RELEASE.modifiers.min || modifiers > RELEASE.modifiers.max) {
    doubts.push(`${n(modifiers)} modifiers (a whole release has ${n(RELEASE.modifiers.min)} to ${n(RELEASE.modifiers.max)})`);
  }
  // the importers keep at most 50 problem lines: reaching that cap, or the share on a small file, is a damaged layout
  const skipped = release.problems.filter((p) => /skipped/.test(p)).length;
  if (skipped >= Math.min(50, Math.max(3, (codes + modifiers) * RELEASE.skippedShare))) {
    doubts.push(`${skipped >= 50 ? 'at least 50' : n(skipped)} rows that do not match the record layout`);
  }
  return doubts;
}

/** the message for a release that needs confirming */
export function doubtMessage(name: string, doubts: string[]): string {
  return `${name} does not look like a whole CMS release: ${doubts.join('; ')}. It may be cut short or partial`;
}
