// Small helpers shared by the readers for building the model.
import type { ClaimDocument, DocumentFormat, DocumentKind, ReadProblem } from '../model';

export { problem } from '../base/problem-ids';

/** a reader's kind until documents/kind.ts classifies the text: structured files are claims, prose a note */
export function emptyDocument(format: DocumentFormat, length: number, kind: DocumentKind = format === 'prose' ? 'note' : 'claim'): ClaimDocument {
  return { format, kind, length, containers: [], claims: [], mentions: [], problems: [] };
}

/** readers stop recording problems past this many: a wrong-format file must not produce a million of them */
export const MAX_PROBLEMS = 200;

export function addProblem(list: ReadProblem[], p: ReadProblem): void {
  if (list.length < MAX_PROBLEMS) list.push(p);
  else if (list.length === MAX_PROBLEMS) list.push({ ...p, id: 'too-many-problems', message: 'More problems were found; only the first ones are listed.' });
}
