// The code lens above each claim: its title per format and case, and what it selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../../server/src/features/code-lens';
import { COMMANDS } from '../../../server/src/protocol';
import { build, LEAKS } from './support';
import { defaultSettings } from '../../../server/src/settings';
import { x12Claims, x12Institutional, x12Remit } from '../checks/harness';

const sv1 = (charge: string, n: number) => [`LX*${n}`, `SV1*HC:J7507*${charge}*UN*1***1`];
/** the principal diagnosis the lines' pointers name, so the count is the balancing's alone */
const HI = 'HI*ABK:E119';
const csvWithCharges = 'claim_id,hcpcs_code,units,charge,service_date\nC1,J7507,1,100.00,2025-11-05\nC1,J7507,1,145.50,2025-11-05\nC2,J7507,1,,2025-11-05\n';

const rows: { name: string; text: string; languageId: string; titles: string[] }[] = [
  { name: '837P balanced', text: x12Claims({ total: '245', segments: [HI, ...sv1('100', 1), ...sv1('145', 2)] }), languageId: 'x12', titles: ['2 lines · charge 245.00 · no problems'] },
  { name: '837P off: the lines\' sum and the problem', text: x12Claims({ total: '250', segments: [HI, ...sv1('100', 1), ...sv1('145', 2)] }), languageId: 'x12', titles: ['2 lines · charge 250.00 · lines add up to 245.00 · 1 problem'] },
  { name: '837P two claims', text: x12Claims({ total: '100', segments: [HI, ...sv1('100', 1)] }, { total: '90', segments: [HI, ...sv1('100', 1)] }), languageId: 'x12', titles: ['1 line · charge 100.00 · no problems', '1 line · charge 90.00 · lines add up to 100.00 · 1 problem'] },
  { name: '837P a line without a charge: no sum', text: x12Claims({ total: '100', segments: [HI, ...sv1('100', 1), 'LX*2', 'SV1*HC:J7507**UN*1***1'] }), languageId: 'x12', titles: ['2 lines · charge 100.00 · 1 problem'] },
  { name: '837I', text: x12Institutional('89.93', HI, 'LX*1', 'SV2*0305*HC:85025*13.39*UN*1', 'LX*2', 'SV2*0730*HC:93005*76.54*UN*3'), languageId: 'x12', titles: ['2 lines · charge 89.93 · no problems'] },
  { name: '835: charge and paid', text: x12Remit('80', 'LX*1', 'CLP*C1*1*100*80**MC*123', 'SVC*HC:J7507*100*80**1', 'CAS*CO*45*20'), languageId: 'x12', titles: ['1 line · charge 100.00 · paid 80.00 · no problems'] },
  { name: 'CSV: the lines\' sum where every line has a charge', text: csvWithCharges, languageId: 'csv', titles: ['2 lines · lines add up to 245.50 · no problems', '1 line · no problems'] },
  { name: 'a note: no lenses', text: 'Billed J7507 x 1 unit today.\n', languageId: 'plaintext', titles: [] },
];

for (const row of rows) {
  test(`code lens: ${row.name}`, () => {
    // the validity-only profile: the J7507 lines raise no payer advice, so the count is the balancing's
    const { ctx, text } = build(row.text, { languageId: row.languageId, settings: { ...defaultSettings, profile: 'none' } });
    const lenses = codeLenses(ctx);
    assert.deepEqual(lenses.map((l) => l.command?.title), row.titles);
    for (const [i, lens] of lenses.entries()) {
      assert.doesNotMatch(lens.command!.title, LEAKS);
      assert.equal(lens.command!.command, COMMANDS.selectClaim);
      const [uri, range] = lens.command!.arguments as [string, { start: { line: number; character: number }; end: { line: number; character: number } }];
      assert.equal(uri, ctx.textDocument.uri);
      const claim = ctx.model.claims[i]!;
      assert.equal(ctx.textDocument.offsetAt(range.start), claim.range.start);
      assert.equal(ctx.textDocument.offsetAt(range.end), claim.range.end);
      assert.ok(text.length >= claim.range.end);
    }
  });
}
