// Small helpers shared by the readers for building the model.
import type { ClaimDocument, DocumentFormat, DocumentKind } from '../model';

export { addProblem, MAX_PROBLEMS, problem } from '../base/problem-ids';

/** a reader's kind until documents/kind.ts classifies the text: structured files are claims, prose a note */
export function emptyDocument(format: DocumentFormat, length: number, kind: DocumentKind = format === 'prose' ? 'note' : 'claim'): ClaimDocument {
  return { format, kind, length, containers: [], claims: [], mentions: [], problems: [] };
}
