// Drug names and doses written in free text ("tacrolimus 1 mg", "TACROLIMUS 1MG", "penicillin 1,200,000 units").
// Used by the prose reader and on X12/CSV/FHIR descriptions and notes. Works on one bounded piece of
// text (a sentence, a description), never on the rest of the document.
import type { DoseMention, Range } from '../model';
import { span } from '../model';
import { isAlnum } from './chars';

export type DrugNamePredicate = (lowerWord: string) => boolean;

// Bounded repeats (no dose has more than 15 digits or 5 thousands groups) keep the scan linear: an
// unbounded \d+ retried from every position of a long digit run is quadratic (10 s for 64 kB).
const AMOUNT_UNIT =
  /(\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,15})?|\d{1,15}(?:\.\d{1,15})?|\.\d{1,15})[ \t]{0,8}(micrograms?|mcg|µg|μg|ug|milligrams?|mg|grams?|gm|g|milliliters?|millilitres?|ml|cc|units?|iu|u|meq)(?![A-Za-z])/gi;
const WORD = /[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]/g;

const UNIT_NAMES: Record<string, string> = {
  microgram: 'mcg', micrograms: 'mcg', mcg: 'mcg', 'µg': 'mcg', 'μg': 'mcg', ug: 'mcg',
  milligram: 'mg', milligrams: 'mg', mg: 'mg',
  gram: 'g', grams: 'g', gm: 'g', g: 'g',
  milliliter: 'ml', milliliters: 'ml', millilitre: 'ml', millilitres: 'ml', ml: 'ml', cc: 'ml',
  unit: 'units', units: 'units', iu: 'units', u: 'units',
  meq: 'meq',
};

/** words that sit before an amount but are not drug names */
const STOP_WORDS = new Set(
  ('of x the and or with a an to for per qty dose doses dosage total daily each every at in on is was were be been given ' +
    'take takes taking took received receives administered admin inject injected injection infused infusion oral tablet tablets ' +
    'capsule capsules vial vials mg units unit quantity amount about approximately approx plus then bid tid qid qd prn po iv im ' +
    'sc sq subq up than over under only also from by as via wasted discarded used billed bill code codes hcpcs line lines ' +
    'patient pt dispensed supply day days week weeks month months hour hours twice once times').split(' '),
);

export function normaliseUnit(raw: string): string {
  return UNIT_NAMES[raw.toLowerCase()] ?? raw.toLowerCase();
}

function overlaps(a: Range, list: readonly Range[]): boolean {
  for (const r of list) if (a.start < r.end && r.start < a.end) return true;
  return false;
}

interface Word {
  lower: string;
  start: number;
  end: number;
}

/**
 * Doses in text[start, end). `exclude` holds ranges already read as something else (billing units).
 * With isDrugName, drug names are recognised anywhere in the piece (a drug without an amount is a
 * DoseMention too); without it, the word right before an amount is taken when it looks like a name.
 */
export function findDoses(
  text: string,
  start: number,
  end: number,
  isDrugName?: DrugNamePredicate,
  exclude: readonly Range[] = [],
): DoseMention[] {
  if (end <= start) return [];
  const piece = text.slice(start, end);
  let wordList: Word[] | undefined;
  // words are only needed around an amount or for a drug-name list: found lazily
  const words = (): Word[] => {
    if (wordList) return wordList;
    wordList = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(piece); m; m = WORD.exec(piece)) {
      wordList.push({ lower: m[0].toLowerCase(), start: start + m.index, end: start + m.index + m[0].length });
    }
    return wordList;
  };
  const drugWords = isDrugName ? words().filter((w) => w.lower.length >= 3 && !STOP_WORDS.has(w.lower) && safeIsDrug(isDrugName, w.lower)) : [];
  const used = new Set<Word>();
  const nearestDrug = drugFinder(drugWords, used, words);
  const doses: DoseMention[] = [];
  AMOUNT_UNIT.lastIndex = 0;
  for (let m = AMOUNT_UNIT.exec(piece); m; m = AMOUNT_UNIT.exec(piece)) {
    const aStart = start + m.index;
    const before = aStart > 0 ? text.charCodeAt(aStart - 1) : 32;
    if (isAlnum(before) || before === 46 /* . */) continue; // part of a code or a longer number
    const aEnd = aStart + m[1].length;
    const uStart = start + m.index + m[0].length - m[2].length;
    const uEnd = start + m.index + m[0].length;
    if (overlaps({ start: aStart, end: uEnd }, exclude)) continue;
    const amount = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(amount)) continue;
    const drug = isDrugName ? nearestDrug(aStart, uEnd) : wordBefore(words(), aStart, text);
    if (drug) used.add(drug);
    const dose: DoseMention = {
      range: { start: drug ? Math.min(drug.start, aStart) : aStart, end: drug ? Math.max(drug.end, uEnd) : uEnd },
      amount: span(amount, aStart, aEnd),
      unit: span(normaliseUnit(m[2]), uStart, uEnd),
    };
    if (drug) dose.drug = span(drug.lower, drug.start, drug.end);
    doses.push(dose);
  }
  for (const w of drugWords) {
    if (used.has(w) || overlaps(w, exclude)) continue;
    doses.push({ range: { start: w.start, end: w.end }, drug: span(w.lower, w.start, w.end) });
  }
  doses.sort((a, b) => a.range.start - b.range.start);
  return doses;
}

function safeIsDrug(isDrugName: DrugNamePredicate, word: string): boolean {
  try {
    return isDrugName(word) === true;
  } catch {
    return false;
  }
}

/**
 * the drug word closest before the amount (else closest after the unit, within 3 words), not yet
 * paired. Amounts come in order, so one cursor per list moves forward only: linear in the piece.
 */
function drugFinder(drugWords: Word[], used: Set<Word>, words: () => Word[]): (aStart: number, uEnd: number) => Word | undefined {
  const before: Word[] = []; // drug words ending before the current amount, unpaired ones on top
  const isDrug = new Set(drugWords);
  let nextDrug = 0;
  let nextWord = 0;
  return (aStart, uEnd) => {
    while (nextDrug < drugWords.length && drugWords[nextDrug].end <= aStart) before.push(drugWords[nextDrug++]);
    while (before.length > 0 && used.has(before[before.length - 1])) before.pop();
    if (before.length > 0) return before[before.length - 1];
    const all = words();
    while (nextWord < all.length && all[nextWord].start < uEnd) nextWord++;
    for (let k = nextWord; k < Math.min(all.length, nextWord + 3); k++) if (isDrug.has(all[k]) && !used.has(all[k])) return all[k];
    return undefined;
  };
}

/** the word right before the amount (only spaces, '(' or ':' between) when it could be a drug name */
function wordBefore(words: Word[], aStart: number, text: string): Word | undefined {
  // binary search (words are in order): a scan from the first word per amount is quadratic
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid].end <= aStart) lo = mid + 1;
    else hi = mid;
  }
  const prev: Word | undefined = words[lo - 1];
  if (!prev || prev.lower.length < 3 || STOP_WORDS.has(prev.lower) || prev.lower in UNIT_NAMES) return undefined;
  for (let i = prev.end; i < aStart; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 40 /* ( */ && c !== 58 /* : */ && c !== 44 /* , */) return undefined;
  }
  return prev;
}
