// Which names read from descriptors may stand for a drug in free text. Descriptors of skin
// substitutes, procedures and diluents yield names that are ordinary English ('Most, per square
// centimeter', 'Injection procedure for ...', '5% dextrose/water'): in a note, "most" or "water" is
// a word, not a drug, so such names never enter the drug vocabulary. Real drug names that are also
// words a clinician uses for the drug (insulin, iron, heparin, saline, dextrose) stay.

/** ordinary English words (and descriptor words) that a descriptor may yield as a "name" */
const ORDINARY_WORDS = new Set(
  (
    // named by the issue, and the like: words of everyday or clinical English
    'procedure procedures most health skin water complete total high low dual flex matrix fluid prep membrane overlay ' +
    'days day diagnostic therapeutic vaccine implantation irrigation protein contraceptive unspecified visualization ' +
    'antiemetic autologous american emerge gold endo derm derma cryo amnio amnion pre-exposure fecal ' +
    // function words and common adjectives, so a future descriptor cannot make them names either
    'all any each every more less least other some none new old best plus pure prime true free simple standard ' +
    'basic natural single double triple one two three first second ultra mini max maxi super active advanced ' +
    'care life living cell cells tissue graft wound patch sheet shield guard cover repair restore support ' +
    'test kit supply system device product solution home blood human'
  ).split(' '),
);

/** may this lower-case name (one word or several) stand for a drug in free text? */
export function isDrugVocabulary(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n.length < 3) return false;
  return !ORDINARY_WORDS.has(n);
}
