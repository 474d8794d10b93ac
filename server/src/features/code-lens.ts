// A claim at a glance: a code lens above each claim with its lines, total charge (and paid, on a
// remittance), the sum of the lines when it differs from the total, and its count of problems.
// Clicking it selects the claim.
import type { CodeLens } from 'vscode-languageserver-types';
import type { Claim } from '../model';
import type { Finding } from '../checks/types';
import type { FeatureContext } from './context';
import { COMMANDS } from '../protocol';
import { centsText } from '../base/money';
import { claimMoney } from '../documents/claim-money';
import { lineCountOf } from '../documents/compact-claims';
import { plural } from './format';
import { OUTLINE_LIMIT } from './symbols';
import { traitsOf } from '../documents/formats';

export function codeLenses(ctx: FeatureContext): CodeLens[] {
  const { model } = ctx;
  // prose has no claims of its own (its "claims" hold sentences)
  if (traitsOf(model).sentences) return [];
  const findings = ctx.findings;
  const out: CodeLens[] = [];
  for (const claim of model.claims.slice(0, OUTLINE_LIMIT)) {
    if (!lineCountOf(claim) && !claim.amounts) continue;
    const at = ctx.textDocument.positionAt(claim.range.start);
    const range = { start: ctx.textDocument.positionAt(claim.range.start), end: ctx.textDocument.positionAt(claim.range.end) };
    out.push({
      range: { start: at, end: at },
      command: { title: claimTitle(claim, problemsIn(findings, claim)), command: COMMANDS.selectClaim, arguments: [ctx.textDocument.uri, range] },
    });
  }
  return out;
}

/** "2 lines · charge 250.00 · lines add up to 245.00 · 1 problem" */
export function claimTitle(claim: Claim, problems: number): string {
  const money = claimMoney(claim);
  const parts = [plural(lineCountOf(claim), 'line')];
  if (money.charge !== undefined) parts.push(`charge ${centsText(money.charge)}`);
  if (money.paid !== undefined) parts.push(`paid ${centsText(money.paid)}`);
  if (money.linesSum !== undefined && money.linesSum !== money.charge) parts.push(`lines add up to ${centsText(money.linesSum)}`);
  parts.push(problems ? plural(problems, 'problem') : 'no problems');
  return parts.join(' · ');
}

/** findings inside the claim's range (the list is in document order: binary search to its first) */
function problemsIn(findings: Finding[], claim: Claim): number {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid]!.range.start < claim.range.start) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < findings.length && findings[i]!.range.start <= claim.range.end; i++) if (findings[i]!.range.end <= claim.range.end) n++;
  return n;
}
