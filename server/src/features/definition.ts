// Go to definition from a diagnosis pointer (837P SV107, FHIR item.diagnosisSequence) to the
// diagnosis it names (the HI composite's code, the FHIR diagnosis code).
import type { Location } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { locate } from './locate';
import { diagnosisAt } from '../checks/diagnoses';

export function definition(ctx: FeatureContext, offset: number): Location | null {
  const at = locate(ctx.model, offset);
  if (at.kind !== 'pointer' || !at.pointer) return null;
  const d = diagnosisAt(at.claim, at.pointer.value);
  if (!d) return null;
  const doc = ctx.textDocument;
  return { uri: doc.uri, range: { start: doc.positionAt(d.range.start), end: doc.positionAt(d.range.end) } };
}
