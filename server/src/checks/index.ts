// The rule registry and runChecks(): which rules run (settings, profile), at which severity, over which lines.
import type { Settings } from '../settings';
import type { CheckContext, Finding, LineContext, Severity } from './types';
import type { LineRule, Rule } from './rule';
import type { Claim } from '../model';
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

const ruleOrder = new Map(ruleIds.map((id, i) => [id, i]));
/** by position, then by registry order (reader problems first); Array.sort is stable for ties */
const inOrder = (a: Finding, b: Finding) => a.range.start - b.range.start || (ruleOrder.get(a.ruleId) ?? -1) - (ruleOrder.get(b.ruleId) ?? -1);

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

/** A check pass fed one claim at a time: it keeps only findings, never the claims it was given. */
export interface CheckPass {
  /** checks the claim's lines (a claim of `document`, which may still be being read) */
  claim(claim: Claim): void;
  /** the reader's problems and the document rules' findings joined to the lines', in document order */
  finish(): Finding[];
}

/**
 * `ctx.document` is read for its format, separators and (at finish) problems: a streaming reader
 * passes the document it is filling while it hands over claims and then drops them.
 */
export function checkPass(ctx: CheckContext): CheckPass {
  const active = rules.flatMap((rule) => {
    const severity = effectiveSeverity(rule, ctx.settings);
    return severity ? [{ rule, severity }] : [];
  });
  // Messages repeat across lines (the same code, the same problem): each text is kept once, not once
  // per finding, so 80,000 findings of a 50 MB file hold a few thousand strings.
  const texts = new Map<string, string>();
  const intern = (t: string): string => {
    const kept = texts.get(t);
    if (kept !== undefined) return kept;
    texts.set(t, t);
    return t;
  };
  const emit = (found: Finding[], severity: Severity, into: Finding[]) => {
    for (const f of found) {
      f.message = intern(f.message);
      for (const r of f.related) r.message = intern(r.message);
      for (const x of f.fixes) {
        x.title = intern(x.title);
        for (const e of x.edits) e.newText = intern(e.newText);
      }
      into.push(f.severity === severity ? f : { ...f, severity });
    }
  };
  const lineRules = active.filter((a) => a.rule.scope === 'line') as { rule: LineRule; severity: Severity }[];
  const lineFindings: Finding[] = [];
  const lineOut: Finding[] = [];
  return {
    claim(claim) {
      for (const line of claim.lines) {
        const lineCtx: LineContext = { document: ctx.document, text: ctx.text, codeset: ctx.codeset, settings: ctx.settings, today: ctx.today, claim, line };
        lineOut.length = 0;
        for (let r = 0; r < lineRules.length; r++) {
          const { rule, severity } = lineRules[r]!;
          // inline try: a closure per rule and line is measurable garbage on 100k-line files
          let found: Finding[];
          try {
            found = rule.check(lineCtx);
          } catch {
            continue;
          }
          if (found.length) emit(found, severity, lineOut);
        }
        // a line's findings in position order, so the whole list rarely needs a sort
        if (lineOut.length > 1) lineOut.sort(inOrder);
        for (let i = 0; i < lineOut.length; i++) lineFindings.push(lineOut[i]!);
      }
    },
    finish() {
      const out: Finding[] = readProblems(ctx);
      for (const { rule, severity } of active) {
        if (rule.scope === 'document') emit(safely(() => rule.check(ctx)), severity, out);
      }
      for (let i = 0; i < lineFindings.length; i++) out.push(lineFindings[i]!);
      lineFindings.length = 0;
      // document order, then rule order: stable output for editors, the CLI and snapshots.
      for (let i = 1; i < out.length; i++) {
        if (inOrder(out[i - 1]!, out[i]!) > 0) {
          const indexed = out.map((f, n) => ({ f, n }));
          indexed.sort((a, b) => inOrder(a.f, b.f) || a.n - b.n);
          return indexed.map((x) => x.f);
        }
      }
      return out;
    },
  };
}

export function runChecks(ctx: CheckContext): Finding[] {
  const pass = checkPass(ctx);
  for (const claim of ctx.document.claims) pass.claim(claim);
  return pass.finish();
}
