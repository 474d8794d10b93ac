// What a rule is: its catalogue metadata (id, defaults, policy source, ...), the payer profiles it
// belongs to, and a pure check. Rule files are found by the build (virtual:rules): one file per rule.
import type { PayerProfile } from '../settings';
import type { CheckContext, ClaimContext, EnvelopeContext, Finding, Fix, LineContext, Severity } from './types';
import type { DocumentKind, Range } from '../model';
import type { FindingMeta } from '../base/finding-meta';

/** the catalogue's title is a rule's description */
interface RuleBase extends Omit<FindingMeta, 'title'> {
  description: string;
  defaultEnabled: boolean;
  /** repository-relative Markdown page, e.g. 'docs/rules/missing-jw-jz.md' */
  docs: string;
  /** profiles in which the rule runs unless settings name it explicitly */
  profiles: readonly PayerProfile[];
  /** the documents the rule applies to (runChecks skips it on the others) */
  kinds: readonly DocumentKind[];
}

/**
 * Runs once per service line, seeing its claim: the incremental path re-checks exactly the edited
 * claim's lines, so a rule may compare lines within one claim but never across claims.
 */
export interface LineRule extends RuleBase {
  scope: 'line';
  check(ctx: LineContext): Finding[];
  /** the same rule on statements in prose that are not service lines (a code named with a drug), once per document */
  checkStatements?(ctx: CheckContext): Finding[];
}

/**
 * Runs once per claim, seeing all its lines (a claim's total against its lines). The incremental
 * path re-checks exactly the edited claim, so its findings must lie inside the claim.
 */
export interface ClaimRule extends RuleBase {
  scope: 'claim';
  check(ctx: ClaimContext): Finding[];
}

/**
 * Runs once per document, for what is not a service line: statements in prose (a code named with a
 * drug, a unit, a route). After an edit to one X12 claim the incremental path runs it over that
 * claim alone, so each finding must depend on one claim's lines or on one statement, or lie outside
 * every claim and be kept right by the incremental path (an 835's BPR02 against the sum of its
 * claims' CLP04: an edit that changes a CLP04 makes it read the whole document again).
 */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(ctx: CheckContext): Finding[];
}

/**
 * Runs once per X12 envelope (interchange, functional group, transaction set), comparing its trailer
 * with its header and with what the reader counted. After an edit inside one claim the incremental
 * path runs it again over the transaction holding that claim (the only envelope whose facts an edit
 * inside a claim can change: its segment count), so a finding must depend on one envelope alone.
 */
export interface EnvelopeRule extends RuleBase {
  scope: 'envelope';
  check(ctx: EnvelopeContext): Finding[];
}

export type Rule = LineRule | ClaimRule | DocumentRule | EnvelopeRule;

export const allProfiles: readonly PayerProfile[] = ['medicare', 'commercial', 'none'];
/** payer rules that are not Medicare-specific: not in the 'none' (validity only) profile */
export const payerProfiles: readonly PayerProfile[] = ['medicare', 'commercial'];
export const medicareOnly: readonly PayerProfile[] = ['medicare'];

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A finding at the rule's default severity (runChecks applies the configured one). */
export function finding(
  rule: { id: string; defaultSeverity: Severity },
  range: Range,
  message: string,
  extra: { fixes?: Fix[]; related?: { range: Range; message: string }[] } = {},
): Finding {
  return {
    ruleId: rule.id,
    severity: rule.defaultSeverity,
    message,
    range: { start: range.start, end: range.end },
    related: extra.related ?? [],
    fixes: extra.fixes ?? [],
  };
}
