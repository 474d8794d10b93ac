// The server over stdio, as an editor drives it: initialize -> didOpen -> hover, completion,
// diagnostics, code action -> didChange -> shutdown/exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionList, Hover, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, type LspSession } from '../support/lsp-session';
import { x12_837p } from '../support/x12';

let session: LspSession;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

const claim837 = x12_837p([
  'CLM*PT1001*250***11:B:1*Y*A*Y*Y',
  'HI*ABK:Z940',
  'LX*1',
  'SV1*HC:J7507:KX*125*UN*5***1',
  'DTP*472*D8*20251105',
  'LX*2',
  'SV1*HC:J7520:KX*80*UN*2***1',
  'DTP*472*D8*20251105',
  'LX*3',
  'SV1*HC:J7507*60*UN*5***1',
  'DTP*472*D8*20251105',
  'LX*4',
  'SV1*HC:tacro*60*UN*1***1',
  'DTP*472*D8*20251105',
]);

/** position of the first occurrence of `needle` (plus `delta` characters) */
function at(text: string, needle: string, delta = 1) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  return TextDocument.create('file:///x', 'x12', 1, text).positionAt(offset + delta);
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

test('initialize declares the features and announces the release', async () => {
  const caps = session.initializeResult.capabilities;
  assert.ok(caps.hoverProvider);
  assert.ok(caps.completionProvider);
  assert.ok(caps.codeActionProvider);
  assert.ok(caps.documentSymbolProvider);
  const release = await session.waitForRelease();
  assert.match(release.label, /HCPCS/);
});

test('hover in an 837 shows descriptor, unit and release', async () => {
  const uri = session.open('hover.837', 'x12', claim837);
  const release = await session.waitForRelease();
  const rows: { needle: string; expect: RegExp[] }[] = [
    { needle: 'J7507:KX', expect: [/Tacrolimus, immediate release, oral, 1 mg/, /Billing unit:\*\* 1 unit = 1 mg/, /This line:\*\* 5 units = 5 mg/] },
    { needle: 'J7520', expect: [/Sirolimus, oral, 1 mg/, /Billing unit:\*\* 1 unit = 1 mg/] },
  ];
  for (const row of rows) {
    const text = hoverText(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(claim837, row.needle) }));
    for (const re of row.expect) assert.match(text, re, `${row.needle}: ${text}`);
    // the card names the release in force on the line's date (with several loaded, not always the newest)
    assert.match(text, /_Source: HCPCS Level II/, `${row.needle} hover names the release`);
    assert.match(release.label, /HCPCS Level II/);
    assert.doesNotMatch(text, /undefined|NaN|\bnull\b/);
  }
});

test('hover on J7507 works in a CSV, a FHIR claim and a note', async () => {
  const csv = 'claim_id,service_date,hcpcs,modifier_1,units,ndc\nC1,2025-11-05,J7507,KX,5,00469061711\n';
  const fhir = JSON.stringify(
    {
      resourceType: 'Claim',
      id: 'c1',
      item: [
        {
          sequence: 1,
          productOrService: { coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'J7507' }] },
          servicedDate: '2025-11-05',
          quantity: { value: 5 },
        },
      ],
    },
    null,
    2,
  );
  const note = 'Transplant follow-up: tacrolimus 5 mg daily, billed J7507-KX x 5 units.\n';
  for (const [name, languageId, text] of [
    ['claims.csv', 'csv', csv],
    ['claim.json', 'json', fhir],
    ['note.md', 'markdown', note],
  ] as const) {
    const uri = session.open(name, languageId, text);
    const value = hoverText(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(text, 'J7507') }));
    assert.match(value, /Tacrolimus, immediate release, oral, 1 mg/, name);
    assert.match(value, /Billing unit:\*\* 1 unit = 1 mg/, name);
    assert.match(value, /_Source: HCPCS Level II/, `${name} names the release`);
  }
});

test('completion of "tacro" after HC: offers the tacrolimus codes', async () => {
  const uri = session.open('complete.837', 'x12', claim837);
  const list = await session.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: at(claim837, 'HC:tacro', 'HC:tacro'.length),
  });
  const codes = list.items.map((i) => i.label);
  for (const code of ['J7507', 'J7508', 'J7503']) assert.ok(codes.includes(code), `${code} in ${codes.join(' ')}`);
});

test('diagnostics are published, a quick fix applies, and didChange clears the finding', async () => {
  const uri = session.open('fix.837', 'x12', claim837);
  const diagnostics = await session.diagnostics(uri);
  const missingKx = diagnostics.find((d) => d.code === 'missing-kx');
  assert.ok(missingKx, `missing-kx among ${diagnostics.map((d) => d.code).join(', ')}`);
  assert.equal(missingKx.source, 'hcpcs');

  const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: missingKx.range,
    context: { diagnostics: [missingKx], only: ['quickfix'] },
  });
  const addKx = actions.find((a) => /^Add (modifier )?KX\b/.test(a.title));
  assert.ok(addKx?.edit, `an "Add KX" fix among ${actions.map((a) => a.title).join(' | ')}`);
  const edits = (addKx.edit as WorkspaceEdit).changes![uri] as TextEdit[];
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'x12', 1, claim837), edits);
  assert.ok(fixed.includes('SV1*HC:J7507:KX*60*UN*5'), 'KX added to the third line');
  assert.equal(fixed.length, claim837.length + 3, 'only ":KX" was inserted');

  session.change(uri, fixed);
  const after = await session.diagnostics(uri, 2);
  assert.ok(!after.some((d) => d.code === 'missing-kx'), 'missing-kx is gone after the edit');
});

test('shutdown and exit end the process with code 0', async () => {
  const other = await startSession();
  assert.equal(await other.stop(), 0);
});
