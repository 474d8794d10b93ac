// Diagnosis pointers over the real protocol: the server announces go to definition; from an SV107
// pointer it lands on the HI code the pointer names; hover on a pointer names that diagnosis; the
// diagnosis checks arrive as diagnostics, and an edit that repairs a pointer clears its finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Location } from 'vscode-languageserver-types';
import { startSession } from '../support/lsp-session';
import { x12_837p } from '../support/x12';

const body = ['CLM*P1*100***11:B:1*Y*A*Y*Y', 'HI*ABK:E119*ABF:I10', 'LX*1', 'SV1*HC:J1745:JZ*300*UN*10***1:2', 'DTP*472*D8*20251105', 'LX*2', 'SV1*HC:J7507*10*UN*1***3', 'DTP*472*D8*20251105'];
const text = x12_837p(body);

test('diagnosis pointers over the protocol: definition, hover, diagnostics', async () => {
  const session = await startSession();
  try {
    await session.waitForRelease();
    assert.equal(session.initializeResult.capabilities.definitionProvider, true);
    const uri = session.open('pointers.837', 'x12', text);
    const doc = TextDocument.create(uri, 'x12', 1, text);
    const diagnostics = await session.diagnostics(uri);
    const pointerFindings = diagnostics.filter((d) => d.code === 'invalid-diagnosis-pointer');
    assert.equal(pointerFindings.length, 1, JSON.stringify(diagnostics));
    assert.equal(doc.getText(pointerFindings[0]!.range), '3');

    const pointer2 = doc.positionAt(text.indexOf('***1:2~') + 5);
    const location = await session.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: pointer2 });
    assert.ok(location, 'a definition');
    assert.equal(location.uri, uri);
    assert.equal(doc.getText(location.range), 'I10');
    assert.equal(doc.offsetAt(location.range.start), text.indexOf('ABF:I10') + 4);

    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pointer2 });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.equal(value, '**Diagnosis pointer 2** → **I10** (HI position 2, ABF: other diagnosis)');
    assert.ok(hover?.range);
    assert.equal(doc.getText(hover.range), '2');

    const pointer3 = doc.positionAt(text.indexOf('***3~') + 3);
    assert.equal(await session.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: pointer3 }), null);
    const missing = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pointer3 });
    assert.match(missing && typeof missing.contents === 'object' && 'value' in missing.contents ? missing.contents.value : '', /names no diagnosis/);
    const onCode = await session.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: doc.positionAt(text.indexOf('J1745') + 1) });
    assert.equal(onCode, null);

    // repair the pointer in place (an edit inside one claim): the finding goes
    const fixed = text.replace('***3~', '***2~');
    session.change(uri, fixed);
    const after = await session.diagnostics(uri, 2);
    assert.deepEqual(after.filter((d) => String(d.code).includes('diagnosis')), []);
  } finally {
    await session.stop();
  }
});
