// The LSP side of X12 formatting: which documents are X12, the indent from the editor's options,
// offset edits turned into LSP edits (many small ones merged into one span edit).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { detectFormat } from '../documents/index';
import { formatX12, type X12Layout } from './formatting';

/** above this many changed gaps one span edit replaces them (each edit costs the client a position) */
const MAX_EDITS = 2000;
import { toLspRange } from './diagnostics';

export interface DocumentFormatOptions {
  layout: X12Layout;
  indentByLoop?: boolean;
  tabSize?: number;
  insertSpaces?: boolean;
}

export function formatDocument(doc: TextDocument, options: DocumentFormatOptions, range?: LspRange): { edits: LspTextEdit[]; message?: string } {
  const text = doc.getText();
  if (doc.languageId !== 'x12' && detectFormat(text, { languageId: doc.languageId, uri: doc.uri }) !== 'x12') return { edits: [] };
  const tab = Math.min(Math.max(Math.floor(options.tabSize ?? 2), 1), 8);
  const indent = options.indentByLoop ? (options.insertSpaces === false ? '\t' : ' '.repeat(tab)) : '';
  const span = range ? { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) } : undefined;
  const result = formatX12(text, { layout: options.layout, indent, range: span, maxEdits: MAX_EDITS });
  const edits = result.edits.map((e) => ({ range: toLspRange(doc, e.range), newText: e.newText }));
  return result.reason ? { edits, message: result.reason } : { edits };
}
