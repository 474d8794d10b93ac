// --format ndjson: one JSON record per line, so a stream of documents can be checked and read as it
// goes. The records are described by schemas/hcpcs-check-ndjson.schema.json (keep the two in step).
import type { DocumentResult, ReportedFinding } from './records';

export const NDJSON_SCHEMA_ID = 'hcpcs-check-ndjson/1';

export interface FindingRecord {
  type: 'finding';
  document: string;
  claim: string | null;
  lineSequence: number | null;
  lineIndex: number | null;
  rule: string;
  severity: ReportedFinding['severity'];
  range0: ReportedFinding['range0'];
  range1: ReportedFinding['range'];
  message: string;
  fixes: string[];
}

export interface DocumentRecord {
  type: 'document';
  document: string;
  findings: number;
}

export interface ErrorRecord {
  type: 'error';
  document: string | null;
  /** the 1-based line of the NDJSON input the error is about, when the input is NDJSON */
  inputLine: number | null;
  message: string;
}

export function findingRecord(document: string, f: ReportedFinding): FindingRecord {
  return {
    type: 'finding',
    document,
    claim: f.claimId ?? null,
    lineSequence: f.lineSequence ?? null,
    lineIndex: f.lineIndex ?? null,
    rule: f.ruleId,
    severity: f.severity,
    range0: f.range0,
    range1: f.range,
    message: f.message,
    fixes: f.fixes.map((x) => x.title),
  };
}

/**
 * A document's records: its findings, then one "document" record that closes it (so a consumer can
 * match every input id, findings or not), or one "error" record when it could not be checked.
 */
export function documentLines(result: DocumentResult, inputLine?: number): string {
  if (result.error !== undefined) {
    const record: ErrorRecord = { type: 'error', document: result.id === '' ? null : result.id, inputLine: inputLine ?? null, message: result.error };
    return `${JSON.stringify(record)}\n`;
  }
  let out = '';
  for (const f of result.findings) out += `${JSON.stringify(findingRecord(result.id, f))}\n`;
  const done: DocumentRecord = { type: 'document', document: result.id, findings: result.findings.length };
  return `${out}${JSON.stringify(done)}\n`;
}
