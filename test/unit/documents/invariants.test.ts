// Properties every document must keep, checked over every sample and fixture file:
// ranges inside the text, spans equal to the text, modifier/units slots that really work,
// and no exception on damaged input (truncated, mutated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/documents/index';
import type { ClaimDocument } from '../../../server/src/model';
import { fixture, samplesDir } from '../../support/paths';
import { allLines, checkInvariants, insertAt } from './support';
import { reasons } from '../../support/needs';

function files(): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  const dir = samplesDir();
  if (dir) for (const d of readdirSync(dir)) if (statSync(join(dir, d)).isDirectory()) for (const f of readdirSync(join(dir, d))) out.push({ name: `samples/${d}/${f}`, path: join(dir, d, f) });
  for (const f of readdirSync(fixture('documents'))) out.push({ name: `fixtures/${f}`, path: fixture('documents', f) });
  return out;
}

/** inserting a modifier at every line's slot adds exactly that modifier to exactly that line */
function checkModifierSlots(text: string, doc: ClaimDocument, uri: string): void {
  const lines = allLines(doc);
  lines.forEach((line, i) => {
    const slot = line.modifierSlot;
    if (!slot) return;
    const edited = parseDocument(insertAt(text, slot.offset, slot.prefix + 'GA' + slot.suffix), { uri });
    const after = allLines(edited);
    assert.equal(after.length, lines.length, `slot of line ${i} keeps the line count`);
    assert.deepEqual(after[i].modifiers.map((m) => m.value), [...line.modifiers.map((m) => m.value), 'GA'], `slot of line ${i} (${line.code.value})`);
    assert.equal(after[i].code.value, line.code.value);
    assert.equal(after[i].units?.value, line.units?.value);
    assert.equal(edited.problems.length, doc.problems.length, 'no new problems');
  });
}

function checkUnitsSlots(text: string, doc: ClaimDocument, uri: string): void {
  allLines(doc).forEach((line, i) => {
    if (!line.unitsSlot) return;
    assert.equal(line.units, undefined);
    const edited = parseDocument(insertAt(text, line.unitsSlot.offset, line.unitsSlot.prefix + '7' + line.unitsSlot.suffix), { uri });
    assert.equal(allLines(edited)[i].units?.value, 7);
  });
}

for (const f of files()) {
  test(`invariants: ${f.name}`, () => {
    const text = readFileSync(f.path, 'utf8');
    const uri = `file:///${f.name}`;
    const doc = parseDocument(text, { uri });
    checkInvariants(text, doc);
    checkModifierSlots(text, doc, uri);
    checkUnitsSlots(text, doc, uri);
  });
}

test('invariants: samples are present or the sample rows are skipped', (t) => {
  if (!samplesDir()) return t.skip(reasons.samples);
  assert.ok(files().filter((f) => f.name.startsWith('samples/')).length >= 18);
});

/** a small deterministic generator, so a failure can be replayed */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NASTY = ['*', '~', ':', '>', '^', '"', ',', '|', '\n', '\r', '{', '}', '[', ']', '\\', '\uFEFF', '\u0000', 'ISA', 'SV1*', 'HC:', 'J7507', '-', ' x '];

for (const f of files()) {
  test(`damaged input never throws: ${f.name}`, () => {
    const original = readFileSync(f.path, 'utf8').slice(0, 20000);
    const next = random(original.length);
    for (let round = 0; round < 40; round++) {
      let text = original;
      const cut = Math.floor(next() * text.length);
      if (round % 4 === 0) text = text.slice(0, cut);
      else if (round % 4 === 1) text = text.slice(cut);
      else {
        for (let k = 0; k < 8; k++) {
          const at = Math.floor(next() * text.length);
          const what = NASTY[Math.floor(next() * NASTY.length)];
          text = next() < 0.5 ? insertAt(text, at, what) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
        }
      }
      for (const hint of [{ uri: `file:///${f.name}` }, { languageId: 'x12' }, { languageId: 'csv' }, { languageId: 'json' }, { languageId: 'plaintext' }]) {
        const doc = parseDocument(text, hint);
        assert.ok(!doc.problems.some((p) => p.id === 'reader-failed'), `${JSON.stringify(hint)} round ${round}: ${doc.problems.find((p) => p.id === 'reader-failed')?.message}`);
        checkInvariants(text, doc, false);
      }
    }
  });
}
