// Claims kept small once checked. A claim's service lines and diagnoses are nine in ten of its
// objects; a compact claim drops them and reads them again from the text when something asks (a
// hover, completion, the outline, a re-check), keeping the last few read. What whole-document
// features need of the lines (their ranges, their charges added up) is kept in `outline`. A 10 MB
// 837 then holds 18,000 claims instead of 64,000 lines of spans.
import type { Claim, ClaimAmounts, ClaimOutline, Diagnosis, Range, ServiceLine, Span } from '../model';
import { linesSum } from './claim-money';

export interface ClaimDetails {
  lines: ServiceLine[];
  diagnoses: Diagnosis[];
}

/** reads a claim's lines and diagnoses again from `text` (the format's reader, with what it needs to know) */
export type DetailsReader<C> = (text: string, claim: Claim, context: C) => ClaimDetails | undefined;

/** claims whose details stay at hand once read: one claim's rules and a screenful of requests */
export const RECENT_CLAIMS = 256;

/** The compact claims of one document, the text they point into and the details read last. */
export class CompactClaims<C> {
  private readonly recent = new Map<CompactClaim<C>, ClaimDetails>();

  constructor(
    /** the text the claims' offsets point into */
    private current: string,
    private readonly read: DetailsReader<C>,
  ) {}

  /**
   * `claim`, whose lines and diagnoses are read, as a compact claim; `context` is what reading it
   * again needs. Its details are let go at once: kept at hand, each claim's would outlive a few
   * collections and be copied into the old generation, to die there (garbage that costs).
   */
  compact(claim: Claim, context: C): CompactClaim<C> {
    return new CompactClaim(claim, outlineOf(claim), this, context);
  }

  /** a claim whose lines were never read (its `lines` and `diagnoses` are not looked at), with its outline */
  compactOutlined(claim: Claim, outline: ClaimOutline, context: C): CompactClaim<C> {
    return new CompactClaim(claim, outline, this, context);
  }

  details(claim: CompactClaim<C>, context: C): ClaimDetails {
    const held = this.recent.get(claim);
    if (held) {
      // most recently used last: a Map keeps insertion order
      this.recent.delete(claim);
      this.recent.set(claim, held);
      return held;
    }
    const read = this.readAgain(claim, context);
    this.remember(claim, read);
    return read;
  }

  /** the claim's details as the text gives them now, the ones at hand if they are */
  readAgain(claim: CompactClaim<C>, context: C): ClaimDetails {
    // a claim that does not read back as itself has no lines to show: never someone else's
    return this.recent.get(claim) ?? this.read(this.current, claim, context) ?? { lines: [], diagnoses: [] };
  }

  /** after an edit moved claims (incremental.ts): their details are read from the new text */
  moved(text: string): void {
    this.current = text;
    this.recent.clear();
  }

  private remember(claim: CompactClaim<C>, details: ClaimDetails): void {
    this.recent.set(claim, details);
    if (this.recent.size > RECENT_CLAIMS) this.recent.delete(this.recent.keys().next().value!);
  }
}

/** A claim without its lines and diagnoses: they are read again when asked. */
export class CompactClaim<C> implements Claim {
  declare id?: Span<string>;
  declare range: Range;
  declare serviceDate?: Span<string>;
  declare amounts?: ClaimAmounts;
  declare segments?: number;
  declare label: string;
  declare outline: ClaimOutline;

  // private: a claim's own fields are what a claim has (deepEqual and JSON see no more)
  readonly #holder: CompactClaims<C>;
  /** what reading it again needs (X12: the separators and the transaction type) */
  readonly #context: C;

  constructor(claim: Claim, outline: ClaimOutline, holder: CompactClaims<C>, context: C) {
    this.#holder = holder;
    this.#context = context;
    // the fields a claim has, the same objects (findings and mentions share its spans)
    if (claim.id) this.id = claim.id;
    this.range = claim.range;
    if (claim.serviceDate) this.serviceDate = claim.serviceDate;
    if (claim.amounts) this.amounts = claim.amounts;
    if (claim.segments !== undefined) this.segments = claim.segments;
    this.label = claim.label;
    this.outline = outline;
  }

  get lines(): ServiceLine[] {
    return this.#holder.details(this, this.#context).lines;
  }

  get diagnoses(): Diagnosis[] {
    return this.#holder.details(this, this.#context).diagnoses;
  }

  /**
   * A plain claim with these lines and diagnoses, read without being kept at hand: a check pass
   * reads each claim once, and lines that die young cost a scavenge nothing, while lines kept at
   * hand for a while are copied into the old generation to die there.
   */
  readWhole(): Claim {
    const { lines, diagnoses } = this.#holder.readAgain(this, this.#context);
    const whole: Claim = { range: this.range, diagnoses, lines, label: this.label };
    if (this.id) whole.id = this.id;
    if (this.serviceDate) whole.serviceDate = this.serviceDate;
    if (this.amounts) whole.amounts = this.amounts;
    if (this.segments !== undefined) whole.segments = this.segments;
    return whole;
  }

  /** where the details are read and kept */
  get holder(): CompactClaims<C> {
    return this.#holder;
  }
}

/** what whole-document features need of a claim's lines: their ranges, their charges added up */
function outlineOf(claim: Claim): ClaimOutline {
  const lineRanges = new Int32Array(claim.lines.length * 2);
  claim.lines.forEach((l, i) => {
    lineRanges[2 * i] = l.range.start;
    lineRanges[2 * i + 1] = l.range.end;
  });
  const sum = linesSum(claim);
  return sum === undefined ? { lineRanges } : { lineRanges, linesSum: sum };
}

/** the claim with its lines: a compact claim's read for this once (CompactClaim.readWhole) */
export function wholeClaim(claim: Claim): Claim {
  return claim instanceof CompactClaim ? claim.readWhole() : claim;
}

/** each line's range: read from the outline of a compact claim, from the lines of any other */
export function lineRangesOf(claim: Claim): Range[] {
  const ranges = claim.outline?.lineRanges;
  if (!ranges) return claim.lines.map((l) => l.range);
  const out: Range[] = [];
  for (let i = 0; i < ranges.length; i += 2) out.push({ start: ranges[i]!, end: ranges[i + 1]! });
  return out;
}

/** how many service lines a claim has, without reading a compact claim's */
export function lineCountOf(claim: Claim): number {
  return claim.outline ? claim.outline.lineRanges.length / 2 : claim.lines.length;
}
