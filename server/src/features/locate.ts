// "What is at this offset?" for hover, completion and code actions.
// Documents can hold 100k service lines: the lines and mentions are indexed once per model
// (sorted by start, cached by model identity) and found by binary search. A compact claim's lines
// are not indexed: the claim is found by its range and its lines read when asked.
import type { Claim, ClaimDocument, CodeMention, Diagnosis, Range, ServiceLine, Span } from '../model';
import { contains } from '../model';

export type LocatedKind = 'code' | 'modifier' | 'ndc' | 'pointer' | 'mention' | 'diagnosis' | 'none';

export interface Located {
  kind: LocatedKind;
  /** the service line the token belongs to (code, modifier, ndc) */
  line?: ServiceLine;
  claim?: Claim;
  /** the bare mention the token belongs to (kind 'mention', or a modifier written after a mention) */
  mention?: CodeMention;
  /** the token under the offset; absent for 'none' (a pointer's is its text) */
  span?: Span<string>;
  /** kind 'pointer': the diagnosis pointer under the offset (837P SV107, FHIR item.diagnosisSequence) */
  pointer?: Span<number>;
  /** kind 'diagnosis': the claim's diagnosis under the offset */
  diagnosis?: Diagnosis;
}

interface LineEntry {
  line: ServiceLine;
  claim: Claim | undefined;
}

export interface DocumentIndex {
  /** service lines sorted by range.start, but for those of compact claims */
  lines: LineEntry[];
  /** mentions sorted by code.range.start */
  mentions: CodeMention[];
  /** claims sorted by range.start (for their diagnoses) */
  claims: Claim[];
}

const cache = new WeakMap<ClaimDocument, DocumentIndex>();

export function documentIndex(model: ClaimDocument): DocumentIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const building = buildIndex(model, Infinity);
  for (let next = building.next(); ; next = building.next()) if (next.done) return next.value;
}

/**
 * Builds (and caches) the model's index a slice at a time: true once done. A validation runs it so
 * that the first request after a new model does not build it in one go (100 ms and more on a
 * model of 100k lines).
 */
export function documentIndexTask(model: ClaimDocument, linesPerStep: number): { step(): boolean } {
  const building = cache.has(model) ? undefined : buildIndex(model, linesPerStep);
  return { step: () => !building || Boolean(building.next().done) };
}

/** yields after each `linesPerStep` lines, returns the index (cached) */
function* buildIndex(model: ClaimDocument, linesPerStep: number): Generator<void, DocumentIndex> {
  const lines: LineEntry[] = [];
  const seen = new Set<ServiceLine>();
  let sinceYield = 0;
  const claims = [...(model.claims ?? []), ...(model.containers ?? []).flatMap((c) => c.claims ?? [])];
  for (const claim of claims) {
    // a compact claim's lines are read when an offset falls inside it (linesBefore)
    if (claim.outline) continue;
    for (const line of claim.lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push({ line, claim });
    }
    if ((sinceYield += claim.lines.length + 1) >= linesPerStep) {
      sinceYield = 0;
      yield;
    }
  }
  const done = cache.get(model);
  if (done) return done;
  sortIfNeeded(lines, (e) => e.line.range.start);
  const mentions = [...(model.mentions ?? [])];
  sortIfNeeded(mentions, (m) => m.code.range.start);
  const claimsByStart = [...(model.claims ?? [])];
  sortIfNeeded(claimsByStart, (c) => c.range.start);
  const index = { lines, mentions, claims: claimsByStart };
  cache.set(model, index);
  return index;
}

/** readers emit document order already; sort only when they did not */
function sortIfNeeded<T>(items: T[], key: (t: T) => number): void {
  for (let i = 1; i < items.length; i++) {
    if (key(items[i - 1] as T) > key(items[i] as T)) {
      items.sort((a, b) => key(a) - key(b));
      return;
    }
  }
}

/** index of the last item whose key is <= offset, or -1 */
export function lastAtOrBefore<T>(items: readonly T[], offset: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** the claim holding the offset when it is compact */
function compactClaimAt(claims: readonly Claim[], offset: number): Claim | undefined {
  const claim = claims[lastAtOrBefore(claims, offset, (c) => c.range.start)];
  return claim?.outline && contains(claim.range, offset) ? claim : undefined;
}

/**
 * The lines that may hold an offset, latest start first: the last four starting at or before it (a
 * few steps back covers lines whose extents overlap, e.g. a prose sentence holding two codes), from
 * the compact claim holding the offset, else from the index.
 */
function linesBefore(model: ClaimDocument, offset: number): LineEntry[] {
  const { lines, claims } = documentIndex(model);
  const out: LineEntry[] = [];
  const claim = compactClaimAt(claims, offset);
  if (claim) {
    const own = claim.lines;
    for (let j = own.length - 1; j >= 0 && out.length < 4; j--) if (own[j]!.range.start <= offset) out.push({ line: own[j]!, claim });
    return out;
  }
  const i = lastAtOrBefore(lines, offset, (e) => e.line.range.start);
  for (let j = i; j >= 0 && j > i - 4; j--) out.push(lines[j]!);
  return out;
}

/** the lines that start before the range ends and may reach into it, in document order */
export function linesIn(model: ClaimDocument, range: Range): LineEntry[] {
  const { lines, claims } = documentIndex(model);
  const out: LineEntry[] = [];
  // start a little before the range: a line that starts earlier may still reach into it
  for (let i = Math.max(0, lastAtOrBefore(lines, range.start, (e) => e.line.range.start)); i < lines.length && lines[i]!.line.range.start <= range.end; i++) out.push(lines[i]!);
  let compact = false;
  for (let c = Math.max(0, lastAtOrBefore(claims, range.start, (x) => x.range.start)); c < claims.length && claims[c]!.range.start <= range.end; c++) {
    const claim = claims[c]!;
    if (!claim.outline || claim.range.end < range.start) continue;
    compact = true;
    for (const line of claim.lines) out.push({ line, claim });
  }
  if (compact) out.sort((a, b) => a.line.range.start - b.line.range.start);
  return out;
}

/** the service line whose extent holds the offset (innermost-latest when extents nest) */
export function lineAt(model: ClaimDocument, offset: number): LineEntry | undefined {
  return linesBefore(model, offset).find((e) => contains(e.line.range, offset) || contains(e.line.code.range, offset));
}

export function locate(model: ClaimDocument, offset: number): Located {
  const { mentions, claims } = documentIndex(model);
  for (const { line, claim } of linesBefore(model, offset)) {
    if (contains(line.code.range, offset)) return { kind: 'code', line, claim, span: line.code };
    for (const m of line.modifiers) if (contains(m.range, offset)) return { kind: 'modifier', line, claim, span: m };
    if (line.ndc && contains(line.ndc.range, offset)) return { kind: 'ndc', line, claim, span: line.ndc };
    for (const p of line.diagnosisPointers ?? []) {
      if (contains(p.range, offset)) return { kind: 'pointer', line, claim, pointer: p, span: { value: String(p.value), range: p.range } };
    }
  }
  // claim-level diagnoses (HI, a diagnosis column, FHIR diagnosis): may look like codes (and be
  // mentions too), are not procedures; found before mentions so the card knows the claim's dates
  const c = lastAtOrBefore(claims, offset, (x) => x.range.start);
  const claim = claims[c];
  if (claim && contains(claim.range, offset)) {
    for (const d of claim.diagnoses) if (contains(d.range, offset)) return { kind: 'diagnosis', claim, span: d, diagnosis: d };
  }
  // mentions may also sit inside a line's extent (an NTE naming another code), so look them up too
  const k = lastAtOrBefore(mentions, offset, (m) => m.code.range.start);
  for (let j = k; j >= 0 && j > k - 2; j--) {
    const mention = mentions[j] as CodeMention;
    if (contains(mention.code.range, offset)) return { kind: 'mention', mention, span: mention.code };
    for (const m of mention.modifiers) if (contains(m.range, offset)) return { kind: 'modifier', mention, span: m };
  }
  // modifiers written as words in prose ("the JG modifier"): readers emit them in document order
  const modifierMentions = model.modifierMentions ?? [];
  const q = lastAtOrBefore(modifierMentions, offset, (m) => m.modifier.range.start);
  if (q >= 0 && contains(modifierMentions[q]!.modifier.range, offset)) return { kind: 'modifier', span: modifierMentions[q]!.modifier };
  return { kind: 'none' };
}
