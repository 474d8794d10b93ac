// The rule registry and runChecks(): which rules run (settings, profile), at which severity, over which lines.
import type { Settings } from '../settings';
import type { CheckContext, ClaimContext, Finding, LineContext, Severity } from './types';
import type { ClaimRule, DocumentRule, EnvelopeRule, LineRule, Rule } from './rule';
import type { Claim, Container, Envelope } from '../model';
import discovered from 'virtual:rules';
import { traitsOf } from '../documents/formats';
import { wholeClaim } from '../documents/compact-claims';
import { DOCUMENT } from '../base/limits';
import { LoadError } from '../codeset/compiled';

export type { Rule, LineRule, ClaimRule, DocumentRule, EnvelopeRule } from './rule';

/**
 * The order findings at one position are listed in (codes, then modifiers, drugs, units, NDC, payer):
 * it keeps editor, CLI and snapshot output stable. A rule not named here still runs, listed after
 * these by id, so a new rule needs no edit here.
 */
const tieOrder: readonly string[] = [
  'unknown-code',
  'code-not-effective',
  'invalid-modifier',
  'modifier-not-effective',
  'duplicate-modifier',
  'too-many-modifiers',
  'missing-jw-jz',
  'jw-jz-conflict',
  'jw-jz-not-applicable',
  'missing-kx',
  'missing-units',
  'zero-units',
  'fractional-units',
  'units-vs-ndc',
  'units-vs-dose',
  'missing-ndc',
  'invalid-ndc',
  'noc-needs-description',
  'drug-mismatch',
  'cpt-code',
  'required-modifier',
  'code-not-allowed',
];

const rank = (id: string) => {
  const i = tieOrder.indexOf(id);
  return i < 0 ? tieOrder.length : i;
};

/** every file in checks/rules/, found by the build */
export const rules: readonly Rule[] = Object.values(discovered).sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const ruleIds: readonly string[] = rules.map((r) => r.id);

/** the rules that compare an X12 envelope's trailer with its header and its contents */
export const envelopeRuleIds: ReadonlySet<string> = new Set(rules.filter((r) => r.scope === 'envelope').map((r) => r.id));

const ruleOrder = new Map(ruleIds.map((id, i) => [id, i]));
/** by position, then by registry order (reader problems first); Array.sort is stable for ties */
export const inOrder = (a: Finding, b: Finding): number => a.range.start - b.range.start || (ruleOrder.get(a.ruleId) ?? -1) - (ruleOrder.get(b.ruleId) ?? -1);

/**
 * At most `cap` findings per document (in document order), then one that says how many more there
 * were (`total` counts them, for a pass that kept only the first ones): a million diagnostics is no
 * help to anyone and cannot be sent as one message.
 */
export function capFindings(all: Finding[], cap: number = DOCUMENT.findings, total = all.length): Finding[] {
  if (total <= cap) return all;
  const kept = all.slice(0, cap);
  const last = kept.length ? kept[kept.length - 1]!.range.end : 0;
  kept.push({
    ruleId: 'too-many-findings',
    severity: 'information',
    message: `${total - cap} more findings are not shown: at most ${cap} are reported per document. Fix the ones above, or split the file.`,
    range: { start: last, end: last },
    related: [],
    fixes: [],
  });
  return kept;
}

/** larger is milder */
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The severity a rule runs at, or undefined when it is off. A rule named in settings.rules is on or
 * off as said there (ESLint-like); otherwise its default applies within the profiles it belongs to.
 */
export function effectiveSeverity(rule: Rule, settings: Settings): Severity | undefined {
  const configured = settings.rules[rule.id];
  if (configured) return configured.enabled ? (configured.severity ?? rule.defaultSeverity) : undefined;
  return rule.defaultEnabled && rule.profiles.includes(settings.profile) ? rule.defaultSeverity : undefined;
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

const hasEnvelope = (c: Container): c is Container & { envelope: Envelope } => c.envelope !== undefined;

/** hcpcs.notes 'off': prose documents get no findings at all */
function notesOff(ctx: CheckContext): boolean {
  return traitsOf(ctx.document).sentences && ctx.settings.notes === 'off';
}

/** A check pass fed one claim at a time: it keeps only findings, never the claims it was given. */
export interface CheckPass {
  /** checks the claim's lines (a claim of `document`, which may still be being read) */
  claim(claim: Claim): void;
  /** the reader's problems and the document rules' findings joined to the lines', in document order */
  finish(): Finding[];
}

export interface CheckPassOptions {
  /**
   * Keep only the first this many findings in document order and count the rest: finish() returns
   * them capped (capFindings). A file too big to keep whole (50 MB, 180,000 findings) then holds
   * what will be shown, not every finding.
   */
  keep?: number;
}

/**
 * `ctx.document` is read for its format, kind, separators and (at finish) problems and prose
 * statements: a streaming reader passes the document it is filling while it hands over claims and
 * then drops them.
 */
export function checkPass(ctx: CheckContext, options: CheckPassOptions = {}): CheckPass {
  const off = notesOff(ctx);
  const active = off
    ? []
    : rules.flatMap((rule) => {
        // a rule runs only on the kinds of document it is written for (no "add a modifier" on paid history)
        if (!rule.kinds.includes(ctx.document.kind)) return [];
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
      const s = f.capSeverity && SEVERITY_RANK[f.capSeverity] > SEVERITY_RANK[severity] ? f.capSeverity : severity;
      into.push(f.severity === s ? f : { ...f, severity: s });
    }
  };
  const lineRules = active.filter((a) => a.rule.scope === 'line') as { rule: LineRule; severity: Severity }[];
  const claimRules = active.filter((a) => a.rule.scope === 'claim') as { rule: ClaimRule; severity: Severity }[];
  const lineFindings: Finding[] = [];
  const lineOut: Finding[] = [];
  const { keep } = options;
  /** line findings let go by `keep`: each lies after the kept ones */
  let dropped = 0;
  /**
   * A rule's error is swallowed so the others still report; but when the code set itself cannot be
   * read (a compiled index damaged or changed since it was opened), findings are missing and a clean
   * result would be wrong advice: that is said once, as a finding
   */
  let unreadable: string | undefined;
  const failed = (error: unknown) => {
    if (error instanceof LoadError) unreadable ??= error.message;
  };
  return {
    claim(given) {
      const claim = wholeClaim(given);
      if (claimRules.length) {
        const claimCtx: ClaimContext = { document: ctx.document, text: ctx.text, codeset: ctx.codeset, settings: ctx.settings, today: ctx.today, claim };
        lineOut.length = 0;
        for (const { rule, severity } of claimRules) {
          try {
            emit(rule.check(claimCtx), severity, lineOut);
          } catch (error) {
            // one rule's failure must not hide the others' findings
            failed(error);
          }
        }
        if (lineOut.length > 1) lineOut.sort(inOrder);
        for (let i = 0; i < lineOut.length; i++) lineFindings.push(lineOut[i]!);
      }
      for (const line of claim.lines) {
        const lineCtx: LineContext = { document: ctx.document, text: ctx.text, codeset: ctx.codeset, settings: ctx.settings, today: ctx.today, diagnosisCodes: ctx.diagnosisCodes, claim, line };
        lineOut.length = 0;
        // one rule's failure must not hide the others' findings: a thrown error is swallowed, never rethrown
        for (let r = 0; r < lineRules.length; r++) {
          const { rule, severity } = lineRules[r]!;
          // inline try: a closure per rule and line is measurable garbage on 100k-line files
          let found: Finding[];
          try {
            found = rule.check(lineCtx);
          } catch (error) {
            failed(error);
            continue;
          }
          if (found.length) emit(found, severity, lineOut);
        }
        // a line's findings in position order, so the whole list rarely needs a sort
        if (lineOut.length > 1) lineOut.sort(inOrder);
        for (let i = 0; i < lineOut.length; i++) lineFindings.push(lineOut[i]!);
      }
      // sorted and cut at twice the kept number, so each finding is sorted a few times at most
      if (keep !== undefined && lineFindings.length > 2 * keep) {
        lineFindings.sort(inOrder);
        dropped += lineFindings.length - keep;
        lineFindings.length = keep;
      }
    },
    finish() {
      if (off) return [];
      const out: Finding[] = readProblems(ctx);
      for (const { rule, severity } of active) {
        try {
          if (rule.scope === 'document') emit((rule as DocumentRule).check(ctx), severity, out);
          else if (rule.scope === 'envelope') {
            for (const container of ctx.document.containers) {
              if (hasEnvelope(container)) emit((rule as EnvelopeRule).check({ ...ctx, container }), severity, out);
            }
          } else if (rule.scope === 'line' && rule.checkStatements) emit(rule.checkStatements(ctx), severity, out);
        } catch (error) {
          // one rule's failure must not hide the others' findings
          failed(error);
        }
      }
      for (let i = 0; i < lineFindings.length; i++) out.push(lineFindings[i]!);
      lineFindings.length = 0;
      const unread = unreadable === undefined ? undefined : codesetUnreadable(unreadable, ctx.settings);
      if (unread) out.push(unread);
      // document order, then rule order: stable output for editors, the CLI and snapshots.
      for (let i = 1; i < out.length; i++) {
        // Array sort is stable (ties keep their order) and, as a merge of runs, takes a few ms on
        // 100k findings that are in order but for a few problems in front
        if (inOrder(out[i - 1]!, out[i]!) > 0) {
          out.sort(inOrder);
          break;
        }
      }
      return keep === undefined ? out : capFindings(out, keep, out.length + dropped);
    },
  };
}

/** the finding that says checks could not read the code set (first in the document; settings may turn it off) */
function codesetUnreadable(message: string, settings: Settings): Finding | undefined {
  const configured = settings.rules['codeset-unreadable'];
  if (configured && !configured.enabled) return undefined;
  return {
    ruleId: 'codeset-unreadable',
    severity: configured?.severity ?? 'error',
    message: `Checks could not read the code set, so findings may be missing: ${message}`,
    range: { start: 0, end: 0 },
    related: [],
    fixes: [],
  };
}

export function runChecks(ctx: CheckContext): Finding[] {
  const pass = checkPass(ctx);
  for (const claim of ctx.document.claims) pass.claim(claim);
  return pass.finish();
}
