// Notes, billing guides, Markdown and any text no other reader claims -> ClaimDocument.
// Read as a coder reads a note: a HCPCS Level II code is a billed service line (source 'prose') only
// when the text bills it (units or a quantity next to it, a table row with a units column, or
// billed/charged/submitted/claimed); every other code is a mention (context 'text') that hover,
// completion and fact checks see. notes: 'all' makes every code word a line (the old reading).
// Look-alikes (ICD-10, LCD ids, plan/contract ids, tickets, codes inside URLs, X12 segments pasted
// in text, longer tokens) are never lines. All prose lines live in one synthetic claim (no id).
import type { Claim, ClaimDocument, CodeMention, DoseMention, ModifierMention, Range, ServiceLine, Span } from '../model';
import { span } from '../model';
import { isAlnum, isDigit, isLetter, isSpace, isUpper } from './chars';
import { toIsoDate } from './dates';
import { findDoses, type DrugNamePredicate } from './doses';
import { noteDateAt, noteDates, type NoteDate } from './note-dates';
import { billingWordIn, laterUnits, tableRowAt, tableRows, type TableRow } from './prose-billing';
import { findModifierMentions } from './prose-modifiers';
import { emptyDocument } from './problems';
import { insideAny, quotedRanges } from './prose-quotes';

export interface ProseOptions {
  isDrugName?: DrugNamePredicate;
  /** 'billing-lines' (default): only billed codes are lines; 'all': every code word is a line */
  notes?: 'billing-lines' | 'all';
}

type Kind = 'hcpcs' | 'cpt' | 'other' | 'segment';
interface Candidate {
  start: number;
  end: number;
  kind: Kind;
}

/** words before a code that make it an identifier, not a procedure: "contract H1225", "plan S4607", "LCD L3383", "ticket A1000" */
const ID_CONTEXT = new Set(['contract', 'contracts', 'plan', 'plans', 'pbp', 'lcd', 'lcds', 'ncd', 'article', 'id', 'segment', 'sponsor', 'pdp', 'mapd', 'h-number', 'contractid', 'planid', 'ticket', 'tickets', 'issue', 'issues', 'bug', 'jira', 'pr', 'commit', 'ref', 'case', 'incident', 'task', 'story', 'epic']);
/** two-letter capitals that are English, not modifiers, when only a space separates them from the code */
const NOT_MODIFIERS = new Set(['OR', 'IN', 'ON', 'AT', 'TO', 'OF', 'IS', 'IT', 'BY', 'AN', 'AS', 'BE', 'DO', 'IF', 'NO', 'SO', 'UP', 'WE', 'AM', 'PM', 'MG', 'ML', 'IU', 'VS', 'OK', 'ID', 'MD', 'DR', 'MS', 'MR']);
const SENTENCE_CAP = 400;

const UNITS_AFTER = /[ \t]*(?:[x×*][ \t]*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d|[.,]\d)(?![ \t]*(?:mg|mcg|ml|g|gm|micrograms?|milligrams?)(?![A-Za-z]))(?:[ \t]*(?:units?|u)(?![A-Za-z]))?|,?[ \t]*(?:qty|quantity|units)[ \t]*[:=#]?[ \t]*(\d+(?:\.\d+)?)(?!\d|\.\d)|[ \t]*#[ \t]*(\d+)(?![\d.]))/iyd;
const UNITS_BEFORE = /(\d+(?:\.\d+)?)[ \t]*units?[ \t]+of[ \t]+$/i;
const DATE_NEAR = /\b(?:DOS|date of service|service date|dates? of service)[ \t]*[:\-]?[ \t]*(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})/i;
const CPT_BEFORE = /\bCPT(?:®)?(?:[ \t]+codes?)?[ \t]*[:#]?[ \t]*$/i;

export function readProse(text: string, options: ProseOptions = {}): ClaimDocument {
  const doc = emptyDocument('prose', text.length);
  const candidates = findCandidates(text);
  const hcpcs = candidates.filter((c) => c.kind === 'hcpcs');
  const dates = noteDates(text);
  const quoted = quotedRanges(text);
  const tables = tableRows(text);
  const everyCode = options.notes === 'all';
  const lines: ServiceLine[] = [];
  const phraseEnds: number[] = []; // per line: where its own phrase ends (the next code or the sentence end)
  let index = -1; // position of c among the HCPCS candidates
  for (const c of candidates) {
    const code = span(text.slice(c.start, c.end), c.start, c.end);
    if (c.kind !== 'hcpcs') {
      // a code inside a pasted X12 segment is read as written text: its elements are not units
      const context = c.kind === 'cpt' || c.kind === 'segment' ? 'text' : 'other';
      doc.mentions.push({ code, context, modifiers: [] });
      continue;
    }
    index++;
    const read = readAround(text, c, hcpcs[index - 1], hcpcs[index + 1], options, dates, tables);
    const inQuote = insideAny(quoted, c.start);
    if (everyCode || (read.billed && !inQuote)) {
      lines.push(toLine(read));
      phraseEnds.push(read.phraseEnd);
    } else {
      const mention = toMention(read);
      if (inQuote) mention.quoted = true;
      doc.mentions.push(mention);
    }
  }
  if (lines.length) {
    const claim: Claim = { range: { start: 0, end: text.length }, diagnoses: [], lines, label: 'Codes in text' };
    doc.claims.push(claim);
  }
  // "J2920 x 1 unit, modifier JZ": a modifier word in a billed line's own phrase is on that line
  const words = findModifierMentions(text).filter((modifier) => !attachToLine(lines, phraseEnds, modifier));
  const modifierMentions: ModifierMention[] = words.map((modifier) => {
    const mention: ModifierMention = { modifier, sentence: sentenceAround(text, modifier.range.start, modifier.range.end) };
    const date = noteDateAt(dates, modifier.range.start);
    if (date) mention.serviceDate = date;
    if (insideAny(quoted, modifier.range.start)) mention.quoted = true;
    return mention;
  });
  if (modifierMentions.length) doc.modifierMentions = modifierMentions;
  return doc;
}

// ---- pass 1: code-shaped words ------------------------------------------------------------

function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const isCodeLetter = c >= 65 && c <= 86; // A-V
    if (!isCodeLetter && !isDigit(c)) continue;
    if (i > 0 && !startsWord(text, i)) {
      // skip the rest of this word
      while (i + 1 < n && isAlnum(text.charCodeAt(i + 1))) i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAlnum(text.charCodeAt(j))) j++;
    const len = j - i;
    if (isCodeLetter && len === 5 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && isDigit(text.charCodeAt(i + 4))) {
      const kind = classifyLevel2(text, i, j);
      if (kind) out.push({ start: i, end: j, kind });
    } else if (isDigit(c) && len === 5 && isCptShape(text, i) && endsWord(text, j) && CPT_BEFORE.test(text.slice(Math.max(0, i - 20), i))) {
      out.push({ start: i, end: j, kind: 'cpt' });
    }
    i = j - 1;
  }
  return out;
}

/** 99213, 1036F, 0001U */
function isCptShape(text: string, i: number): boolean {
  for (let k = 0; k < 4; k++) if (!isDigit(text.charCodeAt(i + k))) return false;
  const last = text.charCodeAt(i + 4);
  return isDigit(last) || last === 70 || last === 84 || last === 85; // F T U
}

/** a code may not continue a path, URL, e-mail, identifier or number */
function startsWord(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  if (isAlnum(p)) return false;
  // / _ @ . = & ? # \ % $ + ~
  if (p === 47 || p === 95 || p === 64 || p === 46 || p === 61 || p === 38 || p === 63 || p === 35 || p === 92 || p === 37 || p === 36 || p === 43 || p === 126) return false;
  if (p === 45 /* - */ && i >= 2 && isAlnum(text.charCodeAt(i - 2))) return false;
  return true;
}

function endsWord(text: string, j: number): boolean {
  if (j >= text.length) return true;
  const c = text.charCodeAt(j);
  if (isAlnum(c) || c === 95 || c === 64 || c === 47) return false;
  if (c === 46 && isDigit(text.charCodeAt(j + 1))) return false; // J1234.5, an ICD-style decimal
  return true;
}

function classifyLevel2(text: string, i: number, j: number): Kind | undefined {
  if (!endsWord(text, j)) return undefined;
  if (inUrlOrEmail(text, i, j)) return undefined;
  if (inX12Segment(text, i, j)) return 'segment';
  // H1225-001: a plan id (contract + three-digit PBP number); J7507-59 is a code with a modifier
  if (text.charCodeAt(j) === 45 && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) && !isAlnum(text.charCodeAt(j + 4))) return 'other';
  const prev = previousWord(text, i);
  if (prev && ID_CONTEXT.has(prev)) return 'other';
  const next = nextWord(text, j);
  if (next === 'pbp') return 'other';
  return 'hcpcs';
}

/** the whitespace-delimited chunk around the code holds '://', 'www.' or '@' */
function inUrlOrEmail(text: string, i: number, j: number): boolean {
  let s = i;
  while (s > 0 && i - s < 256 && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = j;
  while (e < text.length && e - j < 256 && !isSpace(text.charCodeAt(e))) e++;
  const chunk = text.slice(s, e);
  return chunk.includes('://') || chunk.includes('www.') || chunk.includes('@');
}

/** "SV1*HC:J7507*59.14*UN*1~": the chunk around the code is an X12 segment (an id, then '*' elements) */
function inX12Segment(text: string, i: number, j: number): boolean {
  let s = i;
  while (s > 0 && i - s < 64 && !isSpace(text.charCodeAt(s - 1))) s--;
  return /^[`'"(]?[A-Z][A-Z0-9]{1,2}[*|^]/.test(text.slice(s, i + 1)) && /[*|^~]/.test(text.slice(j, j + 2) + text.slice(s, i));
}

function previousWord(text: string, i: number): string | undefined {
  let e = i;
  while (e > 0 && i - e < 8 && /[\s:#\-]/.test(text[e - 1])) e--;
  let s = e;
  while (s > 0 && e - s < 20 && (isLetter(text.charCodeAt(s - 1)) || text[s - 1] === '-')) s--;
  return s < e ? text.slice(s, e).toLowerCase() : undefined;
}

function nextWord(text: string, j: number): string | undefined {
  let s = j;
  while (s < text.length && s - j < 4 && /[\s:#]/.test(text[s])) s++;
  let e = s;
  while (e < text.length && e - s < 20 && isLetter(text.charCodeAt(e))) e++;
  return e > s ? text.slice(s, e).toLowerCase() : undefined;
}

// ---- pass 2: what is written around each code ----------------------------------------------

/** what a code's sentence says about it; the reader then makes it a line or a mention */
interface Reading {
  code: Span<string>;
  sentence: Range;
  modifiers: Span<string>[];
  /** offset after the code and its attached modifiers */
  attachedEnd: number;
  units?: { raw: string; start: number };
  /** the code sits in a table row (no room for ' x N units') */
  inTable: boolean;
  billed: boolean;
  doses: DoseMention[];
  serviceDate?: Span<string>;
  /** the next code in the sentence, else the sentence end */
  phraseEnd: number;
}

function readAround(text: string, c: Candidate, prev: Candidate | undefined, next: Candidate | undefined, options: ProseOptions, dates: readonly NoteDate[], tables: readonly TableRow[]): Reading {
  const sentence = sentenceAround(text, c.start, c.end);
  const modifiers: Span<string>[] = [];
  const attachedEnd = readModifiers(text, c.end, sentence.end, modifiers);
  const segmentEnd = Math.min(sentence.end, next ? next.start : sentence.end);

  // units: "J7507 x 5 units", "J7507 ×5", "J7507 qty 5", "J7507 #5", "5 units of J7507",
  // "J7507 tacrolimus 5 mg x 5 units", a table row with a units column
  const unitRanges: Range[] = [];
  let units: Reading['units'];
  UNITS_AFTER.lastIndex = attachedEnd;
  const after = UNITS_AFTER.exec(text);
  const table = tableRowAt(tables, c.start);
  if (after && after.index + after[0].length <= sentence.end) {
    const group = after[1] !== undefined ? 1 : after[2] !== undefined ? 2 : 3;
    units = { raw: after[group]!, start: after.indices![group]![0] };
    unitRanges.push({ start: after.index, end: after.index + after[0].length });
  } else if (table) {
    if (table.value) units = { raw: table.value.value, start: table.value.range.start };
  } else {
    const lookback = text.slice(Math.max(sentence.start, c.start - 40), c.start);
    const before = UNITS_BEFORE.exec(lookback);
    if (before) {
      const numStart = c.start - lookback.length + before.index;
      units = { raw: before[1]!, start: numStart };
      unitRanges.push({ start: numStart, end: c.start });
    } else {
      const later = laterUnits(text, attachedEnd, segmentEnd);
      if (later) {
        units = { raw: later.raw, start: later.start };
        unitRanges.push(later.range);
      }
    }
  }

  // dose: what follows the code (up to the next code); what precedes it too when it is the first code
  // of its sentence, else only when nothing follows (the text before belongs to the previous code)
  let doses: DoseMention[] = segmentEnd > attachedEnd ? findDoses(text, attachedEnd, segmentEnd, options.isDrugName, unitRanges) : [];
  const prevInSentence = prev !== undefined && prev.end > sentence.start && prev.end <= c.start;
  if (!prevInSentence || doses.length === 0) {
    const beforeStart = prevInSentence ? prev.end : sentence.start;
    if (c.start > beforeStart) doses = [...findDoses(text, beforeStart, c.start, options.isDrugName, unitRanges), ...doses];
  }

  const reading: Reading = {
    code: span(text.slice(c.start, c.end), c.start, c.end),
    sentence,
    modifiers,
    attachedEnd,
    inTable: table !== undefined,
    billed: units !== undefined || table !== undefined || billingWordIn(text, sentence),
    doses,
    phraseEnd: segmentEnd,
  };
  if (units) reading.units = units;
  const near = DATE_NEAR.exec(text.slice(sentence.start, sentence.end));
  const iso = near ? toIsoDate(near[1]!) : undefined;
  if (near && iso) {
    const start = sentence.start + near.index + near[0].length - near[1]!.length;
    reading.serviceDate = span(iso, start, start + near[1]!.length);
  } else {
    const noted = noteDateAt(dates, c.start);
    if (noted) reading.serviceDate = noted;
  }
  return reading;
}

/** a billed line: quick fixes may insert a modifier or units where the reader says */
function toLine(r: Reading): ServiceLine {
  const line: ServiceLine = { source: 'prose', range: r.sentence, code: r.code, modifiers: r.modifiers, notes: [], doses: r.doses };
  if (line.modifiers.length < 4) line.modifierSlot = { offset: r.attachedEnd, prefix: '-', suffix: '' };
  if (r.units) setUnits(line, r.units.raw, r.units.start);
  if (!line.units && !r.inTable) line.unitsSlot = { offset: r.attachedEnd, prefix: ' x ', suffix: ' units' };
  if (r.serviceDate) line.serviceDate = r.serviceDate;
  return line;
}

/** a code named, not billed: no slots, so no quick fix ever edits the sentence */
function toMention(r: Reading): CodeMention {
  const mention: CodeMention = { code: r.code, context: 'text', modifiers: r.modifiers, sentence: r.sentence, doses: r.doses };
  if (r.serviceDate) mention.serviceDate = r.serviceDate;
  return mention;
}

/** adds a modifier word to the billed line whose phrase holds it (at most 4 modifiers); true when added */
function attachToLine(lines: ServiceLine[], phraseEnds: number[], modifier: Span<string>): boolean {
  // the last line whose code ends before the modifier (lines are in document order)
  let lo = 0;
  let hi = lines.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.code.range.end <= modifier.range.start) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const line = lines[i];
  if (!line || modifier.range.end > phraseEnds[i]! || line.modifiers.length >= 4) return false;
  if (!line.modifiers.some((m) => m.value === modifier.value)) line.modifiers.push(modifier);
  if (line.modifiers.length >= 4) delete line.modifierSlot;
  return true;
}

function setUnits(line: ServiceLine, raw: string, start: number): void {
  const value = Number(raw.replace(/,/g, ''));
  line.unitsText = span(raw, start, start + raw.length);
  if (Number.isFinite(value)) line.units = span(value, start, start + raw.length);
}

/**
 * Modifiers attached to the code: "-KX", ":KX", " KX JW". Two characters, upper-case letters or
 * digits; after a bare space they must contain a letter and not be an English word. Returns the
 * offset after the last modifier (or the code).
 */
function readModifiers(text: string, pos: number, limit: number, into: Span<string>[]): number {
  let end = pos;
  while (into.length < 4) {
    const sep = text.charCodeAt(end);
    let start: number;
    let spaced = false;
    if (sep === 45 || sep === 58) start = end + 1; // - :
    else if (sep === 32) {
      start = end + 1;
      spaced = true;
    } else break;
    if (start + 2 > limit) break;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    if (!(isUpper(a) || isDigit(a)) || !(isUpper(b) || isDigit(b))) break;
    const after = start + 2 < text.length ? text.charCodeAt(start + 2) : 32;
    if (isAlnum(after) || after === 95) break;
    if (after === 46 && isDigit(text.charCodeAt(start + 3))) break;
    const value = text.slice(start, start + 2);
    if (spaced && (NOT_MODIFIERS.has(value) || !(isUpper(a) || isUpper(b)))) break;
    into.push(span(value, start, start + 2));
    end = start + 2;
  }
  return end;
}

/**
 * The sentence (or line) holding [start, end): bounded by line breaks and by '.', '!', '?' or ';'
 * followed by a space; at most SENTENCE_CAP characters each way.
 */
function sentenceAround(text: string, start: number, end: number): Range {
  let s = start;
  while (s > 0 && start - s < SENTENCE_CAP) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || c === 13) break;
    if ((c === 46 || c === 33 || c === 63 || c === 59) && isSpace(text.charCodeAt(s))) break;
    s--;
  }
  while (s < start && isSpace(text.charCodeAt(s))) s++;
  let e = end;
  while (e < text.length && e - end < SENTENCE_CAP) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) break;
    if ((c === 46 || c === 33 || c === 63 || c === 59) && (e + 1 >= text.length || isSpace(text.charCodeAt(e + 1)))) {
      e++;
      break;
    }
    e++;
  }
  while (e > end && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}
