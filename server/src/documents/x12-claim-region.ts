// After an edit inside one X12 claim, that claim's text read again on its own, with the separators
// and the transaction type in effect where it lies (incremental.ts splices the result in).
import type { Claim, ClaimDocument } from '../model';
import { readX12Region, type X12Region, type X12RegionContext } from './x12';
import { readIsa } from './x12-delimiters';

export interface ClaimRegionRead {
  region: X12Region;
  /** an 835 claim (CLP): its paid amount feeds the transaction's payment balance */
  remittance: boolean;
}

function regionContext(text: string, model: ClaimDocument, claim: Claim): X12RegionContext | undefined {
  const interchanges = model.containers.filter((c) => c.kind === 'interchange');
  let delimiters = model.x12;
  if (interchanges.length > 1) {
    const holder = interchanges.find((c) => c.range.start <= claim.range.start && claim.range.end <= c.range.end);
    if (!holder) return undefined;
    delimiters = readIsa(text, holder.range.start).delimiters;
  }
  if (!delimiters) return undefined;
  // the separator the body really uses sits between the qualifier and the code (HC:J7507)
  const withQualifier = claim.lines.find((l) => l.qualifier && l.qualifier.range.end < l.code.range.start);
  const component = withQualifier ? text[withQualifier.qualifier!.range.end] : delimiters.component;
  return {
    element: delimiters.element,
    segment: delimiters.segment,
    component,
    txType: text.startsWith('CLP', claim.range.start) ? '835' : '837',
  };
}

/** `claim` of `model` (read from oldText) read again from newText, where it now ends at newEnd */
export function rereadX12Claim(
  oldText: string,
  model: ClaimDocument,
  claim: Claim,
  newText: string,
  newEnd: number,
  options: { isDrugName?: (word: string) => boolean },
): ClaimRegionRead | undefined {
  const context = regionContext(oldText, model, claim);
  if (!context) return undefined;
  const region = readX12Region(newText, claim.range.start, newEnd, context, options);
  return region && { region, remittance: context.txType === '835' };
}
