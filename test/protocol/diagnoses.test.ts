// ICD-10-CM over the protocol: the initialization option icd10Path loads the list, a diagnosis hover
// shows its title and billable flag, a category gets diagnosis-not-billable; a bad path is a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { startSession, type LspSession } from '../support/lsp-session';
import { ICD10_FIXTURE } from '../support/icd10';

const claim = (hi: string) =>
  [
    'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*P*:~',
    'GS*HC*SUBMITTER*RECEIVER*20251105*1200*1*X*005010X222A1~',
    'ST*837*0001*005010X222A1~',
    'BHT*0019*00*1*20251105*1200*CH~',
    'CLM*C1*100***11:B:1*Y*A*Y*Y~',
    `${hi}~`,
    'LX*1~',
    'SV1*HC:J7507*125*UN*5***1~',
    'DTP*472*D8*20251105~',
    'SE*9*0001~',
    'GE*1*1~',
    'IEA*1*000000001~',
  ].join('\n');

async function hoverAt(session: LspSession, uri: string, text: string, token: string): Promise<string> {
  const at = text.indexOf(token);
  const before = text.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1]!.length + 1 };
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return (hover?.contents as { value?: string } | undefined)?.value ?? '';
}

test('icd10Path: the hover shows the ICD-10-CM title and billable flag; a category is a finding', async () => {
  const session = await startSession({ initializationOptions: { storagePath: mkdtempSync(join(tmpdir(), 'hcpcs-icd10-')), icd10Path: ICD10_FIXTURE } });
  try {
    await session.waitForRelease();
    const text = claim('HI*ABK:E119*ABF:E11');
    const uri = session.open('dx.837', 'x12', text);
    const diagnostics = await session.diagnostics(uri);
    const category = diagnostics.filter((d) => d.code === 'diagnosis-not-billable');
    assert.equal(category.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.match(String(category[0]!.message), /E11 is a category heading in ICD-10-CM FY2026/);
    const card = await hoverAt(session, uri, text, 'E119');
    assert.match(card, /\*\*E11\.9\*\* — Type 2 diabetes mellitus without complications/);
    assert.match(card, /\*\*Billable:\*\* yes, valid for submission on the date of service 2025-11-05/);
    assert.match(card, /ICD-10-CM FY2026/);
  } finally {
    await session.stop();
  }
});

test('a bad icd10Path is a warning, never a crash; the server keeps answering', async () => {
  const session = await startSession({ initializationOptions: { storagePath: mkdtempSync(join(tmpdir(), 'hcpcs-icd10-')), icd10Path: join(tmpdir(), 'no-such-icd10-folder') } });
  try {
    await session.waitForRelease();
    const text = claim('HI*ABK:E11');
    const uri = session.open('dx-bad.837', 'x12', text);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.filter((d) => d.code === 'diagnosis-not-billable' || d.code === 'unknown-diagnosis').length, 0, 'no list loaded: nothing fires');
    assert.match(await hoverAt(session, uri, text, 'E11'), /No ICD-10-CM code list is loaded/);
  } finally {
    assert.equal(await session.stop(), 0);
  }
});
