// The documents layer's public face: text in, ClaimDocument out, whatever the text is.
import type { ClaimDocument, DocumentFormat } from '../model';
import { detectFormat, FORMATS, type ParseHint } from './formats';
import { emptyDocument, problem } from './problems';

export { detectFormat, FORMATS, traitsOf, type ParseHint } from './formats';
export { findDoses } from './doses';
export { toIsoDate } from './dates';
export { HCPCS_SYSTEM, isHcpcsSystem, isCptSystem } from './fhir';

/** what the document is for (claim, remittance, note, reference), as its format's entry judges it */
export function classifyDocument(text: string, format: DocumentFormat, hint: ParseHint = {}) {
  return FORMATS[format].kind(text, hint);
}

export function parseDocument(text: string, hint: ParseHint = {}): ClaimDocument {
  let format: DocumentFormat = 'prose';
  try {
    format = detectFormat(text, hint);
    const entry = FORMATS[format];
    const doc = entry.read(text, hint);
    doc.kind = entry.kind(text, hint);
    return doc;
  } catch (e) {
    // readers are written not to throw; this is the last line of defence
    const doc = emptyDocument(format, text.length);
    doc.problems.push(problem('reader-failed', `The ${format} reader failed: ${e instanceof Error ? e.message : String(e)}`, 0, Math.min(text.length, 1), 'error'));
    return doc;
  }
}
