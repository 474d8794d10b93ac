// Finding -> Diagnostic: severity mapping, rule id as code, docs link, related information, positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../../../server/src/checks/types';
import { toDiagnostic } from '../../../server/src/features/diagnostics';

const doc = TextDocument.create('file:///a.x12', 'x12', 1, 'ISA*00~\nSV1*HC:J7507*125*UN*5~\nLIN**N4*00378204501~\n');
const finding = (severity: Severity, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'units-vs-ndc',
  severity,
  message: 'units differ',
  range: { start: 15, end: 20 },
  related: [],
  fixes: [],
  ...extra,
});

const severities: [Severity, DiagnosticSeverity][] = [
  ['error', DiagnosticSeverity.Error],
  ['warning', DiagnosticSeverity.Warning],
  ['information', DiagnosticSeverity.Information],
  ['hint', DiagnosticSeverity.Hint],
];
for (const [severity, expected] of severities) {
  test(`diagnostic severity: ${severity}`, () => assert.equal(toDiagnostic(doc, finding(severity)).severity, expected));
}

const rows: [string, Finding, string | undefined, Record<string, unknown>][] = [
  ['code, source, message, positions', finding('warning'), undefined, {
    code: 'units-vs-ndc', source: 'hcpcs', message: 'units differ',
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } },
  }],
  ['docs link from the base URI (trailing slash ignored)', finding('warning'), 'https://example.invalid/docs/rules/', {
    codeDescription: { href: 'https://example.invalid/docs/rules/units-vs-ndc.md' },
  }],
  ['no base URI: no link', finding('warning'), undefined, { codeDescription: undefined }],
  ['related information points into the same document', finding('warning', { related: [{ range: { start: 39, end: 50 }, message: 'the NDC' }] }), undefined, {
    relatedInformation: [{ location: { uri: 'file:///a.x12', range: { start: { line: 2, character: 8 }, end: { line: 2, character: 19 } } }, message: 'the NDC' }],
  }],
  ['no related: no relatedInformation', finding('warning'), undefined, { relatedInformation: undefined }],
];
for (const [name, f, base, expected] of rows) {
  test(`diagnostic: ${name}`, () => {
    const d = toDiagnostic(doc, f, base) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(d[k], v, k);
  });
}
