// Outline: interchange -> transaction -> claim -> service lines (X12), table -> rows (CSV),
// bundle -> claims/EOBs -> items (FHIR), codes (prose). Claims are named by their id and
// charge, never by anything that could be a patient's name.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Claim, Container, Range, ServiceLine } from '../model';
import type { FeatureContext } from './context';
import { formatMoney, plural } from './format';
import { appendAll } from '../base/arrays';
import { claimMoney } from '../documents/claim-money';
import { lineCountOf } from '../documents/compact-claims';
import { traitsOf } from '../documents/formats';

/**
 * An outline is for finding your way, not a copy of the file: a 10 MB 837 would otherwise send
 * 20 MB of symbols on every request. Past this many items the rest is summed up in one entry.
 */
export const OUTLINE_LIMIT = 5000;

interface Budget {
  left: number;
  skippedClaims: number;
  skippedCodes: number;
}

export function documentSymbols(ctx: FeatureContext): DocumentSymbol[] {
  const { model } = ctx;
  const roots: DocumentSymbol[] = [];
  const budget: Budget = { left: OUTLINE_LIMIT, skippedClaims: 0, skippedCodes: 0 };
  const claimNodes = (claim: Claim): DocumentSymbol[] => {
    if (budget.left <= 0) return (budget.skippedClaims++, []);
    budget.left--;
    return [claimSymbol(ctx, claim, budget)];
  };
  const codeNodes = <T>(items: T[], make: (item: T) => DocumentSymbol): DocumentSymbol[] => {
    const kept = items.slice(0, Math.max(0, budget.left));
    budget.left -= kept.length;
    budget.skippedCodes += items.length - kept.length;
    return kept.map(make);
  };
  const nodes = nestContainers(ctx, model.containers ?? []);
  const placed = new Set<Claim>();
  // a claim belongs to the innermost container listing it: visit the smallest containers first
  const bySize = [...nodes.all].sort((a, b) => a.end - a.start - (b.end - b.start));
  for (const node of bySize) {
    for (const claim of node.container.claims ?? []) {
      if (placed.has(claim)) continue;
      placed.add(claim);
      appendAll((node.symbol.children ??= []), claimNodes(claim));
    }
  }
  appendAll(roots, nodes.roots.map((n) => n.symbol));
  for (const claim of model.claims ?? []) {
    if (placed.has(claim)) continue;
    const holder = innermost(nodes.all, claim.range.start);
    placed.add(claim);
    // prose has no real claims: its codes are the outline
    if (traitsOf(model).sentences && !holder) appendAll(roots, codeNodes(claim.lines, (line) => lineSymbol(ctx, line)));
    else appendAll(holder ? (holder.symbol.children ??= []) : roots, claimNodes(claim));
  }
  if (traitsOf(model).sentences) {
    const mentions = (model.mentions ?? []).filter((m) => m.context === 'text');
    appendAll(
      roots,
      codeNodes(mentions, (m) => {
        const code = m.code.value.trim().toUpperCase();
        const label = [code, ...m.modifiers.map((x) => x.value)].join('-'); // a named code keeps its written modifiers
        return symbol(ctx, label, ctx.codeset.lookup(code)?.record.short, SymbolKind.Constant, m.code.range, m.code.range);
      }),
    );
  }
  const sorted = sortByStart(ctx, roots);
  const skipped = [plural(budget.skippedClaims, 'more claim'), plural(budget.skippedCodes, 'more code')].filter((t) => !t.startsWith('0 '));
  if (skipped.length) {
    const end = { start: model.length, end: model.length };
    sorted.push(symbol(ctx, `… ${skipped.join(', ')} not listed`, `the outline stops at ${OUTLINE_LIMIT} items`, SymbolKind.String, end, end));
  }
  return sorted;
}

interface Node {
  container: Container;
  symbol: DocumentSymbol;
  start: number;
  end: number;
}

const CONTAINER_KIND: Record<Container['kind'], SymbolKind> = {
  interchange: SymbolKind.Module,
  group: SymbolKind.Namespace,
  transaction: SymbolKind.Package,
  bundle: SymbolKind.Module,
  table: SymbolKind.Module,
};

/** containers come as a flat list; nest them by range (one pass over them sorted by start) */
function nestContainers(ctx: FeatureContext, containers: Container[]): { roots: Node[]; all: Node[] } {
  const all = containers
    .map((c) => ({ container: c, symbol: symbol(ctx, c.label || c.kind, undefined, CONTAINER_KIND[c.kind] ?? SymbolKind.Module, c.range, c.range), start: c.range.start, end: c.range.end }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const node of all) {
    while (stack.length && (stack[stack.length - 1] as Node).end < node.end) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) (parent.symbol.children ??= []).push(node.symbol);
    else roots.push(node);
    stack.push(node);
  }
  return { roots, all };
}

function innermost(nodes: Node[], offset: number): Node | undefined {
  let best: Node | undefined;
  for (const n of nodes) {
    if (offset < n.start || offset > n.end) continue;
    if (!best || n.end - n.start <= best.end - best.start) best = n;
  }
  return best;
}

function claimSymbol(ctx: FeatureContext, claim: Claim, budget: Budget): DocumentSymbol {
  const id = claim.id?.value.trim();
  // FHIR labels say which resource it is (Claim / ExplanationOfBenefit) and its id
  const fhirLabel = ctx.model.format === 'fhir' ? claim.label?.trim() : undefined;
  const name = fhirLabel || (id ? `Claim ${id}` : claim.label?.trim() || 'Claim');
  // X12: CLM02 (837), CLP03 charged and CLP04 paid (835); elsewhere the sum of the line charges
  const money = claimMoney(claim);
  const charge = money.charge ?? (claim.amounts ? undefined : money.linesSum);
  const detail = [
    charge !== undefined ? formatMoney(charge / 100) : '',
    money.paid !== undefined ? `paid ${formatMoney(money.paid / 100)}` : '',
    plural(lineCountOf(claim), 'line'),
  ]
    .filter(Boolean)
    .join(' · ');
  const s = symbol(ctx, name, detail, SymbolKind.Object, claim.range, claim.id?.range ?? claim.range);
  // a compact claim's lines are read only while the budget lasts
  const lines = budget.left > 0 ? claim.lines.slice(0, budget.left) : [];
  budget.left -= lines.length;
  s.children = lines.map((line) => lineSymbol(ctx, line));
  const count = lineCountOf(claim);
  if (lines.length < count) s.detail = [s.detail, `${count - lines.length} not listed`].filter(Boolean).join(' · ');
  return s;
}

function lineSymbol(ctx: FeatureContext, line: ServiceLine): DocumentSymbol {
  const code = line.code.value.trim().toUpperCase();
  const mods = line.modifiers.map((m) => m.value.trim().toUpperCase()).filter(Boolean);
  const name = (code || '(no code)') + (mods.length ? `-${mods.join('-')}` : '');
  const short = ctx.codeset.lookup(code)?.record.short?.trim();
  const units = line.units?.value;
  const detail = [short ?? '', units !== undefined && Number.isFinite(units) ? plural(units, 'unit') : ''].filter(Boolean).join(' · ');
  const prefix = line.source === 'csv' ? `Row ${ctx.textDocument.positionAt(line.range.start).line + 1}: ` : '';
  return symbol(ctx, prefix + name, detail || undefined, SymbolKind.Field, line.range, line.code.range);
}

function symbol(ctx: FeatureContext, name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range): DocumentSymbol {
  const doc = ctx.textDocument;
  // selectionRange must lie inside range: clamp it
  const selStart = Math.min(Math.max(selection.start, range.start), range.end);
  const selEnd = Math.min(Math.max(selection.end, selStart), range.end);
  const s: DocumentSymbol = {
    name: name.trim() || '(unnamed)',
    kind,
    range: { start: doc.positionAt(range.start), end: doc.positionAt(range.end) },
    selectionRange: { start: doc.positionAt(selStart), end: doc.positionAt(selEnd) },
    children: [],
  };
  if (detail) s.detail = detail;
  return s;
}

function sortByStart(ctx: FeatureContext, symbols: DocumentSymbol[]): DocumentSymbol[] {
  const offset = (s: DocumentSymbol) => ctx.textDocument.offsetAt(s.range.start);
  return symbols.sort((a, b) => offset(a) - offset(b));
}
