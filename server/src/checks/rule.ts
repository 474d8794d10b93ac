// What a rule is: an id, defaults, the payer profiles it belongs to, and a pure check.
import type { PayerProfile } from '../settings';
import type { CheckContext, Finding, Fix, LineContext, Severity } from './types';
import type { DocumentKind, Range } from '../model';

interface RuleBase {
  /** stable id used in settings, docs and output; never renamed */
  id: string;
  description: string;
  defaultSeverity: Severity;
  defaultEnabled: boolean;
  /** repository-relative Markdown page, e.g. 'docs/rules/missing-jw-jz.md' */
  docs: string;
  /** profiles in which the rule runs unless settings name it explicitly */
  profiles: readonly PayerProfile[];
  /** the documents the rule applies to (runChecks skips it on the others) */
  kinds: readonly DocumentKind[];
}

/** Runs once per service line. */
export interface LineRule extends RuleBase {
  scope: 'line';
  check(ctx: LineContext): Finding[];
}

/** Runs once per document (rules that need to see several lines at once). */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(ctx: CheckContext): Finding[];
}

export type Rule = LineRule | DocumentRule;

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
