// What the server publishes is built in slices (line starts, then diagnostics, then their JSON) and
// equals the one-shot conversion: service.diagnostics(doc) and JSON.stringify of it, over every
// format and size, with LF, CRLF and CR line breaks, and above the cap on findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../../server/src/service';
import { LineIndex } from '../../../server/src/features/line-index';
import { documentIndex, documentIndexTask } from '../../../server/src/features/locate';
import { DIAGNOSTICS_PER_SLICE, publicationTask } from '../../../server/src/validation';
import { loadGuidance } from '../../../server/src/features/guidance';
import { defaultSettings } from '../../../server/src/settings';
import { DOCUMENT } from '../../../server/src/base/limits';
import { serializeMessage, SerializedParams } from '../../../server/src/node/guarded-stdio';
import { generate837p, generateCsv, generateFhirBundle, generateProseNote } from '../../../bench/generate/index';
import { coreCodeSet, fullCodeSet } from '../../support/codesets';
import { repoRoot, samplesDir } from '../../support/paths';

const codeset = fullCodeSet() ?? coreCodeSet();
const today = '2025-11-20';
const docsBaseUri = 'file:///docs/rules';

test('LineIndex answers positionAt exactly as TextDocument does, however its scan is sliced', () => {
  const texts = [
    '',
    'a',
    '\n',
    '\r\n',
    '\r',
    'ab\ncd\n',
    'ab\r\ncd\r\nef',
    'ab\rcd\r\r\n\n\nx',
    '\n\r\n\r',
    'ISA*00~\r\nGS*HC~\nST*837~\rSE*1~',
    'no break at all, just text',
  ];
  for (const text of texts) {
    const doc = TextDocument.create('file:///t', 'plaintext', 1, text);
    for (const chunk of [1, 2, 3, 7, Infinity]) {
      const index = new LineIndex(text);
      let steps = 0;
      while (!index.scan(chunk)) steps++;
      assert.ok(steps <= text.length, 'the scan ends');
      for (let offset = -2; offset <= text.length + 2; offset++) {
        assert.deepEqual(index.positionAt(offset), doc.positionAt(offset), `${JSON.stringify(text)} at ${offset}, chunks of ${chunk}`);
      }
    }
  }
});

function files(dir: string | undefined): string[] {
  if (!dir) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
}

interface Row {
  name: string;
  text: string;
  languageId: string;
}

const languageOf = (path: string) => (/\.(837|835|edi|x12|txt)$/.test(path) ? 'x12' : path.endsWith('.csv') ? 'csv' : path.endsWith('.json') ? 'json' : 'markdown');
const crlf = (row: Row): Row => ({ ...row, name: `${row.name} (CRLF)`, text: row.text.replace(/\r?\n/g, '\r\n') });
const cr = (row: Row): Row => ({ ...row, name: `${row.name} (CR)`, text: row.text.replace(/\r?\n/g, '\r') });
const generated: Row[] = [
  { name: '837P 40 kB', text: generate837p({ seed: 2, targetBytes: 40_000 }).text, languageId: 'x12' },
  { name: '837P 1 MB', text: generate837p({ seed: 5, targetBytes: 1_000_000 }).text, languageId: 'x12' },
  // more findings than DOCUMENT.findings: the cap's summary finding is published too
  { name: '837P, every line with a problem, 3 MB', text: generate837p({ seed: 3, targetBytes: 3_000_000, problemRate: 1 }).text, languageId: 'x12' },
  { name: 'CSV 300 kB', text: generateCsv({ seed: 6, targetBytes: 300_000 }).text, languageId: 'csv' },
  { name: 'FHIR 300 kB', text: generateFhirBundle({ seed: 7, targetBytes: 300_000 }).text, languageId: 'json' },
  { name: 'notes 200 kB', text: generateProseNote({ seed: 8, targetBytes: 200_000 }).text, languageId: 'markdown' },
];
const fileRows = (dir: string | undefined): Row[] => files(dir).map((p) => ({ name: relative(dir!, p), text: readFileSync(p, 'utf8'), languageId: languageOf(p) }));
const rows: Row[] = [...fileRows(join(repoRoot, 'test', 'fixtures', 'claims')), ...fileRows(samplesDir()), ...generated, ...generated.slice(0, 2).map(crlf), cr(generated[3]!), crlf(generated[5]!)];

function runToEnd(task: { step(): boolean }): number {
  let steps = 1;
  while (!task.step()) steps++;
  return steps;
}

test('service.publication: sliced diagnostics and their JSON equal the one-shot diagnostics, for every format and size', () => {
  let capped = 0;
  for (const row of rows) {
    const make = () => createService({ codeset, guidance: loadGuidance({}), today: () => today, settings: { ...defaultSettings }, docsBaseUri });
    const doc = TextDocument.create(`file:///${row.name}`, row.languageId, 1, row.text);
    const expected = make().diagnostics(TextDocument.create(doc.uri, row.languageId, 1, row.text));
    const task = make().publication(doc);
    const steps = runToEnd(task);
    assert.deepEqual(task.result!.diagnostics, expected, `${row.name}: diagnostics`);
    assert.equal(task.result!.json, JSON.stringify(expected), `${row.name}: JSON`);
    if (row.text.length > 1_000_000) assert.ok(steps > 10, `${row.name}: ${steps} steps`);
    if (expected.length > DOCUMENT.findings) capped++;
  }
  // fixtures and generated documents; the real samples add about 20 more where ../shared is present
  assert.ok(rows.length >= 14, `${rows.length} documents`);
  assert.ok(capped >= 1, 'a document above the cap');
});

test('publicationTask converts DIAGNOSTICS_PER_SLICE findings per step and hands over nothing before the end', () => {
  const text = generate837p({ seed: 3, targetBytes: 400_000, problemRate: 1 }).text;
  const doc = TextDocument.create('file:///p.837', 'x12', 1, text);
  const service = createService({ codeset, guidance: loadGuidance({}), today: () => today });
  const findings = service.findings(doc);
  assert.ok(findings.length > 3 * DIAGNOSTICS_PER_SLICE, `${findings.length} findings`);
  const task = publicationTask(doc.uri, text, findings);
  let steps = 0;
  while (!task.step()) {
    assert.equal(task.result, undefined);
    steps++;
  }
  // the line scan, then two passes (convert, serialise) of DIAGNOSTICS_PER_SLICE each
  assert.ok(steps >= 2 * Math.floor(findings.length / DIAGNOSTICS_PER_SLICE), `${steps} steps`);
  assert.deepEqual(task.result!.diagnostics, service.diagnostics(doc));
});

test('a message with pre-serialised params is written as JSON.stringify would write it', () => {
  const diagnostics = [{ range: { start: { line: 0, character: 1 }, end: { line: 2, character: 0 } }, message: 'a "quoted" \u2028 message', severity: 2 }];
  const value = { uri: 'file:///a%20b.837', version: 7, diagnostics };
  const params = new SerializedParams(`{"uri":${JSON.stringify(value.uri)},"version":7,"diagnostics":${JSON.stringify(diagnostics)}}`, value);
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
  assert.equal(serializeMessage(message), JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: value }));
  assert.equal(JSON.stringify(message), serializeMessage(message), 'other transports serialise the value');
  const plain = { jsonrpc: '2.0', id: 3, result: null };
  assert.equal(serializeMessage(plain), JSON.stringify(plain));
});

test('the index requests look tokens up in is built by the run, in slices, and equals the one built at once', () => {
  const text = generate837p({ seed: 9, targetBytes: 600_000 }).text;
  const make = () => createService({ codeset, guidance: loadGuidance({}), today: () => today });
  const sliced = make();
  const doc = TextDocument.create('file:///i.837', 'x12', 1, text);
  const task = sliced.publication(doc);
  runToEnd(task);
  const model = sliced.model(doc);
  const built = documentIndex(model);
  const fresh = make();
  const other = TextDocument.create('file:///i.837', 'x12', 1, text);
  assert.deepEqual(built, documentIndex(fresh.model(other)));
  // the claims are compact: they are indexed, their lines are read when an offset falls in one
  assert.ok(built.claims.length > 1000);
  assert.equal(built.lines.length, 0);
  // and the index task on a model indexed already does nothing
  assert.equal(documentIndexTask(model, 10).step(), true);
});
