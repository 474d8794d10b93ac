// Precision over a corpus of license-clean text (test/fixtures/precision, this repository's README and
// docs, ../shared/docs and ../shared/samples/PROVENANCE.md read at test time): every finding on
// reference text is a real factual error, every billing line with a real problem is found, and plain
// English gets no drug-mismatch and no error. Findings are pinned in precision.snapshot.json
// (UPDATE_SNAPSHOTS=1 rewrites it; review the diff). Without ../shared it runs on the committed excerpts of the releases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixture, repoRoot, samplesDir, sharedDir } from '../../support/paths';
import { lineLocator } from '../../../server/src/checks/report/located';
import { check, fullCodeSet, TODAY } from './harness';
import type { Finding } from '../../../server/src/checks/types';

const CORPUS = fixture('precision');
const SNAPSHOT = fixture('precision', 'precision.snapshot.json');

interface KeyEntry {
  line: number;
  rule: string | null;
  why: string;
}
interface AnswerKey {
  reference: string[];
  errors: Record<string, KeyEntry[]>;
}

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? markdownUnder(p) : name.endsWith('.md') ? [p] : [];
    });
}

/** plain English: this repository's README and docs, ../shared/docs, the samples' PROVENANCE.md */
function plainEnglish(): { files: string[]; shared: boolean } {
  const files = [join(repoRoot, 'README.md'), ...markdownUnder(join(repoRoot, 'docs'))];
  const samples = samplesDir();
  const shared = samples !== undefined;
  if (shared) files.push(...markdownUnder(join(sharedDir, 'docs')), join(samples, 'PROVENANCE.md'));
  return { files, shared };
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((n) => /\.(md|txt)$/.test(n))
    .sort()
    .map((n) => join(CORPUS, n));
}

function findingsOf(file: string): { text: string; found: Finding[] } {
  const codeset = fullCodeSet();
  const text = readFileSync(file, 'utf8');
  return { text, found: check(text, { codeset, uri: `file://${file}`, today: TODAY }) };
}

const nameOf = (file: string) => (file.startsWith(repoRoot) ? relative(repoRoot, file) : `../shared/${relative(sharedDir, file)}`);

test('precision corpus: findings match the reviewed snapshot; counts against the answer key', () => {
  const key = JSON.parse(readFileSync(join(CORPUS, 'answer-key.json'), 'utf8')) as AnswerKey;
  const actual: Record<string, string[]> = {};
  let truePositives = 0;
  const falsePositives: string[] = [];
  const misses: string[] = [];
  const knownMisses: string[] = [];
  for (const file of corpusFiles()) {
    const name = relative(CORPUS, file);
    const { text, found } = findingsOf(file);
    const at = lineLocator(text);
    const entries = key.errors[name] ?? [];
    actual[name] = found.map((f) => {
      const p = at(f.range.start);
      return `${p.line}:${p.character} ${f.severity} ${f.ruleId} ${f.message}`;
    });
    const hit = new Set<KeyEntry>();
    for (const f of found) {
      const line = at(f.range.start).line;
      const entry = entries.find((e) => e.line === line && e.rule === f.ruleId);
      if (entry) {
        truePositives++;
        hit.add(entry);
      } else falsePositives.push(`${name}:${line} ${f.ruleId} ${f.message}`);
    }
    for (const e of entries) {
      if (hit.has(e)) continue;
      (e.rule === null ? knownMisses : misses).push(`${name}:${e.line} ${e.rule ?? '(no rule)'}: ${e.why}`);
    }
  }
  console.log(`precision corpus: ${truePositives} true findings, ${falsePositives.length} false, ${misses.length} misses, ${knownMisses.length} known misses`);
  assert.deepEqual(falsePositives, [], 'every finding is a real error or billing problem');
  assert.deepEqual(misses, [], 'every listed error with a rule is found');
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) {
    writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 2) + '\n');
    if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`wrote a new snapshot to ${SNAPSHOT}: review it and run again`);
    return;
  }
  assert.deepEqual(actual, JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
});

test('plain English: no drug-mismatch and no error-level finding', (t) => {
  const { files, shared } = plainEnglish();
  if (!shared) t.diagnostic('../shared is not available: README.md and docs/ only');
  const bad: string[] = [];
  let all = 0;
  for (const file of files) {
    const { text, found } = findingsOf(file);
    const at = lineLocator(text);
    all += found.length;
    for (const f of found) {
      if (f.ruleId === 'drug-mismatch' || f.severity === 'error') bad.push(`${nameOf(file)}:${at(f.range.start).line} ${f.severity} ${f.ruleId} ${f.message}`);
    }
  }
  console.log(`plain English: ${files.length} files, ${all} findings of any kind`);
  assert.ok(files.length >= 20, `read ${files.length} files`);
  assert.deepEqual(bad, []);
});
