// Re-validation after an edit without reading a 10 MB file again: when an edit falls inside one
// X12 claim, only that claim is re-read and re-checked; the claims around it keep their parse and
// their findings, moved by the edit's length. Anything else (an envelope segment touched, a claim
// boundary edited, another format) returns undefined and the caller reads the whole document.
import type { Claim, ClaimDocument, Container, PaymentAmounts, Range, ServiceLine, Span } from './model';
import type { Finding } from './checks/types';
import { envelopeRuleIds, inOrder } from './checks/index';
import { FORMATS } from './documents/formats';
import { CompactClaim } from './documents/compact-claims';

export interface TextChange {
  /** first changed offset (same in both texts) */
  start: number;
  /** end of the changed part in the old text */
  oldEnd: number;
  /** end of the changed part in the new text */
  newEnd: number;
}

const CHUNK = 4096;

/**
 * The one changed region between two texts: common prefix and suffix, compared a chunk at a time
 * (V8 compares equal-length slices with memcmp), then character by character in the last chunk.
 */
export function findChange(oldText: string, newText: string): TextChange {
  const min = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + CHUNK <= min && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < min && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  const maxSuffix = min - start;
  while (
    suffix + CHUNK <= maxSuffix &&
    oldText.slice(oldText.length - suffix - CHUNK, oldText.length - suffix) === newText.slice(newText.length - suffix - CHUNK, newText.length - suffix)
  ) {
    suffix += CHUNK;
  }
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - suffix - 1) === newText.charCodeAt(newText.length - suffix - 1)) suffix++;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

export interface IncrementalResult {
  model: ClaimDocument;
  /** the findings of the re-read claims are to be computed for this document and spliced in */
  changedClaims: ClaimDocument;
  /** findings of the old document outside the re-read claim, moved to the new offsets */
  keptFindings: (fresh: Finding[]) => Finding[];
}

/** the claim whose segments hold [start, end], by binary search over claims in document order */
function claimAt(claims: Claim[], start: number, end: number): number {
  let lo = 0;
  let hi = claims.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = claims[mid].range;
    if (end < r.start) hi = mid - 1;
    else if (start > r.end) lo = mid + 1;
    else return start >= r.start && end <= r.end ? mid : -1;
  }
  return -1;
}

/**
 * Moves every offset of the claims it is given by delta, field by field (a generic walk over a
 * 10 MB model costs half a second). Date spans are shared (a line without its own date carries the
 * claim's, an SVD line its parent's) and a diagnosis shares its range object with its mention:
 * those move once, by range object.
 */
function claimMover(delta: number) {
  const movedShared = new Set<Range>();
  const range = (r: Range) => {
    r.start += delta;
    r.end += delta;
  };
  const one = (s: Span<unknown> | undefined) => {
    if (s) range(s.range);
  };
  const once = (s: Span<unknown> | undefined) => {
    if (s && !movedShared.has(s.range)) {
      movedShared.add(s.range);
      range(s.range);
    }
  };
  const amounts = (a: { charge?: Span<unknown>; paid?: Span<unknown>; adjustments?: Span<unknown>[] } | undefined) => {
    if (!a) return;
    one(a.charge);
    one(a.paid);
    a.adjustments?.forEach(one);
  };
  const line = (l: ServiceLine) => {
    range(l.range);
    one(l.qualifier);
    one(l.code);
    l.modifiers.forEach(one);
    one(l.units);
    one(l.unitsText);
    one(l.unitBasis);
    one(l.charge);
    one(l.ndc);
    one(l.ndcQualifier);
    one(l.ndcQuantity);
    one(l.ndcUnit);
    one(l.sequence);
    amounts(l.amounts);
    l.diagnosisPointers?.forEach(one);
    one(l.description);
    l.notes.forEach(one);
    for (const d of l.doses) {
      range(d.range);
      one(d.drug);
      one(d.amount);
      one(d.unit);
    }
    once(l.serviceDate);
    if (l.modifierSlot) l.modifierSlot.offset += delta;
    if (l.unitsSlot) l.unitsSlot.offset += delta;
  };
  return {
    claim(c: Claim) {
      range(c.range);
      one(c.id);
      amounts(c.amounts);
      one(c.amounts?.status);
      once(c.serviceDate);
      // a compact claim holds no lines or diagnoses (they are read again from the new text) but their ranges
      if (c.outline) {
        for (let i = 0; i < c.outline.lineRanges.length; i++) c.outline.lineRanges[i]! += delta;
        return;
      }
      for (const d of c.diagnoses) {
        once(d);
        one(d.qualifier);
      }
      c.lines.forEach(line);
    },
    /** a mention not moved with its claim already */
    mention: (s: Span<unknown>) => once(s),
    /** an 835 transaction's BPR02 and PLB amounts that lie behind the edit */
    payment(p: PaymentAmounts, after: number) {
      for (const a of [p.paid, ...p.adjustments]) if (a && a.range.start > after) range(a.range);
    },
  };
}

/** the claims pay the same: equal count, and CLP04 equal where readable, unreadable in the same claims */
function samePaid(before: Claim[], after: Claim[]): boolean {
  return before.length === after.length && before.every((c, i) => c.amounts?.paid?.cents === after[i]!.amounts?.paid?.cents);
}

/** an envelope's header and trailer spans that lie behind the edit move with the text */
function moveEnvelope(c: Container, after: number, delta: number): void {
  const e = c.envelope;
  if (!e) return;
  for (const s of [e.control, e.trailer?.id, e.trailer?.count, e.trailer?.control]) {
    if (s && s.range.start > after) {
      s.range.start += delta;
      s.range.end += delta;
    }
  }
}

/** `extra` (in order) placed into `list` (in order) where a full check would list them */
function mergeInOrder(list: Finding[], extra: Finding[]): Finding[] {
  if (extra.length === 0) return list;
  const out: Finding[] = [];
  let i = 0;
  for (const f of extra) {
    while (i < list.length && inOrder(list[i]!, f) <= 0) out.push(list[i++]!);
    out.push(f);
  }
  while (i < list.length) out.push(list[i++]!);
  return out;
}

/**
 * A kept finding's ranges after the edit: each range behind the re-read claim moves, one that
 * spans it grows or shrinks, one before it stays (a group-count finding on GE points back at its
 * GS). Returns the finding itself when nothing moves.
 */
function shiftFinding(f: Finding, after: number, delta: number): Finding {
  const move = (r: Range): Range => (r.end < after ? r : { start: r.start > after ? r.start + delta : r.start, end: r.end + delta });
  const moves = (r: Range) => r.end >= after;
  if (!moves(f.range) && !f.related.some((r) => moves(r.range)) && !f.fixes.some((fix) => fix.edits.some((e) => moves(e.range)))) return f;
  return {
    ...f,
    range: move(f.range),
    related: f.related.map((r) => ({ ...r, range: move(r.range) })),
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: move(e.range) })) })),
  };
}

/**
 * The new model after one edit, when the edit lies inside one claim of an X12 document; the old
 * model's objects are reused (and moved in place), so the old model must not be used afterwards.
 */
export function reparseAfterEdit(
  oldText: string,
  oldModel: ClaimDocument,
  oldFindings: Finding[],
  newText: string,
  options: { isDrugName?: (word: string) => boolean },
): IncrementalResult | undefined {
  const rereadClaim = FORMATS[oldModel.format].rereadClaim;
  if (!rereadClaim || oldModel.claims.length === 0) return undefined;
  const change = findChange(oldText, newText);
  const delta = change.newEnd - change.oldEnd;
  const index = claimAt(oldModel.claims, change.start, change.oldEnd);
  if (index < 0) return undefined;
  const old = oldModel.claims[index];
  // an edit of the CLM/CLP id itself, or text typed right after it (CLM -> CLMKX), may end or
  // merge claims: read everything again
  if (change.start <= old.range.start + 3) return undefined;
  const reread = rereadClaim(oldText, oldModel, old, newText, old.range.end + delta, options);
  const region = reread?.region;
  // the re-read region must still open with the claim it replaces
  if (!region || region.claims[0]?.range.start !== old.range.start) return undefined;
  // SE01 counts segments: a segment typed into (or deleted from) the claim changes its transaction's count
  const oldSegments = old.segments ?? region.segments;
  const transaction = oldModel.containers.find((c) => c.kind === 'transaction' && c.range.start <= old.range.start && old.range.end <= c.range.end);

  const oldStart = old.range.start;
  const oldEnd = old.range.end;
  const inOld = (r: Range) => r.start >= oldStart && r.end <= oldEnd;
  // the component-separator mismatch is reported once per interchange at its first composite:
  // re-reading that claim alone could not say it again
  if (oldModel.problems.some((p) => p.id === 'x12-component-mismatch' && inOld(p.range))) return undefined;
  // an 835 transaction's payment is checked against the sum of its claims' CLP04 (kept on the
  // transaction): when the edit changes a claim's paid amount, everything is read and checked again
  if (reread.remittance && !samePaid([old], region.claims)) return undefined;

  // findings first: they get new range objects before the model's ranges are moved in place
  const before: Finding[] = [];
  const behind: Finding[] = [];
  for (const f of oldFindings) {
    if (inOld(f.range)) continue;
    const kept = delta ? shiftFinding(f, oldEnd, delta) : f;
    if (f.range.start > oldEnd) behind.push(kept);
    else before.push(kept);
  }

  // mentions and problems: classified on the old offsets, before anything moves
  const splice = <T>(items: T[], rangeOf: (item: T) => Range, fresh: T[]): { list: T[]; behind: T[] } => {
    const list: T[] = [];
    const behindItems: T[] = [];
    for (const item of items) {
      const r = rangeOf(item);
      if (inOld(r)) continue;
      if (r.start > oldEnd) behindItems.push(item);
      else list.push(item);
    }
    return { list: [...list, ...fresh, ...behindItems], behind: behindItems };
  };
  const mentions = splice(oldModel.mentions, (m) => m.code.range, region.mentions);
  const problems = splice(oldModel.problems, (p) => p.range, region.problems);

  if (delta) {
    const mover = claimMover(delta);
    for (let i = index + 1; i < oldModel.claims.length; i++) mover.claim(oldModel.claims[i]);
    for (const m of mentions.behind) mover.mention(m.code);
    for (const p of problems.behind) {
      p.range.start += delta;
      p.range.end += delta;
    }
    for (const c of oldModel.containers) {
      if (c.payment) mover.payment(c.payment, oldEnd);
      if (c.range.start > oldEnd) c.range.start += delta;
      if (c.range.end >= oldEnd) c.range.end += delta;
      moveEnvelope(c, oldEnd, delta);
    }
  }
  // compact claims (all of one read, one holder) read their details from the new text from now on
  const compact = oldModel.claims.find((c): c is CompactClaim<unknown> => c instanceof CompactClaim);
  compact?.holder.moved(newText);
  if (transaction?.envelope) transaction.envelope.counted += region.segments - oldSegments;
  const claims = [...oldModel.claims.slice(0, index), ...region.claims, ...oldModel.claims.slice(index + 1)];
  for (const c of oldModel.containers) {
    const at = c.claims.indexOf(old);
    // a new array, not splice(at, 1, ...claims): a pasted block of claims would overflow the call arguments
    if (at >= 0) c.claims = [...c.claims.slice(0, at), ...region.claims, ...c.claims.slice(at + 1)];
  }
  const model: ClaimDocument = {
    ...oldModel,
    length: newText.length,
    claims,
    mentions: mentions.list,
    problems: problems.list,
  };
  const changedClaims: ClaimDocument = {
    format: 'x12',
    kind: oldModel.kind,
    length: newText.length,
    // the envelope rules run again over the transaction holding the claim (its segment count may have changed)
    containers: transaction ? [transaction] : [],
    claims: region.claims,
    mentions: region.mentions,
    problems: region.problems,
    x12: oldModel.x12,
  };
  const keptFindings = (fresh: Finding[]): Finding[] => {
    // the transaction's envelope findings are replaced by the ones just computed for it
    const stale = (f: Finding) => transaction !== undefined && envelopeRuleIds.has(f.ruleId) && f.range.start >= transaction.range.start && f.range.end <= transaction.range.end;
    const kept = (list: Finding[]) => (transaction ? list.filter((f) => !stale(f)) : list);
    // the claim's own findings; a document rule run over the transaction (an 835's BPR02 against its
    // claims) says again what the kept findings already say, since the claims pay the same
    const claimEnd = oldEnd + delta;
    const claimFindings = fresh.filter((f) => !envelopeRuleIds.has(f.ruleId) && f.range.start >= oldStart && f.range.end <= claimEnd);
    const envelopeFindings = fresh.filter((f) => envelopeRuleIds.has(f.ruleId));
    return mergeInOrder([...kept(before), ...claimFindings, ...kept(behind)], envelopeFindings);
  };
  return { model, changedClaims, keptFindings };
}
