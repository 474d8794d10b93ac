// A "not otherwise classified" drug code says nothing about the drug: payers need its name, NDC and dose.
import { payerProfiles, docsPath, finding, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import type { LineContext } from '../types';

const NDC_IN_TEXT = /\b(?:\d{11}|\d{4,5}-\d{3,4}-\d{1,2})\b/;
const DOSE_IN_TEXT = /\d(?:[\d,.]*)\s*(?:mg|mcg|µg|ug|g|gm|ml|cc|units?|iu|meq|mci)\b/i;
const WORD = /[a-z][a-z-]{3,}/g;
// Words a description uses that are not a drug's name. A NOC drug often has no code, so the code
// set cannot recognise its name: any other word of four letters or more is taken as the name.
const NOT_A_NAME = new Set(
  ('unit units dose doses each vial vials drug drugs injection injectable oral tablet tablets capsule capsules ' +
    'daily given administered total per with from that this none not otherwise classified unclassified ' +
    'see note notes description qty quantity amount wasted waste discarded single multi syringe kit').split(' '),
);

function namesADrug(ctx: LineContext, texts: string[]): boolean {
  if (ctx.line.doses.some((d) => d.drug)) return true;
  for (const text of texts) {
    for (const m of text.toLowerCase().matchAll(WORD)) if (!NOT_A_NAME.has(m[0])) return true;
  }
  return false;
}

const rule: LineRule = {
  id: 'noc-needs-description',
  source: { basis: 'CMS release', ref: 'HCPCS not-otherwise-classified drug codes (descriptor "not otherwise classified")' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Not-otherwise-classified drug code without a description naming the drug, NDC and dose',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('noc-needs-description'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    if (codeKind(line) !== 'level2') return [];
    const code = codeOf(line);
    if (!codeset.drug(code)?.noc) return [];
    const texts = [line.description?.value ?? '', ...line.notes.map((n) => n.value)].filter((t) => t.trim());
    const missing: string[] = [];
    if (!namesADrug(ctx, texts)) missing.push('drug name');
    if (!line.ndc && !texts.some((t) => NDC_IN_TEXT.test(t))) missing.push('NDC');
    if (!line.doses.some((d) => d.amount) && !texts.some((t) => DOSE_IN_TEXT.test(t))) missing.push('dose');
    if (!missing.length) return [];
    const where = line.source === 'SV1' || line.source === 'SV2' ? 'SV101-7 or NTE' : 'the line description';
    const lead = texts.length ? `the description lacks the ${missing.join(', ')}` : `there is no description (${where})`;
    return [
      finding(rule, line.description?.range ?? line.code.range, `${code} is not otherwise classified: name the drug, NDC and dose; ${lead}`),
    ];
  },
};
export default rule;
