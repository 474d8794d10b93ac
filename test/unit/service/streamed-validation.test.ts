// Validation in slices gives exactly what one read and one check pass give: the same findings
// (streamed, each claim dropped once checked) and the same model (kept), for every X12 fixture and
// sample and for generated files; CSV, FHIR and prose are checked in slices over their model. A request
// on a document whose validation is in progress answers without finishing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createService } from '../../../server/src/service';
import { capFindings, checkPass, runChecks } from '../../../server/src/checks/index';
import { parseDocument, detectFormat } from '../../../server/src/documents/index';
import { readX12 } from '../../../server/src/documents/x12';
import { modelTask, x12Task, X12_SLICE_CHARS, type TaskInput, type ValidationTask } from '../../../server/src/validation';
import { loadGuidance } from '../../../server/src/features/guidance';
import { defaultSettings } from '../../../server/src/settings';
import { generate837p } from '../../../bench/generate/index';
import { coreCodeSet, fullCodeSet } from '../../support/codesets';
import { repoRoot, samplesDir } from '../../support/paths';
import { plainModel } from '../../support/plain-model';
import type { ClaimDocument } from '../../../server/src/model';

const codeset = fullCodeSet() ?? coreCodeSet();
const today = '2025-11-20';
const isDrugName = (w: string) => codeset.isDrugName(w);

function files(dir: string | undefined): string[] {
  if (!dir) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const f of files(p)) out.push(f);
    else out.push(p);
  }
  return out;
}

interface Row {
  name: string;
  text: string;
  languageId: string;
}

const languageOf = (path: string) => (/\.(837|835|edi|x12)$/.test(path) ? 'x12' : path.endsWith('.csv') ? 'csv' : path.endsWith('.json') ? 'json' : 'markdown');
const fileRows = (dir: string | undefined): Row[] =>
  files(dir).map((p) => ({ name: relative(dir!, p), text: readFileSync(p, 'utf8'), languageId: languageOf(p) }));

const generated: Row[] = [
  // several interchanges and transactions; above one slice, so the read really goes in pieces
  { name: 'generated 837P, seed 1, 600 kB', text: generate837p({ seed: 1, targetBytes: 600_000 }).text, languageId: 'x12' },
  { name: 'generated 837P, seed 2, 40 kB', text: generate837p({ seed: 2, targetBytes: 40_000 }).text, languageId: 'x12' },
  { name: 'generated 837P, every line with a problem', text: generate837p({ seed: 3, targetBytes: 300_000, problemRate: 1 }).text, languageId: 'x12' },
];
const rows: Row[] = [...fileRows(join(repoRoot, 'test', 'fixtures')), ...fileRows(samplesDir()), ...generated];
const isX12 = (row: Row) => detectFormat(row.text, { languageId: row.languageId, uri: `file:///${row.name}` }) === 'x12';
const input = (text: string): TaskInput => ({ text, codeset, settings: defaultSettings, today });

function runToEnd(task: ValidationTask): number {
  let steps = 1;
  while (!task.step()) steps++;
  return steps;
}

test('X12: streamed findings (no model kept) and the kept model equal one read and one check pass', () => {
  let checked = 0;
  for (const row of rows.filter(isX12)) {
    const model = readX12(row.text, { isDrugName });
    const expected = runChecks({ document: model, text: row.text, codeset, settings: defaultSettings, today });

    let streamedModelClaims = -1;
    const streamed = x12Task(input(row.text), { isDrugName }, model.kind, false, (_f, m) => (streamedModelClaims = m.claims.length + m.mentions.length));
    const steps = runToEnd(streamed);
    // without the model only the findings shown are kept
    assert.deepEqual(streamed.findings, capFindings(expected), `${row.name}: streamed findings`);
    assert.equal(streamedModelClaims, 0, `${row.name}: no claim or mention of one kept`);
    assert.equal(steps, Math.max(1, Math.ceil(row.text.length / X12_SLICE_CHARS)), `${row.name}: one step per slice`);

    let keptModel: ClaimDocument | undefined;
    const kept = x12Task(input(row.text), { isDrugName }, model.kind, true, (_f, m) => (keptModel = m));
    runToEnd(kept);
    assert.deepEqual(kept.findings, expected, `${row.name}: findings with the model kept`);
    // its claims are compact: their lines and diagnoses, read again from the text, are the ones read first
    assert.deepEqual(plainModel(keptModel!), model, `${row.name}: model`);
    checked++;
  }
  assert.ok(checked >= 12 + generated.length, `${checked} X12 files`);
});

// a pass that keeps only the first findings: exactly the capped list of a pass that keeps all,
// whatever the cut (reader problems and envelope findings join the lines' at the end)
const keepRows: { name: string; keep: number }[] = [
  { name: 'none kept', keep: 0 },
  { name: 'one', keep: 1 },
  { name: 'seven', keep: 7 },
  { name: 'a hundred', keep: 100 },
  { name: 'a thousand', keep: 1000 },
  { name: 'more than there are (twin: nothing cut, no summary)', keep: 1_000_000 },
];

test('a check pass that keeps the first N findings equals the capped list of one that keeps all', () => {
  const dense = generated.find((r) => r.name.includes('every line'))!;
  const damaged = dense.text.replace(/~SE\*\d+\*/, '~SE*1*').replace('~GE*', '~GE*99*');
  for (const text of [dense.text, damaged]) {
    const model = readX12(text, { isDrugName });
    const ctx = { document: model, text, codeset, settings: defaultSettings, today };
    const all = runChecks(ctx);
    assert.ok(all.length > 1000, `${all.length} findings`);
    if (text !== dense.text) assert.ok(all.some((f) => f.ruleId === 'x12-segment-count'), 'the damaged SE01 is found');
    for (const row of keepRows) {
      const pass = checkPass(ctx, { keep: row.keep });
      for (const claim of model.claims) pass.claim(claim);
      const kept = pass.finish();
      assert.deepEqual(kept, capFindings(all, row.keep), row.name);
      assert.equal(kept.at(-1)?.ruleId === 'too-many-findings', all.length > row.keep, `${row.name}: summary`);
    }
  }
});

test('CSV, FHIR and prose: checks in slices equal one check pass', () => {
  let checked = 0;
  for (const row of rows.filter((r) => !isX12(r))) {
    const model = parseDocument(row.text, { languageId: row.languageId, uri: `file:///${row.name}`, isDrugName });
    const expected = runChecks({ document: model, text: row.text, codeset, settings: defaultSettings, today });
    let done: unknown;
    const task = modelTask(input(row.text), model, (f) => (done = f));
    runToEnd(task);
    assert.deepEqual(task.findings, expected, row.name);
    assert.equal(done, task.findings, `${row.name}: handed over`);
    checked++;
  }
  assert.ok(checked >= 10, `${checked} files`);
});

test('the service: findings equal one pass whether the X12 model is kept or not, and edits still re-check one claim', () => {
  for (const row of generated) {
    const expected = runChecks({ document: readX12(row.text, { isDrugName }), text: row.text, codeset, settings: defaultSettings, today });
    for (const wholeModelBytes of [undefined, 1000]) {
      const service = createService({ codeset, guidance: loadGuidance({}), today: () => today, wholeModelBytes });
      const doc = TextDocument.create('file:///claims.837', 'x12', 1, row.text);
      assert.deepEqual(service.findings(doc), capFindings(expected), `${row.name}, whole model above ${wholeModelBytes ?? 'default'}`);
      assert.equal(service.model(doc).claims.length > 0, wholeModelBytes === undefined, `${row.name}: model kept only below the limit`);
      // an edit in one claim's units: the same findings as a fresh read of the new text
      const at = row.text.indexOf('*UN*', row.text.length >> 1) + 4;
      const edited = row.text.slice(0, at) + '7' + row.text.slice(at);
      const next = TextDocument.create('file:///claims.837', 'x12', 2, edited);
      const fresh = runChecks({ document: readX12(edited, { isDrugName }), text: edited, codeset, settings: defaultSettings, today });
      assert.deepEqual(service.findings(next), capFindings(fresh), `${row.name}: after an edit, whole model above ${wholeModelBytes ?? 'default'}`);
    }
  }
});

test('a request while a validation is in progress answers from the claims around it, without finishing it', () => {
  const { text } = generate837p({ seed: 4, targetBytes: 1_500_000 });
  for (const wholeModelBytes of [undefined, 1000]) {
    const service = createService({ codeset, guidance: loadGuidance({}), today: () => today, settings: { ...defaultSettings }, wholeModelBytes });
    const doc = TextDocument.create('file:///big.837', 'x12', 1, text);
    const task = service.validation(doc);
    assert.equal(task.step(), false, 'one slice is not the whole file');
    const at = text.lastIndexOf('HC:J7507') + 4;
    const hover = service.hover(doc, doc.positionAt(at));
    assert.match((hover?.contents as MarkupContent).value, /Tacrolimus/);
    assert.equal(task.findings, undefined, 'the hover did not run the validation');
    assert.equal(service.validation(doc), task, 'one task per version');
    runToEnd(task);
    assert.ok(task.findings!.length > 0);
    assert.equal(service.diagnostics(doc).length, task.findings!.length, 'diagnostics after the task answer from it');
  }
});
