// Check one document with a service and report it: the unit of work of the CLI, its worker threads
// and library callers. Pure apart from the service's own cache, which is emptied after each document.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HcpcsService } from '../service';
import { reportFindings, type DocumentResult } from '../checks/report/records';

export interface DocumentInput {
  /** names the document in the output: a path, an NDJSON id */
  id: string;
  /** '' = detected from the content (and the uri's extension) */
  languageId: string;
  text: string;
  /** the URI the document is known by (file URI of a path); an id-based one is made when absent */
  uri?: string;
}

let counter = 0;

export function checkDocument(service: HcpcsService, input: DocumentInput): DocumentResult {
  const uri = input.uri ?? `untitled:hcpcs-check-${++counter}`;
  const doc = TextDocument.create(uri, input.languageId, 1, input.text);
  try {
    const findings = service.findings(doc);
    return { id: input.id, findings: reportFindings(input.id, input.text, service.model(doc), findings) };
  } finally {
    service.forget(uri);
  }
}
