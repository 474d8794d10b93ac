// "What is at this offset?" for hover, completion and code actions.
// Documents can hold 100k service lines: the lines and mentions are indexed once per model
// (sorted by start, cached by model identity) and found by binary search.
import type { Claim, ClaimDocument, CodeMention, Diagnosis, ServiceLine, Span } from '../model';
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
  /** service lines sorted by range.start */
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

/** the service line whose extent holds the offset (innermost-latest when extents nest) */
export function lineAt(model: ClaimDocument, offset: number): LineEntry | undefined {
  const { lines } = documentIndex(model);
  const i = lastAtOrBefore(lines, offset, (e) => e.line.range.start);
  // a few steps back covers lines whose extents overlap (e.g. a prose sentence holding two codes)
  for (let j = i; j >= 0 && j > i - 4; j--) {
    const e = lines[j] as LineEntry;
    if (contains(e.line.range, offset) || contains(e.line.code.range, offset)) return e;
  }
  return undefined;
}

export function locate(model: ClaimDocument, offset: number): Located {
  const { lines, mentions, claims } = documentIndex(model);
  const i = lastAtOrBefore(lines, offset, (e) => e.line.range.start);
  for (let j = i; j >= 0 && j > i - 4; j--) {
    const { line, claim } = lines[j] as LineEntry;
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
