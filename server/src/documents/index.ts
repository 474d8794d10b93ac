// The documents layer's public face: text in, ClaimDocument out, whatever the text is.
import type { ClaimDocument, DocumentFormat } from '../model';
import { readCsv } from './csv';
import { detectFormat, extensionOf } from './detect';
import { readFhir } from './fhir';
import { emptyDocument, problem } from './problems';
import { readProse } from './prose';
import { readX12 } from './x12';

export { detectFormat } from './detect';
export { findDoses } from './doses';
export { toIsoDate } from './dates';
export { HCPCS_SYSTEM, isHcpcsSystem, isCptSystem } from './fhir';

export interface ParseHint {
  languageId?: string;
  uri?: string;
  /** is this lower-case word a drug name? (the code set's isDrugName); improves dose reading in text */
  isDrugName?: (lowerWord: string) => boolean;
  /** prose: which code words are service lines (the hcpcs.notes setting); default 'billing-lines' */
  notes?: 'billing-lines' | 'all';
}

export function parseDocument(text: string, hint: ParseHint = {}): ClaimDocument {
  let format: DocumentFormat = 'prose';
  try {
    format = detectFormat(text, hint);
    const options = { isDrugName: hint.isDrugName };
    switch (format) {
      case 'x12':
        return readX12(text, options);
      case 'csv':
        return readCsv(text, { ...options, delimiter: forcedDelimiter(hint) });
      case 'fhir':
        return readFhir(text, options);
      default:
        return readProse(text, { ...options, notes: hint.notes });
    }
  } catch (e) {
    // readers are written not to throw; this is the last line of defence
    const doc = emptyDocument(format, text.length);
    doc.problems.push(problem('reader-failed', `The ${format} reader failed: ${e instanceof Error ? e.message : String(e)}`, 0, Math.min(text.length, 1), 'error'));
    return doc;
  }
}

/** tsv/psv by language or extension fix the delimiter; csv is sniffed (European files use ';') */
function forcedDelimiter(hint: ParseHint): string | undefined {
  const keys = [hint.languageId?.toLowerCase(), extensionOf(hint.uri)];
  return keys.includes('tsv') ? '\t' : keys.includes('psv') ? '|' : undefined;
}
