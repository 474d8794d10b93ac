// Files above the size limit are read a window at a time: the claims a window reads must be the
// very claims a full read gives, whatever position or range is asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { readX12 } from '../../../server/src/documents/x12';
import { readX12Window } from '../../../server/src/documents/x12-window';
import { createService } from '../../../server/src/service';
import { loadGuidance } from '../../../server/src/features/guidance';
import { defaultSettings } from '../../../server/src/settings';
import { coreCodeSet } from '../../support/codesets';
import { generate837p } from '../../../bench/generate/index';
import { samplesDir } from '../../support/paths';
import { reasons } from '../../support/needs';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

/** at every code, the window's claims are the full read's claims that hold that offset */
function checkWindows(text: string, label: string): number {
  const full = readX12(text);
  let checked = 0;
  for (const claim of full.claims) {
    if (claim.lines.length === 0 || /^(CLM|CLP)/.test(text.slice(claim.range.start, claim.range.start + 3)) === false) continue;
    for (const line of claim.lines) {
      const window = readX12Window(text, line.code.range.start, line.code.range.start);
      assert.deepEqual(plain(window.claims), plain([claim]), `${label}: window at ${line.code.value} (${line.code.range.start})`);
      checked++;
    }
  }
  return checked;
}

test('a window at any code reads exactly the claim a full read gives (generated 837P)', () => {
  const { text } = generate837p({ seed: 7, targetBytes: 200_000 });
  assert.ok(checkWindows(text, 'generated') > 100);
});

test('a window over a range reads every claim it touches', () => {
  const { text } = generate837p({ seed: 8, targetBytes: 100_000 });
  const full = readX12(text);
  const [a, b] = [full.claims[3], full.claims[6]];
  const window = readX12Window(text, a.lines[0].code.range.start, b.lines[0].code.range.start);
  assert.deepEqual(plain(window.claims), plain(full.claims.slice(3, 7)));
});

test('windows in the real 837 and 835 samples match the full read', (t) => {
  const dir = samplesDir();
  if (!dir) return t.skip(reasons.samples);
  let checked = 0;
  for (const kind of ['837p', '837i', '835']) {
    for (const name of readdirSync(join(dir, kind))) checked += checkWindows(readFileSync(join(dir, kind, name), 'utf8'), name);
  }
  assert.ok(checked > 1500, `${checked} windows checked`);
});

test('positions outside any claim, and text that is not X12, give an empty window', () => {
  const { text } = generate837p({ seed: 9, targetBytes: 20_000 });
  for (const at of [0, text.indexOf('GS'), text.indexOf('NM1')]) assert.equal(readX12Window(text, at, at).claims.length, 0, `at ${at}`);
  assert.equal(readX12Window('just a note about J7507', 5, 5).claims.length, 0);
});

test('above the size limit the service reads windows: hover works, one notice, no whole model', () => {
  const { text } = generate837p({ seed: 10, targetBytes: 60_000 });
  const codeset = coreCodeSet();
  const service = createService({ codeset, guidance: loadGuidance({}), today: () => '2025-11-20', settings: { ...defaultSettings, maxValidationBytes: 10_000 } });
  const doc = TextDocument.create('file:///big.837', 'x12', 1, text);
  assert.deepEqual(service.findings(doc).map((f) => f.ruleId), ['file-too-large']);
  assert.equal(service.model(doc).claims.length, 0, 'no whole model is built');
  const at = text.indexOf('HC:J7507') + 4;
  const hover = service.hover(doc, doc.positionAt(at));
  assert.match((hover?.contents as MarkupContent).value, /Tacrolimus, immediate release, oral, 1 mg/);
  assert.ok(service.inlayHints(doc, { start: doc.positionAt(at - 500), end: doc.positionAt(at + 500) }).length > 0);
});
