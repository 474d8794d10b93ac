// Features never throw on odd input: every offset of small broken documents, offsets outside the
// text, empty documents. Whatever they answer has no "undefined"/"null"/"NaN".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { complete, resolveCompletion } from '../../../server/src/features/completion';
import { codeActions } from '../../../server/src/features/code-actions';
import { documentSymbols } from '../../../server/src/features/symbols';
import { inlayHints } from '../../../server/src/features/inlay-hints';
import { build, LEAKS } from './support';
import { x12p } from './samples';

const texts: [string, string, string][] = [
  ['empty', '', 'plaintext'],
  ['damaged ISA', 'ISA*00*short~GS*HC~ST*837~CLM*X~LX*1~SV1*HC:J7507:KX*1*UN*5~SV1*HC:*~SV1*HC:J7507:::::*~', 'x12'],
  ['truncated X12', x12p('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~').slice(0, 260), 'x12'],
  ['X12 with empty composite parts', x12p('LX*1~\nSV1*HC::::*~\nLIN**N4*~\nCTP****x*UN~'), 'x12'],
  ['CSV with quotes and missing cells', 'claim_id,hcpcs_cd,mod1,units\n"C1,J7507,KX\nC2,,,\nC3,J7507,,abc\n', 'csv'],
  ['broken JSON', '{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Claim","item":[{"productOrService":{"coding":[{"system":"https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J75', 'json'],
  ['prose with odd tokens', 'J7507-- x NaN units; J-KX; tacrolimus\ttacrolimus  J\n99213-25 J7507x5\n', 'plaintext'],
];

for (const [name, text, lang] of texts) {
  test(`features do not throw: ${name}`, () => {
    const { ctx } = build(text, { languageId: lang });
    const check = (what: string, value: unknown) => assert.doesNotMatch(JSON.stringify(value) ?? '', LEAKS, what);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      const h = hover(ctx, offset);
      if (h) check(`hover @${offset}`, h.contents);
      const list = complete(ctx, offset);
      for (const item of list.items.slice(0, 3)) check(`resolve @${offset}`, resolveCompletion(ctx, item).documentation);
      check(`actions @${offset}`, codeActions(ctx, { start: offset, end: offset + 3 }).map((a) => a.title));
    }
    check('symbols', documentSymbols(ctx).map((s) => s.name));
    check('hints', inlayHints(ctx, { start: -5, end: text.length + 5 }).map((h) => h.label));
  });
}
