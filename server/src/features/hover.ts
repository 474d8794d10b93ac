// Hover: a card for the code, modifier, NDC or mention under the cursor.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Span } from '../model';
import type { FeatureContext } from './context';
import { locate, type Located } from './locate';
import { codeCard, dateFor, footer, modifierSummary, type CardSources } from './code-card';
import { ndcCard } from './ndc-card';
import { pointerHover } from './pointer-card';
import { md } from './format';
import { diagnosisCard } from './diagnosis-card';
import { proseDiagnosisAt } from './diagnosis-words';
import { claimDates } from '../checks/diagnosis-facts';
import { traitsOf } from '../documents/formats';

export function hover(ctx: FeatureContext, offset: number): Hover | null {
  const at = locate(ctx.model, offset);
  if (at.kind === 'none' && traitsOf(ctx.model).sentences) return proseDiagnosisHover(ctx, offset);
  if (at.kind === 'none' || !at.span) return null;
  const value = cardFor(ctx, at);
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: ctx.textDocument.positionAt(at.span.range.start), end: ctx.textDocument.positionAt(at.span.range.end) },
  };
}

function sources(ctx: FeatureContext): CardSources {
  return { codeset: ctx.codeset, guidance: ctx.guidance, today: ctx.today, findings: ctx.findings };
}

function cardFor(ctx: FeatureContext, at: Located): string | undefined {
  const src = sources(ctx);
  switch (at.kind) {
    case 'code':
      return at.line ? codeCard(src, at.line.code.value, { line: at.line, claim: at.claim }) : undefined;
    case 'mention': {
      const mention = at.mention;
      if (!mention) return undefined;
      if (mention.context === 'diagnosis') {
        const { date, label } = dateFor({ mention }, ctx.today);
        return diagnosisCard(ctx.diagnosisCodes, { written: mention.code.value, system: 'unknown', date, dateLabel: label });
      }
      if (mention.context === 'other') return notAProcedure(mention.code, 'an identifier in this position (plan, contract or reference), not a procedure');
      return codeCard(src, mention.code.value, { mention });
    }
    case 'modifier':
      return at.span ? modifierCard(ctx, at, at.span) : undefined;
    case 'diagnosis':
      return at.diagnosis ? claimDiagnosisCard(ctx, at) : undefined;
    case 'ndc':
      return at.line ? ndcCard(ctx.codeset, at.line) : undefined;
    case 'pointer':
      return at.line && at.pointer ? pointerHover(at.claim, at.line, at.pointer).join('\n\n') : undefined;
    default:
      return undefined;
  }
}

/** judged on the claim's earliest date of service (the rules judge every date; hover names one) */
function claimDiagnosisCard(ctx: FeatureContext, at: Located): string {
  const d = at.diagnosis!;
  const first = at.claim ? claimDates(at.claim)[0] : undefined;
  const { date, label } = dateFor({ date: first }, ctx.today);
  return diagnosisCard(ctx.diagnosisCodes, { written: d.value, system: d.system, date, dateLabel: label, qualifier: d.qualifier?.value });
}

function proseDiagnosisHover(ctx: FeatureContext, offset: number): Hover | null {
  const found = proseDiagnosisAt(ctx.textDocument.getText(), offset, ctx.diagnosisCodes, ctx.today);
  if (!found) return null;
  const { date, label } = dateFor({ inNote: true }, ctx.today);
  const value = diagnosisCard(ctx.diagnosisCodes, { written: found.value, system: 'unknown', date, dateLabel: label });
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: ctx.textDocument.positionAt(found.range.start), end: ctx.textDocument.positionAt(found.range.end) },
  };
}

function notAProcedure(code: Span<string>, what: string): string {
  return `**${md(code.value.trim())}** here is ${what}.`;
}

function modifierCard(ctx: FeatureContext, at: Located, span: Span<string>): string {
  // a modifier written as a word in a note is judged on the note's date there
  const word = at.line || at.mention ? undefined : ctx.model.modifierMentions?.find((m) => m.modifier === span);
  const { date, label } = dateFor({ line: at.line, claim: at.claim, mention: at.mention, date: word?.serviceDate?.value, inNote: word !== undefined }, ctx.today);
  const mod = span.value.trim().toUpperCase();
  const parts = [modifierSummary(ctx, mod, date, false)];
  const found = ctx.codeset.modifier(mod, date);
  if (found) {
    const r = found.record;
    const dates = [r.addDate ? `added ${r.addDate}` : '', r.termDate ? `terminated ${r.termDate}` : ''].filter(Boolean).join(', ');
    const status = found.status === 'active' ? 'active' : found.status === 'terminated' ? 'terminated' : 'not yet effective';
    parts.push(`**Status:** ${status} on ${label}${dates ? ` (${dates})` : ''}`);
  }
  parts.push(footer(ctx));
  return parts.join('\n\n');
}
