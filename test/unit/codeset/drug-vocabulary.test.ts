// The drug vocabulary: names read from descriptors that are ordinary English never count as drugs;
// real drug names (even ones that are also words, like insulin or iron) do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDrugVocabulary } from '../../../server/src/codeset/drug-vocabulary';
import { drugInfoOf } from '../../../server/src/codeset/drugs';
import type { CodeRecord } from '../../../server/src/codeset/types';
import { fullCodeSet } from '../../support/codesets';
import { needs } from '../../support/needs';

const rec = (code: string, long: string): CodeRecord => ({ code, short: '', long, pricing: ['51'], xrefs: [], tos: [] });

test('drug vocabulary: ordinary words are not drug names; drug names are', () => {
  const rows: [string, boolean][] = [
    ['procedure', false], ['most', false], ['health', false], ['skin', false], ['water', false], ['complete', false],
    ['total', false], ['high', false], ['days', false], ['vaccine', false], ['matrix', false], ['ab', false],
    ['tacrolimus', true], ['sirolimus', true], ['insulin', true], ['iron', true], ['heparin', true], ['dextrose', true],
    ['normal saline', true], ['complete sl', true], ['penicillin g benzathine', true],
  ];
  for (const [word, expected] of rows) assert.equal(isDrugVocabulary(word), expected, word);
});

test('drug vocabulary: descriptors that yield ordinary words give no such name', () => {
  // [code, descriptor, a name it must not give, a name it must still give (or '')]
  const rows: [string, string, string, string][] = [
    ['Q4328', 'Most, per square centimeter', 'most', ''],
    ['Q4224', 'Human health factor 10 amniotic patch (hhf10-p), per square centimeter', 'health', ''],
    ['Q4100', 'Skin substitute, not otherwise specified', 'skin', ''],
    ['J7060', '5% dextrose/water (500 ml = 1 unit)', 'water', 'dextrose'],
    ['Q4270', 'Complete sl, per square centimeter', 'complete', 'complete sl'],
    ['G0259', 'Injection procedure for sacroiliac joint; arthrography', 'procedure', ''],
    ['J7507', 'Tacrolimus, immediate release, oral, 1 mg', 'most', 'tacrolimus'],
  ];
  for (const [code, long, absent, present] of rows) {
    const names = drugInfoOf(rec(code, long))?.drugs ?? [];
    assert.ok(!names.includes(absent), `${code}: ${absent} in ${names.join('|')}`);
    if (present) assert.ok(names.includes(present), `${code}: ${present} missing from ${names.join('|')}`);
  }
});

// the vocabulary of every descriptor: the excerpts' few would hide an ordinary word that some drug's descriptor makes a drug name
test('drug vocabulary: in the real release no ordinary word is a drug name', { skip: needs.allReleases }, () => {
  const cs = fullCodeSet();
  for (const w of ['procedure', 'most', 'health', 'skin', 'water', 'complete', 'total', 'days', 'high', 'diagnostic']) {
    assert.equal(cs.isDrugName(w), false, w);
  }
  for (const w of ['tacrolimus', 'sirolimus', 'everolimus', 'cyclosporine', 'mycophenolate', 'insulin']) assert.equal(cs.isDrugName(w), true, w);
});
