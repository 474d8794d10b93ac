// Why a test cannot run here: one reason per missing input, so that the runner's summary
// (scripts/test.mjs) counts the skips of a fresh clone by cause. Each need is false when met, else
// its reason: `test(name, { skip: needs.samples }, ...)`, or `if (!dir) return t.skip(reasons.samples)`.
// Tests that only need facts of named codes need none of these: they run on the committed excerpts
// (fullCodeSet(), octoberCodeSet(), octoberRelease() ...).
import { aspDir, aspPath, releaseFile, releasePath, samplesDir, sharedRelease } from './paths';

export const reasons = {
  october: 'needs the whole October 2025 CMS release (../shared/cms): it checks the whole file, the committed excerpt holds only the named codes',
  allReleases: 'needs every whole CMS release (../shared/cms): it goes through every code, the committed excerpts hold only the named codes',
  icd10: 'needs the whole ICD-10-CM FY2026 release (HCPCS_ICD10 or ../shared/cms/icd10cm): the committed excerpt holds a few code families',
  samples: 'needs ../shared/samples (real claim files written by others, not copied into the project)',
} as const;

export const needs = {
  /** the whole October 2025 release and its ASP quarter (tests that go through every row of them) */
  october: releaseFile() && aspDir() ? false : reasons.october,
  /** every whole release and ASP quarter (tests that go through every code or NDC) */
  allReleases: releasePath() && aspPath() && ['2025-10', '2026-01', '2026-07'].every((id) => sharedRelease(id)) ? false : reasons.allReleases,
  /** the real claim files of ../shared/samples */
  samples: samplesDir() ? false : reasons.samples,
} as const;
