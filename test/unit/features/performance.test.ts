// Hover on a 10 MB 837P must stay under 5 ms at p99 (after the first request, which builds the
// per-model line index). Completion and inlay hints for a screenful are measured the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generate837p } from '../../../bench/generate/index';
import { parseDocument } from '../../../server/src/documents/index';
import { defaultSettings } from '../../../server/src/settings';
import { hover } from '../../../server/src/features/hover';
import { complete } from '../../../server/src/features/completion';
import { inlayHints } from '../../../server/src/features/inlay-hints';
import { documentSymbols } from '../../../server/src/features/symbols';
import type { FeatureContext } from '../../../server/src/features/context';
import { coreSet, shippedGuidance, TODAY } from './support';

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] as number;
}

/** deterministic pseudo-random picks */
function picker(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

test('features on a 10 MB 837P: hover p99 < 5 ms; completion and inlay hints measured', () => {
  const generated = generate837p({ seed: 20251105, targetBytes: 10 * 1024 * 1024 });
  const text = generated.text;
  assert.ok(text.length >= 10 * 1024 * 1024);
  const codeset = coreSet();
  const model = parseDocument(text, { languageId: 'x12', isDrugName: (w) => codeset.isDrugName(w) });
  const ctx: FeatureContext = {
    textDocument: TextDocument.create('file:///big.x12', 'x12', 1, text),
    model,
    codeset,
    settings: defaultSettings,
    today: TODAY,
    findings: [],
    guidance: shippedGuidance(),
  };
  const pick = picker(7);
  const offsets = Array.from({ length: 2000 }, () => (generated.codeOffsets[pick(generated.codeOffsets.length)] as number) + 2);

  let t0 = performance.now();
  assert.ok(hover(ctx, offsets[0] as number), 'hover answers on a code');
  const first = performance.now() - t0;

  // warm up: let the collector settle after parsing 10 MB, and the JIT compile the card code
  for (const offset of offsets.slice(0, 300)) hover(ctx, offset);

  const hovers: number[] = [];
  let answered = 0;
  for (const offset of offsets) {
    t0 = performance.now();
    if (hover(ctx, offset)) answered++;
    hovers.push(performance.now() - t0);
  }
  const completions: number[] = [];
  for (const offset of offsets.slice(0, 500)) {
    t0 = performance.now();
    complete(ctx, offset + 1);
    completions.push(performance.now() - t0);
  }
  const hints: number[] = [];
  for (const offset of offsets.slice(0, 500)) {
    t0 = performance.now();
    inlayHints(ctx, { start: offset, end: offset + 4000 });
    hints.push(performance.now() - t0);
  }
  t0 = performance.now();
  const outline = documentSymbols(ctx);
  const symbolsMs = performance.now() - t0;
  assert.ok(outline.length > 0);
  const report = `outline ${symbolsMs.toFixed(0)} ms; ${(text.length / 1024 / 1024).toFixed(1)} MB, ${generated.lines} lines: first hover ${first.toFixed(1)} ms; hover p99 ${p99(hovers).toFixed(2)} ms (${answered}/${offsets.length} answered); completion p99 ${p99(completions).toFixed(2)} ms; inlay hints (screenful) p99 ${p99(hints).toFixed(2)} ms`;
  console.log(report);
  assert.equal(answered, offsets.length, report);
  assert.ok(p99(hovers) < 5, report);
});
