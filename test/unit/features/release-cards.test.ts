// Every code of every loaded release, hovered on a date in that release's quarter: the card must
// say what the release row says (descriptor, dates, status, coverage, pricing, XREF) and name the
// release. The rows are read again here with the importer, one release file at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importRelease } from '../../../server/src/codeset/import/release';
import { statusOn } from '../../../server/src/codeset/index';
import { codeCard } from '../../../server/src/features/code-card';
import { md } from '../../../server/src/features/format';
import type { CodeRecord } from '../../../server/src/codeset/types';
import { fullSet, shippedGuidance } from './support';
import { sharedRelease } from '../../support/paths';
import { needs } from '../../support/needs';

const ids = ['2025-10', '2026-01', '2026-07'];
const skip = needs.allReleases;

/** what the card must contain for this row on this date */
function expectedParts(r: CodeRecord, date: string, label: string): string[] {
  const parts = [`_Source: ${md(label)}`];
  if (r.long.trim() && r.long.trim().toLowerCase() !== r.short.trim().toLowerCase()) parts.push(md(r.long.trim()));
  const status = statusOn(r, date);
  if (status === 'active') parts.push(`**Status:** active on the date of service ${date}${r.addDate ? ` (added ${r.addDate})` : ''}${r.termDate ? `; ends ${r.termDate}` : ''}`);
  if (status === 'terminated') parts.push(`**Status:** terminated on ${r.termDate}, not valid on the date of service ${date}`);
  if (status === 'not-yet-effective') parts.push(`**Status:** not yet effective on the date of service ${date}${r.addDate ? `: valid from ${r.addDate}` : ''}`);
  if (r.coverage?.trim()) parts.push(`**Medicare coverage (${md(r.coverage.trim())}):**`);
  const pricing = r.pricing.map((p) => p.trim()).filter(Boolean);
  if (pricing.length) parts.push('**Pricing:** ');
  for (const p of pricing) parts.push(`(${md(p)})`);
  for (const x of r.xrefs) parts.push(`**${md(x)}**`);
  return parts;
}

for (const id of ids) {
  test(`every code of the ${id} release: the card matches the release row`, { skip, timeout: 600_000 }, () => {
    const file = sharedRelease(id)!;
    const imported = importRelease(readFileSync(file), basename(file));
    assert.ok(imported.ok);
    const { release } = imported;
    const codeset = fullSet()!;
    const date = `${id}-15`;
    const src = { codeset, guidance: shippedGuidance(), today: '2026-12-02' };
    const mismatches: string[] = [];
    let facts = 0;
    for (const r of release.codes) {
      const card = codeCard(src, r.code, { date });
      for (const part of expectedParts(r, date, release.label)) {
        facts++;
        if (!card.includes(part)) mismatches.push(`${r.code}: missing ${JSON.stringify(part)}`);
      }
      if (r.pricing.some((p) => p.trim()) && !card.includes('**Pricing:**')) mismatches.push(`${r.code}: no Pricing line`);
    }
    console.log(`${id}: ${release.codes.length} codes hovered on ${date}, ${facts} facts compared, ${mismatches.length} mismatches`);
    assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} mismatches`);
  });
}
