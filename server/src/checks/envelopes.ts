// What the envelope rules share: the trailer's count against what the reader counted, the trailer's
// control number against the header's, and rewriting a trailer value in the trailer's own width.
import { ENVELOPE_SEGMENTS, type EnvelopeKind, type Range } from '../model';
import { quoteField } from '../base/safe-text';
import { finding } from './rule';
import type { EnvelopeContext, Finding, Severity } from './types';

const DIGITS = /^[0-9]+$/;

/**
 * `value` written like `written`: zero-padded to its width when it was padded ("0012" -> "0014"),
 * else plain ("12" -> "14"); a value wider than the padding is written whole.
 */
export function inWidthOf(written: string, value: number): string {
  const plain = String(value);
  const padded = written.length > 1 && written.startsWith('0') && DIGITS.test(written);
  return padded && plain.length < written.length ? plain.padStart(written.length, '0') : plain;
}

/** where an envelope starts: its header's segment id, e.g. the "ST" of ST*837*0001 */
function headerRange(ctx: EnvelopeContext): Range {
  const start = ctx.container.range.start;
  return { start, end: start + ENVELOPE_SEGMENTS[ctx.container.kind as EnvelopeKind].header.length };
}

/** what a count trailer counts, in a message: "14 segments (ST to SE inclusive)" */
const COUNTED: Record<EnvelopeKind, (n: number) => string> = {
  transaction: (n) => `${n} segment${n === 1 ? '' : 's'} (ST to SE inclusive)`,
  group: (n) => `${n} transaction set${n === 1 ? '' : 's'} (ST)`,
  interchange: (n) => `${n} functional group${n === 1 ? '' : 's'} (GS)`,
};

type RuleRef = { id: string; defaultSeverity: Severity };

/** SE01 / GE01 / IEA01 against what the envelope holds; the fix rewrites the count and nothing else */
export function countFindings(rule: RuleRef, ctx: EnvelopeContext, kind: EnvelopeKind): Finding[] {
  const { container } = ctx;
  if (container.kind !== kind) return [];
  const { trailer, counted } = container.envelope;
  if (!trailer) return []; // a cut-off envelope is x12-missing-trailer's
  const { trailer: id, name } = ENVELOPE_SEGMENTS[kind];
  const element = `${id}01`;
  const holds = `the ${name.toLowerCase()} holds ${COUNTED[kind](counted)}`;
  const related = [{ range: headerRange(ctx), message: `${name} starts here` }];
  const count = trailer.count;
  if (!count) return [finding(rule, trailer.id.range, `${id} has no ${element}: ${holds}.`, { related })];
  const written = count.value.trim();
  if (DIGITS.test(written) && Number(written) === counted) return [];
  const newText = inWidthOf(written, counted);
  const said = written ? `${element} says ${quoteField(written, 'count')}` : `${element} is empty`;
  return [
    finding(rule, written ? count.range : trailer.id.range, `${said}, but ${holds}.`, {
      related,
      fixes: [{ title: `Set ${element} to ${newText}`, edits: [{ range: { ...count.range }, newText }], preferred: true }],
    }),
  ];
}

/** the same control number: N0 elements (GS06, ISA13) compare as numbers, ST02 (AN) as written */
function sameControl(kind: EnvelopeKind, header: string, trailer: string): boolean {
  if (kind !== 'transaction' && DIGITS.test(header) && DIGITS.test(trailer)) return Number(header) === Number(trailer);
  return header === trailer;
}

const CONTROL_ELEMENT: Record<EnvelopeKind, string> = { transaction: 'ST02', group: 'GS06', interchange: 'ISA13' };

/** SE02 / GE02 / IEA02 against ST02 / GS06 / ISA13; the fix writes the header's control number into the trailer */
export function controlFindings(rule: RuleRef, ctx: EnvelopeContext): Finding[] {
  const { container } = ctx;
  const kind = container.kind as EnvelopeKind;
  const names = ENVELOPE_SEGMENTS[kind];
  if (!names) return [];
  const { trailer, control } = container.envelope;
  const header = control?.value.trim();
  if (!trailer || !control || !header) return [];
  const headerElement = CONTROL_ELEMENT[kind];
  const element = `${names.trailer}02`;
  const related = [{ range: { ...control.range }, message: `${headerElement}, the control number the trailer must repeat` }];
  const written = trailer.control?.value.trim();
  if (!trailer.control) return [finding(rule, trailer.id.range, `${names.trailer} has no ${element}: it must repeat ${headerElement} ${quoteField(header, 'control')}.`, { related })];
  if (sameControl(kind, header, written!)) return [];
  const said = written ? `${element} ${quoteField(written, 'control')}` : `${element} (empty)`;
  return [
    finding(rule, written ? trailer.control.range : trailer.id.range, `${said} does not match ${headerElement} ${quoteField(header, 'control')}: the trailer must repeat the header's control number.`, {
      related,
      fixes: [{ title: `Set ${element} to ${header} (as ${headerElement})`, edits: [{ range: { ...trailer.control.range }, newText: header }], preferred: true }],
    }),
  ];
}
