// Small facts about a service line that many rules ask: which code system, which date, which modifiers.
import type { ServiceLine } from '../model';
import type { CheckContext, Fix, LineContext, TextEdit } from './types';
import { isCpt, isLevel2 } from '../documents/chars';
import { FORMATS } from '../documents/formats';
import { entriesMatching } from '../base/patterns';
import { staleClause } from '../codeset/staleness';

/** 'malformed': the field is meant for a HCPCS/CPT code but the text is not shaped like one */
export type CodeKind = 'level2' | 'cpt' | 'malformed' | 'other';

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

// Every rule asks these of the same line in a row: a one-line memo saves ~20 string copies per line.
let memoLine: ServiceLine | undefined;
let memoCode = '';
let memoKind: CodeKind = 'other';

/** the procedure code upper-cased and trimmed, as the code set knows it */
export function codeOf(line: ServiceLine): string {
  if (line !== memoLine) remember(line);
  return memoCode;
}

/**
 * Level II, CPT, malformed, or something else (another X12 qualifier, a non-HCPCS FHIR system).
 * Only HC-qualified X12 codes and HCPCS/CPT-system FHIR codings are procedure codes we judge.
 */
export function codeKind(line: ServiceLine): CodeKind {
  if (line !== memoLine) remember(line);
  return memoKind;
}

function remember(line: ServiceLine): void {
  memoLine = line;
  memoCode = line.code.value.trim().toUpperCase();
  memoKind = kindOf(line, memoCode);
}

function kindOf(line: ServiceLine, code: string): CodeKind {
  const qualifier = line.qualifier?.value.trim();
  if (qualifier) {
    const lower = qualifier.toLowerCase();
    const isUrl = lower.includes('/') || lower.includes(':');
    if (isUrl ? !(lower.includes('hcpcs') || lower.includes('cpt')) : qualifier.toUpperCase() !== 'HC') return 'other';
  }
  if (isLevel2(code)) return 'level2';
  if (isCpt(code)) return 'cpt';
  return code ? 'malformed' : 'other';
}

/** the date that decides validity: the line's date of service, else the supplied today */
export function dateOf(ctx: LineContext): string {
  const d = ctx.line.serviceDate?.value;
  return d && ISO_DATE.test(d) ? d : ctx.today;
}

/** 'date of service 2025-11-05' or 'today (2025-11-05)' for lines without a date */
export function describeDate(ctx: LineContext): string {
  const d = ctx.line.serviceDate?.value;
  return d && ISO_DATE.test(d) ? `date of service ${d}` : `today (${ctx.today}; the line has no date of service)`;
}

/** ' (facts from the October 2025 release; this date is 4 quarters later: load the current release)' when the line's date lies past the loaded data, else '' */
export function staleNote(ctx: LineContext): string {
  const stale = staleClause(ctx.codeset, dateOf(ctx));
  return stale ? ` (${stale})` : '';
}

export function hasModifier(line: ServiceLine, code: string): boolean {
  return line.modifiers.some((m) => m.value.trim().toUpperCase() === code);
}

const MAX_MODIFIERS = 4;

/** settings.requiredModifiers asks for this modifier on this line's code, and it is there only once */
function requiredHere(ctx: CheckContext, line: ServiceLine, modifier: string): boolean {
  if (line.modifiers.filter((m) => m.value.trim().toUpperCase() === modifier).length > 1) return false;
  const code = codeOf(line);
  return entriesMatching(ctx.settings.requiredModifiers, code).some((entry) => entry.modifiers.some((m) => m.trim().toUpperCase() === modifier));
}

/** Insert one modifier where the reader says it goes; undefined when there is no room. */
export function addModifierFix(line: ServiceLine, modifier: string, title?: string): Fix | undefined {
  const slot = line.modifierSlot;
  if (!slot || line.modifiers.length >= MAX_MODIFIERS) return undefined;
  return {
    title: title ?? `Add modifier ${modifier}`,
    edits: [{ range: { start: slot.offset, end: slot.offset }, newText: slot.prefix + modifier + slot.suffix }],
    preferred: true,
  };
}

/**
 * Delete one modifier the way the line's format does it (X12 ':KX' keeping SV101-7 in place, prose
 * '-KX', a CSV cell emptied; FHIR has no edit that small). A modifier the settings require here is
 * never removed: required-modifier would add it back (fixes would cycle); both findings stay and
 * the config file reports the contradiction.
 */
export function removeModifierEdit(ctx: CheckContext, line: ServiceLine, index: number): TextEdit | undefined {
  const mod = line.modifiers[index];
  if (!mod || requiredHere(ctx, line, mod.value.trim().toUpperCase())) return undefined;
  return FORMATS[ctx.document.format].removeModifier(ctx.text, line, index, ctx.document.x12);
}
