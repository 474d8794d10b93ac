// Minimized inputs that once broke an invariant (test/fixtures/robustness/found/, see FOUND.md):
// each goes through the whole service (findings, diagnostics, symbols, hints, hover/completion/
// actions at every code) and every answer must lie inside the document, ranges in order.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../server/src/service';
import { coreSet, shippedGuidance } from '../unit/features/support';
import { fixture } from '../support/paths';
import { anchorsOf, assertOffsetsInside, assertPositionsInside } from '../support/fuzz';

const rows: { file: string; languageId: string; todo?: string }[] = [
  { file: 'too-many-modifiers-reversed.csv', languageId: 'csv' },
  { file: 'sv101-7-shift.837', languageId: 'x12' },
];

for (const row of rows) {
  test(`found: ${row.file} keeps every range inside the document and in order`, { todo: row.todo }, () => {
    const text = readFileSync(fixture('robustness', 'found', row.file), 'utf8');
    const doc = TextDocument.create(`file:///w/${row.file}`, row.languageId, 1, text);
    const service = createService({ codeset: coreSet(), guidance: shippedGuidance(), today: () => '2025-11-05' });
    assertOffsetsInside(service.model(doc), text.length, 'model');
    assertOffsetsInside(service.findings(doc), text.length, 'findings');
    const whole = { start: doc.positionAt(0), end: doc.positionAt(text.length) };
    assertPositionsInside(service.diagnostics(doc), doc, 'diagnostics');
    assertPositionsInside(service.documentSymbols(doc), doc, 'symbols');
    assertPositionsInside(service.inlayHints(doc, whole), doc, 'inlay hints');
    for (const [start, end] of anchorsOf(text)) {
      const position = doc.positionAt(end!);
      assertPositionsInside(service.hover(doc, doc.positionAt(start!)), doc, 'hover');
      assertPositionsInside(service.completion(doc, position), doc, 'completion');
      assertPositionsInside(service.codeActions(doc, { start: doc.positionAt(start!), end: position }), doc, 'code actions');
    }
  });
}
