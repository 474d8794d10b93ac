// Quick fixes never lose data: every fix of every finding on every real sample and on
// test/fixtures/claims is applied the way the editor applies it (the code action's WorkspaceEdit),
// and then: the text outside the edit ranges is identical, each newText is what landed, the edits
// stay inside the line the finding is about, re-reading the result changes only that line and only
// the field the fix names, and the finding the fix was for is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../server/src/service';
import type { CodeSet } from '../../server/src/codeset/types';
import { coreSet, fullSet, shippedGuidance } from '../unit/features/support';
import { fixture, samplesDir } from '../support/paths';
import { claimDocument, fuzzParams, type ClaimDocumentOptions } from '../support/fuzz';
import { checkFix } from './fix-check';

const TODAY = '2025-11-05';

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.edi': 'x12', '.837': 'x12', '.835': 'x12', '.x12': 'x12',
  '.csv': 'csv', '.psv': 'csv', '.tsv': 'csv', '.json': 'json', '.md': 'markdown', '.txt': 'plaintext',
};

function files(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return files(p);
      return LANGUAGE_BY_EXT[extname(name).toLowerCase()] ? [p] : [];
    });
}

const codesets: [string, () => CodeSet][] = [
  ['core', coreSet],
  ['full', fullSet],
];

for (const [name, load] of codesets) {
  test(`every quick fix on the samples and test/fixtures/claims changes only what it says (${name} code set)`, () => {
    const codeset = load();
    const inputs = [...files(fixture('claims')), ...files(fixture('robustness', 'fixes')), ...files(samplesDir())];
    assert.ok(inputs.length > 0, 'claim files to fix');
    const service = createService({ codeset, guidance: shippedGuidance(), today: () => TODAY });
    const counts = new Map<string, number>();
    let findings = 0;
    for (const file of inputs) {
      const ext = extname(file).toLowerCase();
      const doc = TextDocument.create(`file://${file}`, LANGUAGE_BY_EXT[ext]!, 1, readFileSync(file, 'utf8'));
      for (const finding of service.findings(doc)) {
        findings++;
        for (const fix of finding.fixes) {
          counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
          checkFix(service, doc, finding, fix, `${relative(join(__dirname, '..'), file)} ${finding.ruleId} "${fix.title}"`);
        }
      }
      service.forget(doc.uri);
    }
    const fixes = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`fix integrity (${name}): ${inputs.length} files, ${findings} findings, ${fixes} fixes applied and checked: ${[...counts].map(([id, n]) => `${id} ${n}`).join(', ')}`);
    assert.ok(fixes > 0, 'at least one fix was exercised');
  });
}

/** every fix of every finding on generated documents goes through checkFix; returns how many */
function fixGenerated(options: ClaimDocumentOptions, runs: number): number {
  const service = createService({ codeset: fullSet() ?? coreSet(), guidance: shippedGuidance(), today: () => TODAY });
  let fixes = 0;
  fc.assert(
    fc.property(claimDocument(options), (generated) => {
      const doc = TextDocument.create(generated.uri, generated.languageId, 1, generated.text);
      for (const finding of service.findings(doc)) {
        for (const fix of finding.fixes) {
          fixes++;
          checkFix(service, doc, finding, fix, `${generated.languageId} ${finding.ruleId} "${fix.title}"`);
        }
      }
      service.forget(doc.uri);
    }),
    fuzzParams(runs),
  );
  return fixes;
}

test('every quick fix on generated claim documents (X12/CSV/FHIR/prose, assorted layouts) changes only what it says', () => {
  const fixes = fixGenerated({ x12Descriptions: true }, 300);
  console.log(`fix integrity (generated documents): ${fixes} fixes applied and checked`);
  assert.ok(fixes > 0, 'the generated documents produced fixes');
});

test('removing a modifier from an X12 composite keeps SV101-7 (the description) in place', () => {
  const file = fixture('robustness', 'found', 'sv101-7-shift.837');
  const service = createService({ codeset: coreSet(), guidance: shippedGuidance(), today: () => TODAY });
  const doc = TextDocument.create(`file://${file}`, 'x12', 1, readFileSync(file, 'utf8'));
  const fixes = service.findings(doc).flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix })));
  assert.ok(fixes.some(({ fix }) => /^Remove/.test(fix.title)), 'a removal fix to check');
  for (const { finding, fix } of fixes) checkFix(service, doc, finding, fix, `sv101-7-shift.837 ${finding.ruleId} "${fix.title}"`);
});
