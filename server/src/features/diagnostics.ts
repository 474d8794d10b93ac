// Finding (offsets) -> LSP Diagnostic (positions), the one shape the server publishes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../checks/types';
import type { Range } from '../model';
import { escapeControls } from '../base/safe-text';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** what a conversion needs of a document: a TextDocument, or its URI and a LineIndex built in slices */
export type PositionSource = Pick<TextDocument, 'uri' | 'positionAt'>;

export function toLspRange(textDocument: PositionSource, range: Range) {
  return { start: textDocument.positionAt(range.start), end: textDocument.positionAt(range.end) };
}

/** docsBaseUri: where rule pages live, e.g. 'https://…/docs/rules'; without it the diagnostic has no link */
export function toDiagnostic(textDocument: PositionSource, finding: Finding, docsBaseUri?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(textDocument, finding.range),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: 'hcpcs',
    message: escapeControls(finding.message),
  };
  if (docsBaseUri) diagnostic.codeDescription = { href: `${docsBaseUri.replace(/\/+$/, '')}/${finding.ruleId}.md` };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: textDocument.uri, range: toLspRange(textDocument, r.range) },
      message: r.message,
    }));
  }
  return diagnostic;
}
