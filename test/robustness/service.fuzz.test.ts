// The whole pure service on hostile text: diagnostics, symbols and inlay hints for the document,
// hover, completion (+ resolve) and code actions at random positions. Nothing may throw, every
// position must lie inside the document, and a second, fresh service must answer the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, type HcpcsService } from '../../server/src/service';
import type { CodeSet } from '../../server/src/codeset/types';
import { coreSet, fullSet, shippedGuidance } from '../unit/features/support';
import { samplesDir } from '../support/paths';
import {
  LANGUAGE_IDS,
  URI_FOR_LANGUAGE,
  anchorsOf,
  assertOffsetsInside,
  assertPositionsInside,
  bytesAsText,
  claimDocument,
  claimishText,
  featurePosition,
  fuzzParams,
  mutateAll,
  mutationArb,
  pathOf,
  positionAt,
  walk,
  type Mutation,
} from '../support/fuzz';
import { needs } from '../support/needs';
import { plainModel } from '../support/plain-model';

const TODAY = '2025-11-05';
const codesets: { name: string; codeset: () => CodeSet }[] = [
  { name: 'core', codeset: coreSet },
  { name: 'full', codeset: fullSet },
];

function newService(codeset: CodeSet): HcpcsService {
  return createService({ codeset, guidance: shippedGuidance(), today: () => TODAY });
}

/** everything the service answers for one document at the given positions (fractions of the text) */
function everything(service: HcpcsService, doc: TextDocument, at: number[]) {
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
  const anchors = anchorsOf(doc.getText());
  const findings = service.findings(doc);
  const out = {
    findings,
    diagnostics: service.diagnostics(doc),
    symbols: service.documentSymbols(doc),
    hints: service.inlayHints(doc, whole),
    at: at.map((f) => {
      const position = featurePosition(doc, f, anchors);
      const completion = service.completion(doc, position);
      const near = { start: position, end: doc.positionAt(doc.offsetAt(position) + 40) };
      return {
        position,
        hover: service.hover(doc, position),
        completion,
        resolved: completion.items.slice(0, 3).map((item) => service.resolveCompletion(structuredClone(item))),
        actions: service.codeActions(doc, near),
      };
    }),
  };
  return out;
}

const PLACEHOLDER = /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/;

/** no "undefined", "NaN", "null" or "[object Object]" in any text shown to the user (unless the document itself says it) */
function assertNoLeakedPlaceholders(answers: unknown, text: string, label: string): void {
  if (PLACEHOLDER.test(text)) return;
  const shown = new Set(['value', 'message', 'label', 'detail', 'documentation', 'title', 'name', 'tooltip', 'newText', 'insertText', 'filterText']);
  walk(answers, (o, where) => {
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (shown.has(key) && typeof v === 'string' && PLACEHOLDER.test(v)) assert.fail(`${label} ${pathOf(where)}.${key} shows a placeholder: ${JSON.stringify(v.slice(0, 300))}`);
    }
  });
}

/** the helper every row goes through: two fresh services, same answers, all inside the document */
function checkService(codeset: CodeSet, text: string, languageId: string, uri: string, at: number[]) {
  const doc = TextDocument.create(uri, languageId, 1, text);
  const first = everything(newService(codeset), doc, at);
  assertOffsetsInside(first.findings, text.length, `${languageId} findings`);
  const { findings: _ignored, ...lsp } = first;
  assertPositionsInside(lsp, doc, languageId);
  assertNoLeakedPlaceholders(lsp, text, languageId);
  const second = everything(newService(codeset), TextDocument.create(uri, languageId, 1, text), at);
  assert.deepEqual(second, first, `${languageId}: same text, same answers`);
}

const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 });
const uriFor = (languageId: string, pick: number) => {
  const list = URI_FOR_LANGUAGE[languageId] ?? ['file:///w/a.dat'];
  return list[pick % list.length]!;
};

for (const { name, codeset: load } of codesets) {
  test(`service (${name} code set): random claim-ish text and bytes at random positions`, () => {
    const codeset = load();
    fc.assert(
      fc.property(fc.oneof(claimishText(), bytesAsText()), fc.constantFrom(...LANGUAGE_IDS), fc.nat(), fractions, (text, languageId, pick, at) => {
        checkService(codeset, text, languageId, uriFor(languageId, pick), at);
      }),
      fuzzParams(name === 'core' ? 250 : 150),
    );
  });
}

test('service on generated claim documents (well-formed, random lines): hover, completion, actions at codes', () => {
  const codeset = fullSet() ?? coreSet();
  fc.assert(
    fc.property(claimDocument(), fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (generated, at) => {
      checkService(codeset, generated.text, generated.languageId, generated.uri, at);
    }),
    fuzzParams(150),
  );
});

/** one service kept across versions (incremental re-validation) must answer what a fresh one answers */
function checkIncremental(codeset: CodeSet, uri: string, languageId: string, versions: string[]): void {
  const kept = newService(codeset);
  versions.forEach((text, i) => {
    const doc = TextDocument.create(uri, languageId, i + 1, text);
    const fresh = newService(codeset);
    const twin = TextDocument.create(uri, languageId, 1, text);
    assert.deepEqual(kept.findings(doc), fresh.findings(twin), `version ${i + 1}: findings after the edit equal a fresh read`);
    assert.deepEqual(plainModel(kept.model(doc)), plainModel(fresh.model(twin)), `version ${i + 1}: model after the edit equals a fresh read`);
    assertOffsetsInside(kept.findings(doc), text.length, `version ${i + 1} findings`);
  });
}

const editsArb = fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 });
const versionsOf = (text: string, edits: Mutation[][]) => edits.reduce<string[]>((vs, ms) => [...vs, mutateAll(vs[vs.length - 1]!, ms)], [text]);

test('incremental re-validation after random edits equals a fresh read (generated documents)', () => {
  const codeset = fullSet() ?? coreSet();
  fc.assert(
    fc.property(claimDocument(), editsArb, (generated, edits) => {
      checkIncremental(codeset, generated.uri, generated.languageId, versionsOf(generated.text, edits));
    }),
    fuzzParams(200),
  );
});

test('incremental re-validation after random edits equals a fresh read (X12 samples)', (t) => {
  const x12 = samples().filter((s) => s.languageId === 'x12');
  if (needs.samples) return t.skip(needs.samples);
  assert.ok(x12.length, 'the samples are there');
  const codeset = fullSet() ?? coreSet();
  fc.assert(
    fc.property(fc.constantFrom(...x12), editsArb, (sample, edits) => {
      checkIncremental(codeset, `file:///w/${sample.name}`, 'x12', versionsOf(sample.text, edits));
    }),
    fuzzParams(150),
  );
});

function samples(): { name: string; languageId: string; text: string }[] {
  const dir = samplesDir();
  if (!dir) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .sort()
        .map((name) => {
          const ext = extname(name).toLowerCase();
          const languageId = ext === '.json' ? 'json' : ext === '.csv' || ext === '.psv' ? 'csv' : 'x12';
          return { name: `${d.name}/${name}`, languageId, text: readFileSync(join(dir, d.name, name), 'utf8').slice(0, 12_000) };
        }),
    );
}

test('service on mutated real samples (full code set when there, else core)', (t) => {
  const all = samples();
  if (needs.samples) return t.skip(needs.samples);
  assert.ok(all.length, 'the samples are there');
  const codeset = fullSet() ?? coreSet();
  fc.assert(
    fc.property(fc.constantFrom(...all), fc.array(mutationArb, { maxLength: 6 }), fractions, (sample, mutations, at) => {
      checkService(codeset, mutateAll(sample.text, mutations), sample.languageId, `file:///w/${sample.name}`, at);
    }),
    fuzzParams(120),
  );
});

// 10 MB as one X12 line; prose is 2 MB because each of its 58k code mentions becomes a symbol and a
// hover target (the 10 MB prose line is covered by the reader test)
test('service on a 10 MB single line, a 2 MB prose line and 100k-deep JSON: answers, positions inside', () => {
  const service = newService(coreSet());
  const rows: [string, string][] = [
    ['plaintext', 'J7507-KX x 5 units tacrolimus 5 mg; '.repeat(Math.ceil((2 * 1024 * 1024) / 36))],
    ['x12', 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~' + 'SV1*HC:J7507:KX*1*UN*5*'.repeat(450_000)],
    ['json', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['json', '{"item":[' + '{"productOrService":{"coding":[{"code":"J7507"}]},"extension":['.repeat(20_000)],
  ];
  for (const [languageId, text] of rows) {
    const doc = TextDocument.create(`file:///w/huge-${languageId}`, languageId, 1, text);
    const diagnostics = service.diagnostics(doc);
    assertPositionsInside(diagnostics.slice(0, 1000), doc, `${languageId} diagnostics`);
    for (const f of [0, 0.5, 1]) {
      const position = positionAt(doc, f);
      assertPositionsInside(service.hover(doc, position), doc, `${languageId} hover`);
      assertPositionsInside(service.completion(doc, position).items.slice(0, 50), doc, `${languageId} completion`);
    }
    assertPositionsInside(service.documentSymbols(doc).slice(0, 100), doc, `${languageId} symbols`);
    service.forget(doc.uri);
  }
});
