// Findings over every real sample in ../shared/samples, pinned in test/fixtures/checks/samples.snapshot.json.
// UPDATE_SNAPSHOTS=1 rewrites the file; review the diff by hand before committing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixture, samplesDir } from '../../support/paths';
import { lineLocator } from '../../../server/src/checks/report/located';
import { check, fullCodeSet, TODAY } from './harness';
import { needs } from '../../support/needs';

const SNAPSHOT = fixture('checks', 'samples.snapshot.json');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return files(p);
      return name === 'PROVENANCE.md' ? [] : [p];
    });
}

test('findings over ../shared/samples match the reviewed snapshot', (t) => {
  // the snapshot was taken with the whole releases loaded
  const missing = needs.samples || needs.allReleases;
  if (missing) return t.skip(missing);
  const dir = samplesDir()!;
  const codeset = fullCodeSet();
  const actual: Record<string, string[]> = {};
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    const at = lineLocator(text);
    const found = check(text, { codeset, uri: file, today: TODAY });
    actual[relative(dir, file)] = found.map((f) => {
      const p = at(f.range.start);
      return `${p.line}:${p.character} ${f.ruleId} ${f.message}`;
    });
  }
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) {
    writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 2) + '\n');
    if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`wrote a new snapshot to ${SNAPSHOT}: review it and run again`);
    return;
  }
  assert.deepEqual(actual, JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
});
