// X12 837P / 837I / 835 -> ClaimDocument, in one pass over the text.
// Segments are found with indexOf(terminator) and split into elements by a character loop that
// records offsets in reused arrays; values are sliced only for the segments that matter.
import type { Amount, Claim, ClaimDocument, CodeMention, Container, Envelope, EnvelopeTrailer, ReadProblem, ServiceLine, ServiceLineSource, Span } from '../model';
import { ENVELOPE_SEGMENTS, span, type EnvelopeKind } from '../model';
import { quoteField } from '../base/safe-text';
import { isAlnum, isLevel2, isSpace, parseNumber, skipSpaces } from './chars';
import { fromD8 } from './dates';
import { isNdcFiller, isZeroDate } from './fillers';
import { findDoses, type DrugNamePredicate } from './doses';
import { addProblem, emptyDocument, problem } from './problems';
import { isIsaAt, readIsa, type X12Delimiters } from './x12-delimiters';
import { appendAll } from '../base/arrays';
import { diagnosisQualifier, isKnownHiQualifier } from './hi-qualifiers';
import { parseCents } from '../base/money';
import { CompactClaims, type ClaimDetails } from './compact-claims';

export interface X12Options {
  isDrugName?: DrugNamePredicate;
  /**
   * claims kept compact once read (and handed to a stream's sink, which checks them): their lines and
   * diagnoses are read again from the text when asked (documents/compact-claims.ts)
   */
  compactClaims?: boolean;
}

/** an SV107 component longer than this is not read as a pointer number (the 5010 pointers are 1 to 12) */
const MAX_POINTER_CHARS = 4;

/** 'SV1' -> its characters packed base 256, the form dispatch switches on */
function segmentId(id: string): number {
  let n = 0;
  for (let i = 0; i < id.length; i++) n = n * 256 + id.charCodeAt(i);
  return n;
}
const SEG = {
  BPR: segmentId('BPR'),
  CAS: segmentId('CAS'),
  CLM: segmentId('CLM'),
  CLP: segmentId('CLP'),
  CTP: segmentId('CTP'),
  DTM: segmentId('DTM'),
  DTP: segmentId('DTP'),
  GE: segmentId('GE'),
  GS: segmentId('GS'),
  HI: segmentId('HI'),
  HL: segmentId('HL'),
  IEA: segmentId('IEA'),
  ISA: segmentId('ISA'),
  LIN: segmentId('LIN'),
  LX: segmentId('LX'),
  NTE: segmentId('NTE'),
  PLB: segmentId('PLB'),
  SE: segmentId('SE'),
  ST: segmentId('ST'),
  SV1: segmentId('SV1'),
  SV2: segmentId('SV2'),
  SVC: segmentId('SVC'),
  SVD: segmentId('SVD'),
} as const;

export function readX12(text: string, options: X12Options = {}): ClaimDocument {
  return new X12Reader(text, options).read();
}

/** A read that goes on a piece at a time, so a caller can check claims and yield in between. */
export interface X12Stream {
  /** what is read so far; with a claim sink that keeps none it holds no claims or their mentions (containers, problems only) */
  readonly document: ClaimDocument;
  /** reads the segments that start before `limit` (an offset); true once the whole text is read */
  readTo(limit: number): boolean;
}

/**
 * Reads `text` in pieces. With `onClaim`, each claim is handed over once complete (its dates
 * resolved); unless `keepClaims`, it is not kept: a check pass sees every claim while memory holds one.
 */
export function streamX12(text: string, options: X12Options = {}, onClaim?: (claim: Claim) => void, keepClaims = !onClaim): X12Stream {
  const reader = new X12Reader(text, options, onClaim, keepClaims);
  reader.begin();
  let done = false;
  return {
    document: reader.document,
    readTo(limit) {
      if (!done && reader.advance(limit)) {
        reader.end();
        done = true;
      }
      return done;
    },
  };
}

/** The separators and transaction in effect where a region lies (from the document read before). */
export interface X12RegionContext {
  element: string;
  segment: string;
  /** the component separator the body uses (which may differ from ISA16) */
  component: string;
  /** '837' or '835' */
  txType: string;
  /** read the separator from the first composite instead (a window into a file read for the first time) */
  detectComponent?: boolean;
}

export interface X12Region {
  claims: Claim[];
  mentions: CodeMention[];
  problems: ReadProblem[];
  /** how many segments the region holds (what an SE01 counts) */
  segments: number;
}


const ENVELOPE_IDS = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE']);

/**
 * Re-reads the segments that start in [from, to) — whole claims of a document read before — at
 * their offsets in `text`. Undefined when the region holds an envelope segment (ISA/GS/ST/SE/GE/
 * IEA): structure changed, and the caller reads the whole document again.
 */
export function readX12Region(
  text: string,
  from: number,
  to: number,
  context: X12RegionContext,
  options: X12Options = {},
): X12Region | undefined {
  return new X12Reader(text, options).readRegion(from, to, context);
}

/** a compact claim's lines and diagnoses read again: undefined unless the region reads back as that one claim */
function claimDetails(text: string, claim: Claim, context: X12RegionContext, options: X12Options): ClaimDetails | undefined {
  // read whole (no compactClaims): these are the details a compact claim hands out
  const region = readX12Region(text, claim.range.start, claim.range.end, context, { isDrugName: options.isDrugName });
  const read = region?.claims.length === 1 ? region.claims[0]! : undefined;
  if (!read || read.range.start !== claim.range.start || read.range.end !== claim.range.end) return undefined;
  return { lines: read.lines, diagnoses: read.diagnoses };
}

class X12Reader {
  private readonly doc: ClaimDocument;
  private readonly n: number;
  // separators in effect
  private el = 42; // '*'
  private seg = '~';
  private comp = ':';
  private declaredComp = ':';
  private compDecided = false;
  // element offsets of the current segment: element k spans [starts[k], ends[k])
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  /** segments read (a region's count) */
  private segments = 0;
  // open structures
  private interchange?: Container;
  private group?: Container;
  private transaction?: Container;
  private txType = '';
  private claim?: Claim;
  private claimDate472?: Span<string>;
  private claimDateOther?: Span<string>;
  private line?: ServiceLine;
  private lastProcedureLine?: ServiceLine;
  private readonly parents = new Map<ServiceLine, ServiceLine>();
  private pendingLxStart?: number;
  private pendingLxNumber?: Span<number>;
  private lastEnd = 0;
  /** where the next segment may start */
  private pos = 0;
  /** the compact claims kept (X12Options.compactClaims), and the context of the last one */
  private readonly compacted?: CompactClaims<X12RegionContext>;
  private context?: X12RegionContext;

  constructor(
    private readonly text: string,
    private readonly options: X12Options,
    /** when set, each claim is handed here once closed */
    private readonly sink?: (claim: Claim) => void,
    /** claims stay in the document and its containers (false: dropped once handed to the sink) */
    private readonly keepClaims = true,
  ) {
    this.n = text.length;
    this.doc = emptyDocument('x12', text.length);
    if (options.compactClaims && keepClaims) this.compacted = new CompactClaims(text, (current, claim, context) => claimDetails(current, claim, context, options));
  }

  get document(): ClaimDocument {
    return this.doc;
  }

  read(): ClaimDocument {
    this.begin();
    this.advance(this.n);
    return this.end();
  }

  /** finds the first ISA and the separators before any segment is read */
  begin(): void {
    const { text, n } = this;
    let pos = skipSpaces(text, 0);
    const firstIsa = this.findFirstIsa(pos);
    if (firstIsa < 0) {
      addProblem(this.doc.problems, problem('x12-no-isa', 'No ISA segment found: separators were guessed (\'*\', \'~\', \':\').', 0, Math.min(n, 3), 'warning'));
      const sniffed = text.indexOf('~') >= 0 ? '~' : '\n';
      this.seg = sniffed;
      this.doc.x12 = { element: '*', component: ':', repetition: '', segment: sniffed };
    } else {
      if (firstIsa > pos) {
        addProblem(this.doc.problems, problem('x12-text-before-isa', 'Text before the ISA segment was ignored.', pos, firstIsa, 'information'));
      }
      pos = firstIsa;
    }
    this.pos = pos;
  }

  /** reads the segments that start before `limit`; true when the text is read to its end */
  advance(limit: number): boolean {
    const { text, n } = this;
    let pos = this.pos;
    while (pos < n && pos < limit) {
      pos = skipSpaces(text, pos);
      if (pos >= n) break;
      let terminatorAt: number;
      if (isIsaAt(text, pos)) {
        const isa = readIsa(text, pos);
        for (const p of isa.problems) addProblem(this.doc.problems, p);
        // the open claim closes under the separators it was written with (a compact claim keeps them)
        this.closeClaim();
        this.useDelimiters(isa.delimiters);
        terminatorAt = isa.terminatorAt;
      } else {
        terminatorAt = this.terminatorFrom(pos);
      }
      pos = this.readSegment(pos, terminatorAt);
    }
    this.pos = pos;
    return pos >= n;
  }

  /** closes what the text left open */
  end(): ClaimDocument {
    this.closeClaim();
    this.closeContainer('transaction');
    this.closeContainer('group');
    this.closeContainer('interchange');
    return this.doc;
  }

  readRegion(from: number, to: number, context: X12RegionContext): X12Region | undefined {
    const { text, n } = this;
    this.el = context.element.charCodeAt(0);
    this.seg = context.segment;
    this.comp = this.declaredComp = context.component;
    this.compDecided = !context.detectComponent;
    this.txType = context.txType;
    let pos = from;
    while (pos < to) {
      pos = skipSpaces(text, pos);
      if (pos >= to) break;
      let idEnd = pos;
      while (idEnd < n && idEnd - pos < 4 && text.charCodeAt(idEnd) !== this.el && text[idEnd] !== this.seg) idEnd++;
      if (ENVELOPE_IDS.has(text.slice(pos, idEnd))) return undefined;
      pos = this.readSegment(pos, this.terminatorFrom(pos));
    }
    this.closeClaim();
    return { claims: this.doc.claims, mentions: this.doc.mentions, problems: this.doc.problems, segments: this.segments };
  }

  private terminatorFrom(pos: number): number {
    const at = this.text.indexOf(this.seg, pos);
    return at < 0 ? this.n : at;
  }

  /** reads the segment from pos to its terminator (trailing blanks dropped); returns where the next one may start */
  private readSegment(pos: number, terminatorAt: number): number {
    let end = terminatorAt;
    while (end > pos && isSpace(this.text.charCodeAt(end - 1))) end--;
    if (end > pos) this.segment(pos, end);
    return terminatorAt + this.seg.length;
  }

  /** the first ISA: at the start, or at the start of a later line (text before it is tolerated) */
  private findFirstIsa(pos: number): number {
    if (isIsaAt(this.text, pos)) return pos;
    let at = this.text.indexOf('ISA', pos);
    while (at >= 0) {
      if (isIsaAt(this.text, at) && (at === 0 || !isAlnum(this.text.charCodeAt(at - 1)))) return at;
      at = this.text.indexOf('ISA', at + 3);
    }
    return -1;
  }

  private useDelimiters(d: X12Delimiters): void {
    this.el = d.element.charCodeAt(0);
    this.seg = d.segment;
    this.comp = d.component;
    this.declaredComp = d.component;
    this.compDecided = false;
    if (!this.doc.x12) this.doc.x12 = { ...d };
  }

  // ---- segments -------------------------------------------------------------------------

  private segment(start: number, end: number): void {
    const { text, el } = this;
    this.starts[0] = start;
    let k = 0;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) === el) {
        this.ends[k] = i;
        k++;
        this.starts[k] = i + 1;
      }
    }
    this.ends[k] = end;
    this.count = k + 1;
    this.segments++;
    // segment ids are 2-3 capitals, packed into a number so no string is made per segment
    const idLength = this.ends[0] - start;
    let id = 0;
    if (idLength >= 2 && idLength <= 3) for (let i = start; i < this.ends[0]; i++) id = id * 256 + text.charCodeAt(i);
    this.dispatch(id, start, end);
    this.lastEnd = end;
  }

  private dispatch(id: number, start: number, end: number): void {
    switch (id) {
      case SEG.ISA:
        this.closeClaim();
        this.closeContainer('transaction', 'ISA');
        this.closeContainer('group', 'ISA');
        this.closeContainer('interchange', 'ISA');
        this.interchange = this.openContainer('interchange', `Interchange ${this.val(13).trim() || '(no control number)'}`, start, 13);
        break;
      case SEG.IEA:
        this.closeClaim();
        this.closeContainer('transaction', 'IEA');
        this.closeContainer('group', 'IEA');
        this.closeTrailer('interchange', start, end);
        return;
      case SEG.GS:
        this.closeClaim();
        this.closeContainer('transaction', 'GS');
        this.closeContainer('group', 'GS');
        if (this.interchange?.envelope) this.interchange.envelope.counted++;
        this.group = this.openContainer('group', `Functional group ${this.val(1)} ${this.val(6)}`.trim(), start, 6);
        this.groupVersion = this.val(8);
        break;
      case SEG.GE:
        this.closeClaim();
        this.closeContainer('transaction', 'GE');
        this.closeTrailer('group', start, end);
        return;
      case SEG.ST: {
        this.closeClaim();
        this.closeContainer('transaction', 'ST');
        if (this.group?.envelope) this.group.envelope.counted++;
        this.txType = this.val(1);
        const version = this.val(3) || this.groupVersion;
        const kind = this.txType === '837' ? (version.includes('X223') ? '837I' : version.includes('X222') ? '837P' : '837') : this.txType;
        this.transaction = this.openContainer('transaction', `${kind} transaction ${this.val(2)}`.trim(), start, 2);
        if (this.txType === '835') this.transaction.payment = { adjustments: [], claimsPaid: { cents: 0, claims: 0, unreadable: 0 } };
        break;
      }
      case SEG.SE:
        this.closeClaim();
        if (this.transaction?.envelope) this.transaction.envelope.counted++;
        this.closeTrailer('transaction', start, end);
        return;
      case SEG.HL:
        this.closeClaim();
        break;
      case SEG.CLM:
        this.openClaim(start, false);
        break;
      case SEG.CLP:
        this.openClaim(start, true);
        break;
      case SEG.LX:
        if (this.txType === '835') this.closeClaim();
        else {
          this.closeLine();
          this.pendingLxStart = start;
          this.pendingLxNumber = this.numberOf(1);
        }
        break;
      case SEG.PLB:
        this.closeClaim();
        this.plb();
        break;
      case SEG.BPR:
        if (this.transaction?.payment) this.transaction.payment.paid = this.amountOf(2);
        break;
      case SEG.CAS:
        this.cas();
        break;
      case SEG.SV1:
        this.serviceLine('SV1', start, { composite: 1, charge: 2, basis: 3, units: 4 });
        break;
      case SEG.SV2:
        this.serviceLine('SV2', start, { composite: 2, charge: 3, basis: 4, units: 5 });
        break;
      case SEG.SVC:
        this.serviceLine('SVC', start, { composite: 1, charge: 2, paid: 3, units: 5, fallbackUnits: 7 });
        break;
      case SEG.SVD:
        this.serviceLine('SVD', start, { composite: 3, units: 5 });
        break;
      case SEG.DTP:
        this.date(this.val(1), this.val(2), 3);
        break;
      case SEG.DTM:
        this.date(this.val(1), 'D8', 2);
        break;
      case SEG.HI:
        this.diagnoses();
        break;
      case SEG.NTE:
        this.note();
        break;
      case SEG.LIN:
        this.lin();
        break;
      case SEG.CTP:
        this.ctp();
        break;
    }
    // SE01 counts every segment from ST to SE; the trailers above return before this
    if (this.transaction?.envelope) this.transaction.envelope.counted++;
    this.extend(end);
  }

  private groupVersion = '';

  /** the open line and claim reach to the end of this segment */
  private extend(end: number): void {
    if (this.line) this.line.range.end = end;
    if (this.claim) {
      this.claim.range.end = end;
      this.claim.segments!++;
    }
  }

  // ---- element access -------------------------------------------------------------------

  private has(k: number): boolean {
    return k < this.count;
  }

  private val(k: number): string {
    return k < this.count ? this.text.slice(this.starts[k], this.ends[k]) : '';
  }

  private spanOf(k: number): Span<string> | undefined {
    if (k >= this.count || this.starts[k] === this.ends[k]) return undefined;
    return span(this.text.slice(this.starts[k], this.ends[k]), this.starts[k], this.ends[k]);
  }

  /** a money element: undefined when empty, without cents when the text is not an amount */
  private amountOf(k: number): Amount | undefined {
    const s = this.spanOf(k);
    if (!s) return undefined;
    const cents = parseCents(s.value);
    // the span itself gains its cents: no copy per amount (a 49 MB 837 holds 600k of them)
    if (cents !== undefined) (s as Amount).cents = cents;
    return s;
  }

  private numberOf(k: number): Span<number> | undefined {
    if (k >= this.count || this.starts[k] === this.ends[k]) return undefined;
    const v = parseNumber(this.text.slice(this.starts[k], this.ends[k]));
    return v === undefined ? undefined : span(v, this.starts[k], this.ends[k]);
  }

  /** offsets of the components of [start, end): flat [s0, e0, s1, e1, ...] */
  private components(start: number, end: number): number[] {
    const out = [start];
    const c = this.comp.charCodeAt(0);
    for (let i = start; i < end; i++) {
      if (this.text.charCodeAt(i) === c) out.push(i, i + 1);
    }
    out.push(end);
    return out;
  }

  /**
   * The first composite tells which component separator the body really uses. When it is not
   * ISA16's (one sample declares ':' and writes '>'), read what the body uses and say so once.
   */
  private detectComponent(start: number, end: number): void {
    if (this.compDecided) return;
    const { text } = this;
    const declared = this.declaredComp.charCodeAt(0);
    for (let k = start; k < end; k++) {
      if (text.charCodeAt(k) === declared) {
        this.compDecided = true;
        return;
      }
    }
    let i = start;
    while (i < end && i - start < 4 && isAlnum(text.charCodeAt(i))) i++;
    if (i === start || i >= end || i - start > 3) return;
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 46 /* . */ || c === this.el || text[i] === this.seg) return;
    this.compDecided = true;
    this.comp = text[i];
    if (this.doc.x12 && this.interchange === this.doc.containers.find((x) => x.kind === 'interchange')) this.doc.x12.component = this.comp;
    addProblem(
      this.doc.problems,
      problem(
        'x12-component-mismatch',
        `ISA16 declares '${this.declaredComp}' as the component separator, but the composites use '${this.comp}'; reading '${this.comp}'.`,
        i,
        i + 1,
        'warning',
      ),
    );
  }

  // ---- containers and claims ------------------------------------------------------------

  /** an envelope opened by its header segment; `controlAt` is the element holding its control number */
  private openContainer(kind: EnvelopeKind, label: string, start: number, controlAt: number): Container {
    const envelope: Envelope = { counted: 0 };
    const control = this.spanOf(controlAt);
    if (control) envelope.control = control;
    const c: Container = { kind, label, range: { start, end: start }, claims: [], envelope };
    this.doc.containers.push(c);
    return c;
  }

  /** the open envelope ends at its trailer [start, end), whose count and control number are kept for the envelope rules */
  private closeTrailer(kind: EnvelopeKind, start: number, end: number): void {
    const c = this[kind];
    if (!c) return;
    const trailer: EnvelopeTrailer = { id: span(this.val(0), start, this.ends[0]) };
    if (this.has(1)) trailer.count = span(this.val(1), this.starts[1], this.ends[1]);
    if (this.has(2)) trailer.control = span(this.val(2), this.starts[2], this.ends[2]);
    if (c.envelope) c.envelope.trailer = trailer;
    c.range.end = Math.max(c.range.start, end);
    this[kind] = undefined;
  }

  /**
   * An envelope still open when another header, an outer trailer (`closedBy`) or the end of the text
   * comes: it ends at the last segment read, and its missing trailer is reported at its header.
   */
  private closeContainer(kind: EnvelopeKind, closedBy?: string): void {
    const c = this[kind];
    if (!c) return;
    c.range.end = Math.max(c.range.start, this.lastEnd);
    this[kind] = undefined;
    const { header, trailer, name } = ENVELOPE_SEGMENTS[kind];
    const control = c.envelope?.control?.value.trim();
    const which = control ? `${name} ${header} ${quoteField(control, 'control')}` : `${name} ${header}`;
    const why = closedBy ? `${closedBy} comes before it` : 'the file ends before it';
    addProblem(
      this.doc.problems,
      problem('x12-missing-trailer', `${which} has no ${trailer} trailer: ${why} (cut off?). Its count and control number cannot be checked.`, c.range.start, c.range.start + header.length, 'error'),
    );
  }

  /** CLM (837: CLM02 total charge) or CLP (835: CLP02 status, CLP03 charge, CLP04 paid) */
  private openClaim(start: number, remittance: boolean): void {
    this.closeClaim();
    const id = this.spanOf(1);
    const charge = this.amountOf(remittance ? 3 : 2);
    const paid = remittance ? this.amountOf(4) : undefined;
    const amounts: Claim['amounts'] = { charge, adjustments: [] };
    if (remittance) {
      amounts.paid = paid;
      amounts.status = this.spanOf(2);
    }
    const claim: Claim = {
      id,
      range: { start, end: start },
      diagnoses: [],
      lines: [],
      amounts,
      segments: 0,
      label: [id?.value ?? '(no claim id)', charge ? `$${charge.value}` : '', paid ? `paid $${paid.value}` : ''].filter(Boolean).join(' '),
    };
    this.attachClaim(claim);
  }

  /** CAS*CO*45*20.00**253*5.00: amounts at CAS03, 06, 09, 12, 15, 18; 835 only (837 CAS is another payer's) */
  private cas(): void {
    if (this.txType !== '835' || !this.claim) return;
    const into = this.line?.amounts ?? this.claim.amounts;
    if (!into) return;
    for (let k = 3; k <= 18 && k < this.count; k += 3) {
      const amount = this.amountOf(k);
      if (amount) (into.adjustments ??= []).push(amount);
    }
  }

  /** PLB*provider*date*reason:ref*amount*...: amounts at PLB04, 06, 08, 10, 12, 14 */
  private plb(): void {
    const payment = this.transaction?.payment;
    if (!payment) return;
    for (let k = 4; k <= 14 && k < this.count; k += 2) {
      const amount = this.amountOf(k);
      if (amount) payment.adjustments.push(amount);
    }
  }

  private attachClaim(claim: Claim): void {
    this.claim = claim;
    this.claimDate472 = undefined;
    this.claimDateOther = undefined;
    if (!this.keepClaims) return;
    this.doc.claims.push(claim);
    for (const c of [this.interchange, this.group, this.transaction]) if (c) c.claims.push(claim);
  }

  private closeClaim(): void {
    this.closeLine();
    const claim = this.claim;
    if (!claim) return;
    const claimDate = this.claimDate472 ?? this.claimDateOther;
    if (claimDate) claim.serviceDate = claimDate;
    for (const line of claim.lines) {
      if (line.serviceDate) continue;
      const parentDate = this.parents.get(line)?.serviceDate;
      if (parentDate) line.serviceDate = parentDate;
      else if (claimDate) line.serviceDate = claimDate;
    }
    // SVD lines name their parent within the claim only: nothing in the map outlives it
    this.parents.clear();
    this.claim = undefined;
    this.lastProcedureLine = undefined;
    this.pendingLxStart = undefined;
    this.pendingLxNumber = undefined;
    const payment = this.transaction?.payment;
    if (payment) {
      const paid = claim.amounts?.paid?.cents;
      payment.claimsPaid.claims++;
      if (paid === undefined) payment.claimsPaid.unreadable++;
      else payment.claimsPaid.cents += paid;
    }
    this.sink?.(claim);
    // a claim a CLM/CLP opened (lines outside any claim are not read back the same way)
    if (this.compacted && claim.amounts) this.replaceClaim(claim, this.compacted.compact(claim, this.regionContext()));
  }

  /** what reading a claim of this place again needs: the same object while it stays the same */
  private regionContext(): X12RegionContext {
    const element = String.fromCharCode(this.el);
    const c = this.context;
    if (c?.element === element && c.segment === this.seg && c.component === this.comp && c.txType === this.txType) return c;
    return (this.context = { element, segment: this.seg, component: this.comp, txType: this.txType });
  }

  /** the claim just closed, which attachClaim put last in the document and its containers */
  private replaceClaim(claim: Claim, by: Claim): void {
    for (const list of [this.doc.claims, this.interchange?.claims, this.group?.claims, this.transaction?.claims]) {
      if (list && list[list.length - 1] === claim) list[list.length - 1] = by;
    }
  }

  private closeLine(): void {
    this.line = undefined;
  }

  // ---- service lines --------------------------------------------------------------------

  private serviceLine(
    source: ServiceLineSource,
    segStart: number,
    at: { composite: number; charge?: number; paid?: number; basis?: number; units: number; fallbackUnits?: number },
  ): void {
    const fromLx = source === 'SV1' || source === 'SV2';
    const start = fromLx ? (this.pendingLxStart ?? segStart) : segStart;
    const sequence = fromLx ? this.pendingLxNumber : undefined;
    this.pendingLxStart = undefined;
    this.pendingLxNumber = undefined;
    this.closeLine();
    if (!this.claim) {
      addProblem(this.doc.problems, problem('x12-line-outside-claim', `${source} appears outside a claim (no CLM/CLP before it).`, segStart, segStart + 3, 'warning'));
      this.attachClaim({ range: { start: segStart, end: segStart }, diagnoses: [], lines: [], label: '(service lines outside a claim)' });
    }
    const cs = this.starts[at.composite];
    const ce = this.ends[at.composite];
    if (!this.has(at.composite) || cs === ce) {
      addProblem(this.doc.problems, problem('x12-missing-code', `${source} has no procedure code.`, segStart, this.ends[this.count - 1], 'warning'));
      // its charge is in no line: the claim's lines cannot be added up against its total
      const amounts = this.claim!.amounts;
      if (amounts && at.charge !== undefined) amounts.unreadLines = (amounts.unreadLines ?? 0) + 1;
      return;
    }
    this.detectComponent(cs, ce);
    const parts = this.components(cs, ce);
    const partCount = parts.length / 2;
    const part = (i: number): Span<string> => span(this.text.slice(parts[2 * i], parts[2 * i + 1]), parts[2 * i], parts[2 * i + 1]);
    const line: ServiceLine = {
      source,
      range: { start, end: this.ends[this.count - 1] },
      code: partCount > 1 ? part(1) : part(0),
      modifiers: [],
      notes: [],
      doses: [],
    };
    if (partCount > 1) {
      line.qualifier = part(0);
      for (let i = 2; i <= 5 && i < partCount; i++) {
        const m = part(i);
        if (m.value) line.modifiers.push(m);
      }
      if (partCount > 6 && parts[12] < parts[13]) {
        line.description = part(6);
        appendAll(line.doses, findDoses(this.text, parts[12], parts[13], this.options.isDrugName));
      }
      line.modifierSlot = this.modifierSlot(parts, partCount);
    }
    if (sequence) line.sequence = sequence;
    if (source === 'SV1') this.diagnosisPointers(line, 7);
    if (at.charge !== undefined) {
      line.charge = this.numberOf(at.charge);
      line.amounts = { charge: this.amountOf(at.charge) };
      if (at.paid !== undefined) line.amounts.paid = this.amountOf(at.paid);
    }
    if (at.basis !== undefined) line.unitBasis = this.spanOf(at.basis);
    let unitsAt = at.units;
    if (at.fallbackUnits !== undefined && !this.spanOf(unitsAt) && this.spanOf(at.fallbackUnits)) unitsAt = at.fallbackUnits;
    if (this.has(unitsAt)) {
      line.unitsText = span(this.val(unitsAt), this.starts[unitsAt], this.ends[unitsAt]);
      line.units = this.numberOf(unitsAt);
    }
    if (source === 'SVD' && this.lastProcedureLine) this.parents.set(line, this.lastProcedureLine);
    if (source !== 'SVD') this.lastProcedureLine = line;
    this.claim!.lines.push(line);
    this.line = line;
  }

  /** the first empty modifier position (SV101-3..6), else right after the last component */
  private modifierSlot(parts: number[], partCount: number): ServiceLine['modifierSlot'] {
    for (let i = 2; i <= 5; i++) {
      if (i >= partCount) return { offset: parts[2 * partCount - 1], prefix: this.comp, suffix: '' };
      if (parts[2 * i] === parts[2 * i + 1]) return { offset: parts[2 * i], prefix: '', suffix: '' };
    }
    return undefined;
  }

  // ---- dates, diagnoses, notes, drugs ---------------------------------------------------

  /** DTP*472*D8*20251105 / DTP*472*RD8*20250314-20250325 / DTM*472*20100101 (835) */
  private date(qualifier: string, format: string, valueAt: number): void {
    if (!this.claim) return;
    const s = this.spanOf(valueAt);
    if (!s) return;
    const first = format === 'RD8' ? s.value.slice(0, 8) : s.value;
    const iso = fromD8(first.trim());
    if (!iso && isZeroDate(first)) return; // a zero date is no date
    if (!iso) {
      if (qualifier === '472' || qualifier === '434' || qualifier === '150' || qualifier === '232') {
        addProblem(this.doc.problems, problem('x12-bad-date', `${quoteField(s.value, 'date')} is not a valid ${format} date.`, s.range.start, s.range.end, 'warning'));
      }
      return;
    }
    const dateSpan = span(iso, s.range.start, s.range.start + first.length);
    if (this.line) {
      if (this.line.source === 'SVD') return; // DTP*573 adjudication date, not the date of service
      // 472 (date of service) wins over 150 (835 service period start)
      if (qualifier === '472' || (qualifier === '150' && !this.line.serviceDate)) this.line.serviceDate = dateSpan;
      return;
    }
    if (qualifier === '472') this.claimDate472 ??= dateSpan;
    else if ((qualifier === '434' || qualifier === '232') && !this.claimDateOther) this.claimDateOther = dateSpan;
  }

  /**
   * HI*ABK:F1020*ABF:E119 — also the damaged form HI*BK*8901*BF*87200 (qualifier and code as
   * elements). Diagnoses are numbered in order across the claim's HI composites: in an 837P the
   * one diagnosis HI segment's composite N is what SV107 pointer N names (RFI 433; 5010: 1 to 12).
   * Composites of other qualifiers (procedures, occurrences, values, condition codes) are not
   * diagnoses and take no position.
   */
  private diagnoses(): void {
    const claim = this.claim;
    if (!claim) return;
    for (let k = 1; k < this.count; k++) {
      const s = this.starts[k];
      const e = this.ends[k];
      if (s === e) continue;
      this.detectComponent(s, e);
      const parts = this.components(s, e);
      let code: Span<string> | undefined;
      let qualifier: Span<string> | undefined;
      if (parts.length >= 4) {
        qualifier = span(this.text.slice(parts[0], parts[1]), parts[0], parts[1]);
        if (parts[2] < parts[3]) code = span(this.text.slice(parts[2], parts[3]), parts[2], parts[3]);
      } else if (isKnownHiQualifier(this.val(k))) {
        const next = this.spanOf(k + 1);
        if (!next || next.value.indexOf(this.comp) >= 0) continue;
        qualifier = this.spanOf(k);
        code = next;
        k++;
      }
      if (!qualifier?.value) {
        const what = parts.length >= 4 ? 'has an empty qualifier' : 'has no qualifier';
        this.hiProblem(`This HI composite ${what}: it is not read as a diagnosis and takes no diagnosis position. Write it as ABK:<code> for the principal diagnosis, ABF:<code> for the others.`, s, e);
        continue;
      }
      const known = diagnosisQualifier(qualifier.value);
      if (!known) {
        if (!isKnownHiQualifier(qualifier.value)) {
          this.hiProblem(
            `HI qualifier ${quoteField(qualifier.value, 'qualifier')} is not one the 837 guides use: the composite is not read as a diagnosis and takes no diagnosis position (ABK principal, ABF other diagnosis; BK/BF for ICD-9).`,
            qualifier.range.start,
            qualifier.range.end,
          );
        }
        continue;
      }
      if (!code) continue;
      // one range object: a diagnosis that looks like a Level II code is also a mention (hover finds it
      // as such); a read that keeps no claims keeps no such mention
      claim.diagnoses.push({ value: code.value, range: code.range, position: claim.diagnoses.length + 1, system: known.system, qualifier, principal: known.principal });
      if (this.keepClaims && isLevel2(code.value.toUpperCase())) this.doc.mentions.push({ code, context: 'diagnosis', modifiers: [] });
    }
  }

  private hiProblem(message: string, start: number, end: number): void {
    addProblem(this.doc.problems, problem('x12-hi-qualifier', message, start, end, 'warning'));
  }

  /**
   * SV107: up to four pointers, component separated (1:2:3:4); numbers kept as written (a rule
   * judges their range), anything else reported. Left undefined when SV107 holds nothing.
   */
  private diagnosisPointers(line: ServiceLine, k: number): void {
    if (!this.has(k) || this.starts[k] === this.ends[k]) return;
    const parts = this.components(this.starts[k], this.ends[k]);
    const pointers: Span<number>[] = [];
    let written = false;
    for (let i = 0; i < parts.length; i += 2) {
      const s = parts[i];
      const e = parts[i + 1];
      if (s === e) continue;
      written = true;
      const raw = this.text.slice(s, e);
      if (raw.length <= MAX_POINTER_CHARS && /^[0-9]+$/.test(raw)) pointers.push(span(Number(raw), s, e));
      else {
        addProblem(
          this.doc.problems,
          problem('x12-bad-pointer', `Diagnosis pointer ${quoteField(raw, 'pointer')} is not a number: SV107 holds up to four pointers 1 to 12, separated by '${this.comp}'.`, s, e, 'warning'),
        );
      }
    }
    // only separators (SV107 ':') is no pointer at all; an unreadable one is reported above
    if (written) line.diagnosisPointers = pointers;
  }

  private note(): void {
    const line = this.line;
    const note = this.spanOf(2);
    if (!line || !note) return;
    line.notes.push(note);
    appendAll(line.doses, findDoses(this.text, note.range.start, note.range.end, this.options.isDrugName));
  }

  /** LIN**N4*00378204501 (loop 2410) */
  private lin(): void {
    const line = this.line;
    if (!line) return;
    const qualifier = this.spanOf(2);
    const value = this.spanOf(3);
    if (qualifier) line.ndcQualifier = qualifier;
    if (value && !isNdcFiller(value.value)) line.ndc = value;
  }

  /** CTP****2*UN (quantity, unit of measure composite) */
  private ctp(): void {
    const line = this.line;
    if (!line) return;
    line.ndcQuantity = this.numberOf(4);
    if (this.has(5) && this.starts[5] < this.ends[5]) {
      const parts = this.components(this.starts[5], this.ends[5]);
      if (parts[0] < parts[1]) line.ndcUnit = span(this.text.slice(parts[0], parts[1]), parts[0], parts[1]);
    }
  }
}
