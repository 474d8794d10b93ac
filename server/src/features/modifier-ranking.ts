// After the modifiers that fit a code (modifiersFor), the ones billers put on that kind of code
// come next, and only then the rest in code order: after HC:J7500: the list reads KX, then the
// drug and payment modifiers, not A1…A9 (wound dressings, which only fit A6xxx supplies).
import type { CodeSet } from '../codeset/types';

const PAYMENT = ['GA', 'GY', 'GZ', 'KX', 'CG', 'GK'];
const DRUG = ['JW', 'JZ', 'JG', 'TB', 'JA', 'JB', 'JD', 'KD'];
const DME = ['NU', 'RR', 'UE', 'KH', 'KI', 'KJ', 'RT', 'LT', 'KX', 'GA', 'GY', 'GZ', 'BP', 'BR', 'BU'];
const DRESSING = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'AW'];

/** the usual modifiers for this code's kind, most used first */
export function usualModifiers(codeset: Pick<CodeSet, 'drug'>, code: string | undefined): string[] {
  if (!code) return PAYMENT;
  if (/^A6\d{3}$/.test(code)) return [...DRESSING, ...PAYMENT];
  const drug = codeset.drug(code);
  if (drug?.route === 'oral') return PAYMENT; // JW/JZ and the route modifiers do not apply to oral drugs
  if (drug) return [...DRUG, ...PAYMENT];
  if (/^[EKL]\d{4}$/.test(code)) return DME;
  return PAYMENT;
}
