// Notes, billing guides, Markdown and any text no other reader claims -> ClaimDocument.
// Every HCPCS Level II code written as a word becomes a service line (source 'prose') with the
// modifiers, units, dose and date written next to it, so checks run on notes too. Look-alikes
// (ICD-10, LCD ids, plan/contract ids, codes inside URLs and longer tokens) are not codes.
// All prose lines live in one synthetic claim (no id) that spans the document.
import type { Claim, ClaimDocument, CodeMention, DoseMention, Range, ServiceLine, Span } from '../model';
import { span } from '../model';
import { isAlnum, isDigit, isLetter, isSpace, isUpper } from './chars';
import { toIsoDate } from './dates';
import { findDoses, type DrugNamePredicate } from './doses';
import { emptyDocument } from './problems';

export interface ProseOptions {
  isDrugName?: DrugNamePredicate;
  /** 'billing-lines': only codes the text bills become lines; 'all': every code word (settings hcpcs.notes) */
  notes?: 'billing-lines' | 'all';
}

type Kind = 'hcpcs' | 'cpt' | 'other';
interface Candidate {
  start: number;
  end: number;
  kind: Kind;
}

/** words before a code that make it an identifier, not a procedure: "contract H1225", "plan S4607", "LCD L3383" */
const ID_CONTEXT = new Set(['contract', 'contracts', 'plan', 'plans', 'pbp', 'lcd', 'lcds', 'ncd', 'article', 'id', 'segment', 'sponsor', 'pdp', 'mapd', 'h-number', 'contractid', 'planid']);
/** two-letter capitals that are English, not modifiers, when only a space separates them from the code */
const NOT_MODIFIERS = new Set(['OR', 'IN', 'ON', 'AT', 'TO', 'OF', 'IS', 'IT', 'BY', 'AN', 'AS', 'BE', 'DO', 'IF', 'NO', 'SO', 'UP', 'WE', 'AM', 'PM', 'MG', 'ML', 'IU', 'VS', 'OK', 'ID', 'MD', 'DR', 'MS', 'MR']);
const SENTENCE_CAP = 400;

const UNITS_AFTER = /[ \t]*(?:[x×*][ \t]*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d|[.,]\d)(?:[ \t]*(?:units?|u)(?![A-Za-z]))?|,?[ \t]*(?:qty|quantity|units)[ \t]*[:=#]?[ \t]*(\d+(?:\.\d+)?)(?!\d|\.\d))/iyd;
const UNITS_BEFORE = /(\d+(?:\.\d+)?)[ \t]*units?[ \t]+of[ \t]+$/i;
const DATE_NEAR = /\b(?:DOS|date of service|service date|dates? of service)[ \t]*[:\-]?[ \t]*(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})/i;
const CPT_BEFORE = /\bCPT(?:®)?(?:[ \t]+codes?)?[ \t]*[:#]?[ \t]*$/i;

export function readProse(text: string, options: ProseOptions = {}): ClaimDocument {
  const doc = emptyDocument('prose', text.length);
  const candidates = findCandidates(text);
  const hcpcs = candidates.filter((c) => c.kind === 'hcpcs');
  const lines: ServiceLine[] = [];
  let index = -1; // position of c among the HCPCS candidates
  for (const c of candidates) {
    const code = span(text.slice(c.start, c.end), c.start, c.end);
    if (c.kind !== 'hcpcs') {
      const mention: CodeMention = { code, context: c.kind === 'cpt' ? 'text' : 'other', modifiers: [] };
      doc.mentions.push(mention);
      continue;
    }
    index++;
    lines.push(readLine(text, c, hcpcs[index - 1], hcpcs[index + 1], options));
  }
  if (lines.length) {
    const claim: Claim = { range: { start: 0, end: text.length }, diagnoses: [], lines, label: 'Codes in text' };
    doc.claims.push(claim);
  }
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

// ---- pass 2: one service line per code ------------------------------------------------------

function readLine(text: string, c: Candidate, prev: Candidate | undefined, next: Candidate | undefined, options: ProseOptions): ServiceLine {
  const sentence = sentenceAround(text, c.start, c.end);
  const line: ServiceLine = {
    source: 'prose',
    range: sentence,
    code: span(text.slice(c.start, c.end), c.start, c.end),
    modifiers: [],
    notes: [],
    doses: [],
  };
  const attachedEnd = readModifiers(text, c.end, sentence.end, line.modifiers);
  if (line.modifiers.length < 4) line.modifierSlot = { offset: attachedEnd, prefix: '-', suffix: '' };

  // units: "J7507 x 5 units", "J7507 ×5", "J7507 qty 5", "5 units of J7507"
  const unitRanges: Range[] = [];
  UNITS_AFTER.lastIndex = attachedEnd;
  const after = UNITS_AFTER.exec(text);
  if (after && after.index + after[0].length <= sentence.end) {
    const group = after[1] !== undefined ? 1 : 2;
    setUnits(line, after[group], after.indices![group]![0]);
    unitRanges.push({ start: after.index, end: after.index + after[0].length });
  } else {
    const lookback = text.slice(Math.max(sentence.start, c.start - 40), c.start);
    const before = UNITS_BEFORE.exec(lookback);
    if (before) {
      const numStart = c.start - lookback.length + before.index;
      setUnits(line, before[1], numStart);
      unitRanges.push({ start: numStart, end: c.start });
    }
  }
  if (!line.units) line.unitsSlot = { offset: attachedEnd, prefix: ' x ', suffix: ' units' };

  // dose: what follows the code (up to the next code); what precedes it too when it is the first code
  // of its sentence, else only when nothing follows (the text before belongs to the previous code)
  const afterStart = attachedEnd;
  const afterEnd = Math.min(sentence.end, next ? next.start : sentence.end);
  let doses: DoseMention[] = afterEnd > afterStart ? findDoses(text, afterStart, afterEnd, options.isDrugName, unitRanges) : [];
  const prevInSentence = prev !== undefined && prev.end > sentence.start && prev.end <= c.start;
  if (!prevInSentence || doses.length === 0) {
    const beforeStart = prevInSentence ? prev.end : sentence.start;
    if (c.start > beforeStart) doses = [...findDoses(text, beforeStart, c.start, options.isDrugName, unitRanges), ...doses];
  }
  line.doses = doses;

  const date = DATE_NEAR.exec(text.slice(sentence.start, sentence.end));
  if (date) {
    const iso = toIsoDate(date[1]);
    const start = sentence.start + date.index + date[0].length - date[1].length;
    if (iso) line.serviceDate = span(iso, start, start + date[1].length);
  }
  return line;
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
