// Every feature over the real claim files in ../shared/samples (read in place, never copied):
// a hover on every code, modifier, NDC and mention answers without "undefined"/"null"/"NaN";
// the outline never shows a patient's name (NM1*IL / NM1*QC names); completion and hints hold up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/features/hover';
import { complete } from '../../../server/src/features/completion';
import { documentSymbols } from '../../../server/src/features/symbols';
import { inlayHints } from '../../../server/src/features/inlay-hints';
import { codeActions } from '../../../server/src/features/code-actions';
import { samplesDir } from '../../support/paths';
import { build, coreSet, fullSet, LEAKS } from './support';
import { reasons } from '../../support/needs';

function sampleFiles(): string[] {
  const dir = samplesDir();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .flatMap((d) => readdirSync(join(dir, d)).map((f) => join(dir, d, f)))
    .sort();
}

const LANG: Record<string, string> = { edi: 'x12', csv: 'csv', psv: 'psv', json: 'json' };

/** last and first names from NM1 segments of patients and subscribers */
function patientNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/NM1\*(?:IL|QC)\*1\*([^*~]*)\*([^*~]*)/g)) names.push(...[m[1], m[2]].filter((n): n is string => !!n && n.length > 2));
  return names;
}

function names(symbols: DocumentSymbol[]): string {
  return symbols.map((s) => `${s.name} ${s.detail ?? ''}\n${names(s.children ?? [])}`).join('');
}

const files = sampleFiles();
if (files.length === 0) {
  test('features over ../shared/samples', (t) => t.skip(reasons.samples));
}
for (const file of files) {
  test(`features over sample ${file.split('/').slice(-2).join('/')}`, () => {
    const text = readFileSync(file, 'utf8');
    const ext = file.split('.').pop() ?? '';
    const { ctx } = build(text, { languageId: LANG[ext] ?? 'plaintext', uri: `file://${file}`, codeset: fullSet() ?? coreSet() });
    const offsets: number[] = [];
    for (const claim of ctx.model.claims) {
      for (const line of claim.lines) {
        offsets.push(line.code.range.start, ...line.modifiers.map((m) => m.range.start));
        if (line.ndc) offsets.push(line.ndc.range.start);
      }
    }
    for (const m of ctx.model.mentions) offsets.push(m.code.range.start);
    let answered = 0;
    for (const offset of offsets) {
      const h = hover(ctx, offset);
      if (!h) continue;
      answered++;
      const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
      assert.doesNotMatch(value, LEAKS, value);
      assert.match(value, /_Source: |here is a diagnosis|here is an identifier/, 'every card says where its facts come from');
      complete(ctx, offset + 1);
      codeActions(ctx, { start: offset, end: offset });
    }
    const lineCount = ctx.model.claims.reduce((n, c) => n + c.lines.length, 0);
    if (lineCount > 0) assert.ok(answered > 0, 'hover answers on the sample codes');
    const outline = names(documentSymbols(ctx));
    assert.doesNotMatch(outline, LEAKS);
    for (const name of patientNames(text)) assert.ok(!outline.includes(name), `patient name ${name} in the outline`);
    for (const hint of inlayHints(ctx, { start: 0, end: text.length })) {
      assert.doesNotMatch(typeof hint.label === 'string' ? hint.label : '', LEAKS);
    }
  });
}
