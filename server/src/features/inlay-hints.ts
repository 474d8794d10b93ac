// Inlay hints on the service lines of formats read across (X12, CSV: traits.inlayHints): the short descriptor after the code composite, and
// what the units mean after the units (`J7507 ×5 = 5 mg`). Only lines inside the asked range.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import type { Range, ServiceLine } from '../model';
import type { FeatureContext } from './context';
import { linesIn } from './locate';
import { amountText, formatNumber } from './format';
import { appendAll, maxOf } from '../base/arrays';
import { traitsOf } from '../documents/formats';

export function inlayHints(ctx: FeatureContext, range: Range): InlayHint[] {
  if (!ctx.settings.inlayHints.enabled || !traitsOf(ctx.model).inlayHints) return [];
  const hints: InlayHint[] = [];
  for (const { line } of linesIn(ctx.model, range)) appendAll(hints, lineHints(ctx, line, range));
  return hints;
}

function inside(offset: number, range: Range): boolean {
  return offset >= range.start && offset <= range.end;
}

function lineHints(ctx: FeatureContext, line: ServiceLine, range: Range): InlayHint[] {
  const code = line.code.value.trim().toUpperCase();
  if (!code) return [];
  const lookup = ctx.codeset.lookup(code);
  if (!lookup) return [];
  const out: InlayHint[] = [];
  const afterComposite = Math.max(line.code.range.end, maxOf(line.modifiers.map((m) => m.range.end)));
  const short = lookup.record.short?.trim();
  if (short && inside(afterComposite, range)) {
    out.push({
      position: ctx.textDocument.positionAt(afterComposite),
      label: short,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: lookup.record.long || short,
    });
  }
  const units = line.units;
  const unit = ctx.codeset.drug(code)?.unit;
  // no product for a unit that cannot be multiplied (uncertain, 'greater than', each, per dose)
  const multiplies = unit && !unit.uncertain && (unit.kind === undefined || unit.kind === 'amount' || unit.kind === 'per' || unit.kind === 'up-to');
  if (units && unit && multiplies && Number.isFinite(units.value) && inside(units.range.end, range)) {
    const dose = amountText(units.value * unit.amount, unit.unit);
    out.push({
      position: ctx.textDocument.positionAt(units.range.end),
      label: `${code} ×${formatNumber(units.value)} = ${unit.upTo ? 'up to ' : ''}${dose}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: `1 unit of ${code} = ${unit.upTo ? 'up to ' : ''}${amountText(unit.amount, unit.unit)}`,
    });
  }
  return out;
}
