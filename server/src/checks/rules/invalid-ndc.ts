// NDCs on claims are 11 digits (5-4-2); the 10-digit package forms must be padded with a zero in the right place.
import { payerProfiles, docsPath, finding, type LineRule } from '../rule';
import { readNdc } from '../ndc';
import { traitsOf } from '../../documents/formats';

const rule: LineRule = {
  id: 'invalid-ndc',
  source: { basis: 'X12 TR3', ref: '837P LIN03: NDC in the 11-digit 5-4-2 form' },
  since: '0.1.0',
  bulkSafeFix: true,
  scope: 'line',
  description: 'NDC that is not 11 digits in 5-4-2 form',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('invalid-ndc'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, document } = ctx;
    const ndc = line.ndc;
    if (!ndc || !ndc.value.trim()) return [];
    // X12 LIN*N4 takes the 11 digits without hyphens; exports and notes may hyphenate 5-4-2.
    const shape = readNdc(ndc.value, !traitsOf(document).bareNdc);
    if (shape.valid) return [];
    const written = ndc.value.trim();
    const message = shape.fixed
      ? `NDC ${written} is ${shape.form}; claims need 11 digits (5-4-2): ${shape.fixed}`
      : `NDC ${written} is ${shape.form}; claims need 11 digits (5-4-2)`;
    return [
      finding(rule, ndc.range, message, {
        fixes: shape.fixed ? [{ title: `Write the NDC as ${shape.fixed}`, edits: [{ range: { ...ndc.range }, newText: shape.fixed }], preferred: true }] : [],
      }),
    ];
  },
};
export default rule;
