// CTP04 (the NDC quantity) must be greater than zero whenever CTP05 gives its unit.
import { docsPath, finding, allProfiles, type LineRule } from '../rule';
import { formatNumber } from '../amounts';

const rule: LineRule = {
  id: 'ndc-quantity-not-positive',
  source: { basis: 'X12 TR3', ref: '837P/837I loop 2410 CTP04 national drug unit count: a positive quantity when CTP05 is present' },
  since: '0.2.0',
  bulkSafeFix: false,
  scope: 'line',
  description: 'NDC quantity (CTP04) is zero or negative',
  defaultSeverity: 'error',
  defaultEnabled: true,
  docs: docsPath('ndc-quantity-not-positive'),
  profiles: allProfiles,
  kinds: ['claim'],
  check(ctx) {
    const { line } = ctx;
    const quantity = line.ndcQuantity;
    if (!quantity || !line.ndcUnit || quantity.value > 0) return [];
    return [finding(rule, quantity.range, `CTP04 is ${formatNumber(quantity.value)} ${line.ndcUnit.value}: the NDC quantity must be greater than zero`)];
  },
};
export default rule;
