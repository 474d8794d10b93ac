// The rule registry and runChecks(): which rules run (settings, profile), at which severity, over which lines.
import type { Settings } from '../settings';
import type { CheckContext, Finding, Severity } from './types';
import type { Rule } from './rule';
import unknownCode from './rules/unknown-code';
import codeNotEffective from './rules/code-not-effective';
import invalidModifier from './rules/invalid-modifier';
import modifierNotEffective from './rules/modifier-not-effective';
import duplicateModifier from './rules/duplicate-modifier';
import tooManyModifiers from './rules/too-many-modifiers';
import missingJwJz from './rules/missing-jw-jz';
import jwJzConflict from './rules/jw-jz-conflict';
import jwJzNotApplicable from './rules/jw-jz-not-applicable';
import missingKx from './rules/missing-kx';
import missingUnits from './rules/missing-units';
import zeroUnits from './rules/zero-units';
import fractionalUnits from './rules/fractional-units';
import unitsVsNdc from './rules/units-vs-ndc';
import unitsVsDose from './rules/units-vs-dose';
import missingNdc from './rules/missing-ndc';
import invalidNdc from './rules/invalid-ndc';
import nocNeedsDescription from './rules/noc-needs-description';
import drugMismatch from './rules/drug-mismatch';
import cptCode from './rules/cpt-code';
import requiredModifier from './rules/required-modifier';
import codeNotAllowed from './rules/code-not-allowed';

export type { Rule, LineRule, DocumentRule } from './rule';

export const rules: readonly Rule[] = [
  unknownCode,
  codeNotEffective,
  invalidModifier,
  modifierNotEffective,
  duplicateModifier,
  tooManyModifiers,
  missingJwJz,
  jwJzConflict,
  jwJzNotApplicable,
  missingKx,
  missingUnits,
  zeroUnits,
  fractionalUnits,
  unitsVsNdc,
  unitsVsDose,
  missingNdc,
  invalidNdc,
  nocNeedsDescription,
  drugMismatch,
  cptCode,
  requiredModifier,
  codeNotAllowed,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);

const byId = new Map(rules.map((r) => [r.id, r] as const));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/**
 * The severity a rule runs at, or undefined when it is off. A rule named in settings.rules is on or
 * off as said there (ESLint-like); otherwise its default applies within the profiles it belongs to.
 */
export function effectiveSeverity(rule: Rule, settings: Settings): Severity | undefined {
  const configured = settings.rules[rule.id];
  if (configured) return configured.enabled ? (configured.severity ?? rule.defaultSeverity) : undefined;
  return rule.defaultEnabled && rule.profiles.includes(settings.profile) ? rule.defaultSeverity : undefined;
}

/** One rule's failure must not hide the others' findings: a thrown error is swallowed, never rethrown. */
function safely(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch {
    return [];
  }
}

/**
 * What the reader could not understand is shown like a finding (ruleId = the problem id), so the
 * editor and the CLI report it the same way; settings.rules may turn one off by its id.
 */
function readProblems(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.document.problems) {
    const configured = ctx.settings.rules[p.id];
    if (configured && !configured.enabled) continue;
    out.push({ ruleId: p.id, severity: configured?.severity ?? p.severity, message: p.message, range: { ...p.range }, related: [], fixes: [] });
  }
  return out;
}

export function runChecks(ctx: CheckContext): Finding[] {
  const active = rules.flatMap((rule) => {
    const severity = effectiveSeverity(rule, ctx.settings);
    return severity ? [{ rule, severity }] : [];
  });
  const out: Finding[] = readProblems(ctx);
  const emit = (found: Finding[], severity: Severity) => {
    for (const f of found) out.push(f.severity === severity ? f : { ...f, severity });
  };
  for (const { rule, severity } of active) {
    if (rule.scope === 'document') emit(safely(() => rule.check(ctx)), severity);
  }
  const lineRules = active.filter((a) => a.rule.scope === 'line');
  for (const claim of ctx.document.claims) {
    for (const line of claim.lines) {
      const lineCtx = { ...ctx, claim, line };
      for (const { rule, severity } of lineRules) {
        if (rule.scope === 'line') emit(safely(() => rule.check(lineCtx)), severity);
      }
    }
  }
  // document order, then rule order: stable output for editors, the CLI and snapshots
  const order = new Map(ruleIds.map((id, i) => [id, i]));
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.range.start - b.f.range.start || ((order.get(a.f.ruleId) ?? -1) - (order.get(b.f.ruleId) ?? -1)) || a.i - b.i)
    .map((x) => x.f);
}
