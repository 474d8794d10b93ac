// Diagnosis codes written in prose, recognised only where it is certain: the dotted form (E11.9),
// or a code after a cue (ICD-10, Dx, diagnosis) possibly in a list ("Dx: E11.9, I10"); and only
// codes the loaded ICD-10-CM releases have. A letter and four digits (J7507) is a HCPCS Level II
// code in prose, never a diagnosis, with or without a cue.
import type { Span } from '../model';
import { isIcd10Shaped, type DiagnosisCodes } from '../codeset/icd10';

const TOKEN_CHAR = /[A-Za-z0-9.]/;
const DOTTED = /^[A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}$/;
const LEVEL2 = /^[A-Z][0-9]{4}$/;
/** a cue and then codes and separators up to the token: 'Dx: E11.9, ', 'ICD-10 code ', 'diagnoses I10 and ' */
const CUE_BEFORE = /\b(?:icd-?10(?:-cm)?|dx|diagnos[ie]s)\b(?:\s*(?:codes?|[:#=-]))?\s*(?:[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?\s*(?:,|;|\/|and|&)?\s*)*$/i;
/** how far back a cue may be (one short list of codes) */
const CUE_WINDOW = 80;

/** the diagnosis code written at the offset, if prose names one for certain */
export function proseDiagnosisAt(text: string, offset: number, codes: DiagnosisCodes | undefined, date: string): Span<string> | undefined {
  if (!codes) return undefined;
  let start = offset;
  let end = offset;
  while (start > 0 && TOKEN_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && TOKEN_CHAR.test(text[end]!)) end++;
  // a sentence's full stop is not part of the code
  while (end > start && text[end - 1] === '.') end--;
  if (offset < start || offset > end || end - start < 3 || end - start > 8) return undefined;
  const value = text.slice(start, end);
  const upper = value.toUpperCase();
  if (LEVEL2.test(upper) || !isIcd10Shaped(upper)) return undefined;
  if (value !== upper) return undefined; // codes are written in capitals; 'e11.9' in prose is not taken as one
  const cued = CUE_BEFORE.test(text.slice(Math.max(0, start - CUE_WINDOW), start));
  if (!DOTTED.test(upper) && !cued) return undefined;
  const release = codes.inForce(date) ?? codes.newest;
  if (release.entry(upper).kind === 'absent') return undefined;
  return { value, range: { start, end } };
}
