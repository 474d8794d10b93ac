// Inlay hints: descriptor after the code composite and the dose the units mean, only inside the range,
// only where enabled (X12, CSV).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlayHints } from '../../../server/src/features/inlay-hints';
import { defaultSettings } from '../../../server/src/settings';
import { build, LEAKS } from './support';
import { csv, fhir, fhirItem, x12i, x12p } from './samples';

/** expected hints as "text before the hint‸label"; the range is the carets' span (or the whole text) */
function checkHints(marked: string, lang: string, expected: string[], enabled = true): void {
  const settings = { ...defaultSettings, inlayHints: { enabled } };
  const { ctx, carets, text } = build(marked, { languageId: lang, settings, checks: false });
  const range = carets.length === 2 ? { start: carets[0] as number, end: carets[1] as number } : { start: 0, end: text.length };
  const hints = inlayHints(ctx, range);
  const got = hints.map((h) => {
    const at = ctx.textDocument.offsetAt(h.position);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return `${text.slice(lineStart, at)}‸${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`;
  });
  for (const g of got) assert.doesNotMatch(g, LEAKS);
  assert.deepEqual(got, expected);
}

const rows: [string, string, string, string[], boolean?][] = [
  ['837P: descriptor after the composite, dose after the units', x12p('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~\nLX*2~\nSV1*HC:J2357*500*UN*30***1~'), 'x12', [
    'SV1*HC:J7507:KX‸Tacrolimus imme rel oral 1mg',
    'SV1*HC:J7507:KX*125*UN*5‸J7507 ×5 = 5 mg',
    'SV1*HC:J2357‸Omalizumab injection',
    'SV1*HC:J2357*500*UN*30‸J2357 ×30 = 150 mg',
  ]],
  ['837I SV2', x12i('LX*1~\nSV2*0250*HC:J7502*125*UN*4~'), 'x12', ['SV2*0250*HC:J7502‸Cyclosporine oral 100 mg', 'SV2*0250*HC:J7502*125*UN*4‸J7502 ×4 = 400 mg']],
  ['837P: only lines inside the range', x12p('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~\nLX*2~\n‸SV1*HC:J2357*500*UN*30***1~‸'), 'x12', [
    'SV1*HC:J2357‸Omalizumab injection',
    'SV1*HC:J2357*500*UN*30‸J2357 ×30 = 150 mg',
  ]],
  ['837P: NOC code has a descriptor but no dose', x12p('LX*1~\nSV1*HC:J7599*100*UN*1***1~'), 'x12', ['SV1*HC:J7599‸Immunosuppressive drug noc']],
  ['837P: unknown code has no hints', x12p('LX*1~\nSV1*HC:A0425*100*UN*1***1~'), 'x12', []],
  ['CSV rows', csv(['C1,1,J7507,KX,,5,,2025-11-05', 'C1,2,J7402,,,135,,2025-11-05']), 'csv', [
    'C1,1,J7507,KX‸Tacrolimus imme rel oral 1mg',
    'C1,1,J7507,KX,,5‸J7507 ×5 = 5 mg',
    'C1,2,J7402‸Mometasone sinus sinuva',
    'C1,2,J7402,,,135‸J7402 ×135 = 1,350 mcg',
  ]],
  ['disabled by setting', x12p('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~'), 'x12', [], false],
  ['FHIR: off', fhir(fhirItem('J7507', { quantity: 5 })), 'json', []],
  ['prose: off', 'Gave J7507 x 5 units.\n', 'plaintext', []],
];

for (const [name, text, lang, expected, enabled] of rows) test(`inlay hints: ${name}`, () => checkHints(text, lang, expected, enabled ?? true));
