// The NDC quantity (CTP) times the crosswalk's billing units per NDC unit should equal the line's units.
import { docsPath, finding, payerProfiles, type LineRule } from '../rule';
import { codeKind, codeOf } from '../line-facts';
import { formatNumber, roundUp, unitsForDose } from '../amounts';
import { readNdc } from '../ndc';
import { hyphenateNdc } from '../../codeset/ndc';
import type { CodeSet, NdcCrosswalkEntry } from '../../codeset/types';

interface Reading {
  /** billing units per one NDC unit (CTP05) */
  per: number;
  /** how `per` was found, for the message */
  basis: string;
}

/**
 * The crosswalk's BILLUNITS are per item (a vial, a bottle); PKG SIZE is the item's content (mL or
 * a tablet count). CTP UN may mean one vial or one tablet, so both readings are allowed.
 */
function readings(unit: string, entry: NdcCrosswalkEntry, code: string, codeset: CodeSet): Reading[] {
  const perItem: Reading = { per: entry.billUnits, basis: `${formatNumber(entry.billUnits)} billing units per item` };
  const perContent: Reading | undefined =
    entry.packageSize > 0
      ? { per: entry.billUnits / entry.packageSize, basis: `${formatNumber(entry.billUnits)} billing units per ${formatNumber(entry.packageSize)}` }
      : undefined;
  const oral = codeset.drug(code)?.route === 'oral';
  const billing = codeset.drug(code)?.unit;
  const byMeasure = (measure: string): Reading[] => {
    const one = billing ? unitsForDose(1, measure, billing) : undefined;
    return one ? [{ per: one.exact, basis: `1 ${measure} = ${formatNumber(one.exact)} billing units of ${billing!.text}` }] : [];
  };
  switch (unit) {
    case 'UN':
      // tablets: per tablet first; vials and syringes: per item first
      return [...(oral && perContent ? [perContent, perItem] : perContent ? [perItem, perContent] : [perItem])];
    case 'ML':
      return perContent ? [perContent] : [];
    case 'ME':
      return byMeasure('mg');
    case 'GR':
      return byMeasure('g');
    case 'F2':
      return byMeasure('units');
    default:
      return [];
  }
}

const rule: LineRule = {
  id: 'units-vs-ndc',
  source: { basis: 'CMS release', ref: 'CMS ASP NDC-HCPCS crosswalk (billing units per package)' },
  since: '0.1.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'Line units disagree with the NDC quantity and the ASP crosswalk billing units',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  docs: docsPath('units-vs-ndc'),
  profiles: payerProfiles,
  kinds: ['claim', 'note'],
  check(ctx) {
    const { line, codeset } = ctx;
    const { ndc, ndcQuantity, units } = line;
    if (!ndc || !ndcQuantity || !units || codeKind(line) !== 'level2') return [];
    if (!(ndcQuantity.value > 0) || !(units.value > 0)) return [];
    const ndc11 = readNdc(ndc.value, true).ndc11;
    const code = codeOf(line);
    // the crosswalk row of the line's own code: CMS maps some NDCs to several codes (J0881 and J0882)
    const entry = ndc11 ? codeset.ndc(ndc11, code) : undefined;
    if (!entry) return [];
    const unit = (line.ndcUnit?.value ?? 'UN').trim().toUpperCase();
    const options = readings(unit, entry, code, codeset);
    if (!options.length) return [];
    const expected = options.map((r) => roundUp(ndcQuantity.value * r.per));
    if (expected.includes(units.value)) return [];
    const main = options[0]!;
    const exact = ndcQuantity.value * main.per;
    const rounded = expected[0]!;
    const arithmetic =
      exact === rounded
        ? `${formatNumber(ndcQuantity.value)} ${unit} × ${formatNumber(main.per)} = ${rounded}`
        : `${formatNumber(ndcQuantity.value)} ${unit} × ${formatNumber(main.per)} = ${formatNumber(exact)}, rounded up to ${rounded}`;
    const label = hyphenateNdc(entry.ndc);
    return [
      finding(rule, units.range, `${formatNumber(units.value)} units of ${code}, but NDC ${label} gives ${arithmetic} units`, {
        related: [
          { range: { ...ndc.range }, message: `NDC ${label} (${entry.drugName.trim()}): ${main.basis} (ASP crosswalk)` },
          { range: { ...ndcQuantity.range }, message: `NDC quantity ${formatNumber(ndcQuantity.value)} ${unit}` },
        ],
      }),
    ];
  },
};
export default rule;
