// DME MAC immunosuppressive drug policy: oral J7500-J7599 lines carry KX when the transplant criteria are met.
import { docsPath, finding, medicareOnly, type LineRule } from '../rule';
import { addModifierFix, codeKind, codeOf, hasModifier } from '../line-facts';

const rule: LineRule = {
  id: 'missing-kx',
  source: { basis: 'MAC policy', ref: 'DME MAC Immunosuppressive Drugs LCD and policy article (KX when transplant criteria are met)' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Oral immunosuppressive drug (J7500-J7599) without KX',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('missing-kx'),
  profiles: medicareOnly,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    if (codeKind(line) !== 'level2' || hasModifier(line, 'KX')) return [];
    const code = codeOf(line);
    if (code < 'J7500' || code > 'J7599') return [];
    if (codeset.drug(code)?.route !== 'oral') return [];
    const fix = addModifierFix(line, 'KX');
    return [
      finding(rule, line.code.range, `${code} is an oral immunosuppressive drug: Medicare expects KX when the transplant coverage criteria are met`, {
        fixes: fix ? [fix] : [],
      }),
    ];
  },
};
export default rule;
