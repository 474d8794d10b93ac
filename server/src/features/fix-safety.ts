// Which rules' quick fixes may be applied in bulk. One table, in one place, until the diagnostic
// catalogue's "safe fix" flag replaces it (then fixSafety reads the flag instead).
//   safe      mechanical, the same claim written correctly: applied by source.fixAll (and on save)
//   per-rule  a statement the coder makes for the whole file (e.g. "no drug discarded"): only when
//             asked for with "Fix all of this rule in the file", never on save
//   judgement changes what is billed (units, codes) or attests documentation: one line at a time
export type FixSafety = 'safe' | 'per-rule' | 'judgement';

const FIX_SAFETY: Readonly<Record<string, FixSafety>> = {
  'duplicate-modifier': 'safe', // removes the second copy of a modifier already on the line
  'invalid-ndc': 'safe', // writes the same NDC in its 11-digit form
  'missing-jw-jz': 'per-rule', // JZ states that nothing was discarded
  'jw-jz-not-applicable': 'per-rule', // removes JW/JZ from a code they cannot apply to
  'modifier-not-effective': 'per-rule', // a terminated modifier replaced by its named successor
  'required-modifier': 'per-rule', // a modifier the workspace settings require
  'missing-kx': 'judgement', // KX attests that medical-necessity documentation is on file
  'fractional-units': 'judgement', // rounding up raises the billed units
  'units-vs-dose': 'judgement',
  'code-not-effective': 'judgement',
  'drug-mismatch': 'judgement',
};

/** rules not in the table are judgement: a new rule's fix is never applied in bulk by accident */
export function fixSafety(ruleId: string): FixSafety {
  return FIX_SAFETY[ruleId] ?? 'judgement';
}
