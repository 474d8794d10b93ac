// Completion of codes and modifiers. Codes: exact match, then codes for the drug just named,
// then prefix matches, then descriptor-word matches; codes not valid on the line's date go last.
// Modifiers: the ones that fit this code first; terminated ones are left out.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range as LspRange,
} from 'vscode-languageserver-types';
import type { CodeRecord, ModifierRecord } from '../codeset/types';
import type { Range } from '../model';
import { usualModifiers } from './modifier-ranking';
import type { FeatureContext } from './context';
import { completionPosition, type CompletionPosition } from './completion-position';
import { codeCard, dateFor, modifierSummary } from './code-card';
import { amountText } from './format';
import { entriesMatching } from '../base/patterns';
import { appendAll } from '../base/arrays';
import { claimDates } from '../checks/diagnosis-facts';
import { dottedDiagnosis, normalizeDiagnosis } from '../codeset/icd10';

export const COMPLETION_CAP = 100;

type CodePosition = Extract<CompletionPosition, { kind: 'code' }>;
type ModifierPosition = Extract<CompletionPosition, { kind: 'modifier' }>;
type DiagnosisPosition = Extract<CompletionPosition, { kind: 'diagnosis' }>;

/** what resolve needs: no document, just the data */
export type ResolveContext = Pick<FeatureContext, 'codeset' | 'guidance' | 'today'>;

interface ItemData {
  kind: 'code' | 'modifier';
  code: string;
  date: string;
}

export function complete(ctx: FeatureContext, offset: number): CompletionList {
  const pos = completionPosition(ctx, offset);
  if (pos.kind === 'code') return codeItems(ctx, pos);
  if (pos.kind === 'modifier') return modifierItems(ctx, pos);
  if (pos.kind === 'diagnosis') return diagnosisItems(ctx, pos);
  return { isIncomplete: false, items: [] };
}

export function resolveCompletion(ctx: ResolveContext, item: CompletionItem): CompletionItem {
  const data = item.data as Partial<ItemData> | undefined;
  if (!data || typeof data.code !== 'string') return item;
  const date = typeof data.date === 'string' ? data.date : ctx.today;
  const value =
    data.kind === 'modifier'
      ? modifierSummary(ctx, data.code, date)
      : codeCard({ codeset: ctx.codeset, guidance: ctx.guidance, today: ctx.today }, data.code, date === ctx.today ? {} : { date });
  return { ...item, documentation: { kind: MarkupKind.Markdown, value } };
}

function lspRange(ctx: FeatureContext, r: Range): LspRange {
  return { start: ctx.textDocument.positionAt(r.start), end: ctx.textDocument.positionAt(r.end) };
}

function codeItems(ctx: FeatureContext, pos: CodePosition): CompletionList {
  const { codeset } = ctx;
  const { date } = dateFor({ line: pos.line, claim: pos.claim }, ctx.today);
  const partial = pos.partial.toUpperCase();
  const looksLikeCode = /^[A-Z][0-9]{0,4}$/.test(partial) || partial === '';
  const groups: { records: CodeRecord[]; group: number }[] = [];
  let capped = false;
  const take = (records: CodeRecord[], group: number) => {
    if (records.length > COMPLETION_CAP) capped = true;
    groups.push({ records: records.slice(0, COMPLETION_CAP), group });
  };

  const drug = pos.drug ?? (partial === '' ? pos.line?.doses.find((d) => d.drug)?.drug?.value : undefined);
  if (drug) {
    const records = codeset
      .codesForDrug(drug)
      .filter((c) => c.startsWith(partial))
      .map((c) => codeset.lookup(c)?.record)
      .filter((r): r is CodeRecord => !!r);
    take(records, 1);
  }
  if (looksLikeCode && (partial !== '' || !drug)) take(codeset.searchPrefix(partial, COMPLETION_CAP + 1), 2);
  if (pos.allowWords && /^[A-Za-z][A-Za-z-]+$/.test(pos.partial) && pos.partial.length >= 2) {
    take(codeset.searchWords(pos.partial, COMPLETION_CAP + 1), 3);
  }

  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const replace = lspRange(ctx, pos.replace);
  for (const { records, group } of groups) {
    records.forEach((record, index) => {
      if (seen.has(record.code)) return;
      seen.add(record.code);
      const status = codeset.lookup(record.code, date)?.status ?? 'active';
      const rank = record.code === partial ? 0 : status !== 'active' ? 9 : group;
      items.push(codeItem(ctx, record, rank, index, replace, date, group === 3 ? pos.partial : undefined, status !== 'active'));
    });
  }
  items.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  if (items.length > COMPLETION_CAP) capped = true;
  return { isIncomplete: capped || pos.allowWords, items: items.slice(0, COMPLETION_CAP) };
}

function codeItem(
  ctx: FeatureContext,
  record: CodeRecord,
  rank: number,
  index: number,
  replace: LspRange,
  date: string,
  wordQuery: string | undefined,
  inactive: boolean,
): CompletionItem {
  const unit = ctx.codeset.drug(record.code)?.unit;
  // no-break spaces: VS Code's detail header must not wrap "1 unit = 50 mg" into "1 unit = 5 / 0 mg"
  const unitText = unit ? `1 unit = ${unit.upTo ? 'up to ' : ''}${amountText(unit.amount, unit.unit)}`.replace(/ /g, '\u00a0') : '';
  const detail = [record.short?.trim(), unitText, inactive ? `not valid on ${date}` : ''].filter(Boolean).join(' · ');
  const item: CompletionItem = {
    label: record.code,
    kind: CompletionItemKind.Value,
    sortText: `${rank}${String(index).padStart(5, '0')}`,
    // word matches are found by their descriptor, so the client must filter on it too
    filterText: wordQuery ? `${record.long || record.short} ${record.code}` : record.code,
    textEdit: { range: replace, newText: record.code },
    data: { kind: 'code', code: record.code, date } satisfies ItemData,
  };
  if (detail) item.detail = detail;
  if (record.short?.trim()) item.labelDetails = { description: record.short.trim() };
  if (inactive) item.tags = [1]; // CompletionItemTag.Deprecated
  return item;
}

/** modifiers that fit this code, best first: wastage for ASP-priced non-oral drugs, KX for oral immunosuppressives, payer extras */
export function modifiersFor(ctx: Pick<FeatureContext, 'codeset' | 'settings'>, code: string | undefined): string[] {
  if (!code) return [];
  const out: string[] = [];
  const drug = ctx.codeset.drug(code);
  if (drug && drug.route !== 'oral' && ctx.codeset.asp(code)) out.push('JZ', 'JW');
  if (/^J75[0-9]{2}$/.test(code) && drug?.route === 'oral') out.push('KX');
  for (const rule of entriesMatching(ctx.settings.requiredModifiers ?? [], code)) appendAll(out, rule.modifiers.map((m) => m.toUpperCase()));
  return [...new Set(out)];
}

function modifierItems(ctx: FeatureContext, pos: ModifierPosition): CompletionList {
  const { codeset } = ctx;
  const { date } = dateFor({ line: pos.line, claim: pos.claim }, ctx.today);
  const partial = pos.partial.toUpperCase();
  const already = new Set((pos.line?.modifiers ?? []).filter((m) => m.range.start !== pos.replace.start).map((m) => m.value.trim().toUpperCase()));
  const fitting = modifiersFor(ctx, pos.code);
  const usualOrder = usualModifiers(codeset, pos.code);
  const replace = lspRange(ctx, pos.replace);
  const candidates: { record: ModifierRecord; rank: number; order: number }[] = [];
  for (const record of codeset.allModifiers()) {
    if (!record.code.startsWith(partial) || already.has(record.code)) continue;
    if (codeset.modifier(record.code, date)?.status !== 'active') continue;
    const fit = fitting.indexOf(record.code);
    const usual = usualOrder.indexOf(record.code);
    candidates.push({ record, rank: fit >= 0 ? 0 : usual >= 0 ? 1 : 2, order: fit >= 0 ? fit : Math.max(usual, 0) });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.order - b.order || a.record.code.localeCompare(b.record.code));
  const items = candidates.slice(0, COMPLETION_CAP).map(({ record, rank }, index): CompletionItem => {
    const item: CompletionItem = {
      label: record.code,
      kind: CompletionItemKind.EnumMember,
      sortText: `${rank}${String(index).padStart(5, '0')}`,
      filterText: record.code,
      textEdit: { range: replace, newText: record.code },
      data: { kind: 'modifier', code: record.code, date } satisfies ItemData,
    };
    const detail = [record.short?.trim(), rank === 0 && pos.code ? `fits ${pos.code}` : ''].filter(Boolean).join(' · ');
    if (detail) item.detail = detail;
    return item;
  });
  return { isIncomplete: candidates.length > COMPLETION_CAP, items };
}

/** the billable ICD-10-CM codes under what is typed (at least its first letter), in the release in force on the claim's date */
function diagnosisItems(ctx: FeatureContext, pos: DiagnosisPosition): CompletionList {
  const partial = normalizeDiagnosis(pos.partial);
  if (!ctx.diagnosisCodes || !/^[A-Z][0-9A-Z]{0,6}$/.test(partial)) return { isIncomplete: false, items: [] };
  const { date } = dateFor({ date: pos.claim ? claimDates(pos.claim)[0] : undefined }, ctx.today);
  const found = ctx.diagnosisCodes.billableUnder(partial, date, COMPLETION_CAP + 1);
  const replace = lspRange(ctx, pos.replace);
  const items = found.slice(0, COMPLETION_CAP).map(({ code, title }, index): CompletionItem => {
    const written = pos.dotted ? dottedDiagnosis(code) : code;
    return {
      label: dottedDiagnosis(code),
      kind: CompletionItemKind.Value,
      sortText: String(index).padStart(5, '0'),
      // typed with or without the dot, the client still matches
      filterText: `${code} ${dottedDiagnosis(code)}`,
      detail: title,
      labelDetails: { description: title },
      textEdit: { range: replace, newText: written },
    };
  });
  return { isIncomplete: found.length > COMPLETION_CAP, items };
}
