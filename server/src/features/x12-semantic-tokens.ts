// Semantic tokens for X12 that follow each interchange's own delimiters (the TextMate grammar can
// only assume '*', ':' and '~'): segment ids, element/component/repetition separators, terminators.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as LspRange, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { isIsaAt, readIsa, type X12Delimiters } from '../documents/x12-delimiters';

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: ['keyword', 'operator'], tokenModifiers: [] };
const KEYWORD = 0;
const OPERATOR = 1;
/** whole-document tokens stop here; editors ask for the visible range of larger files */
export const SEMANTIC_FULL_LIMIT = 5 * 1024 * 1024;

/** the delimiters in effect at offset: from the last ISA at or before it */
function delimitersAt(text: string, offset: number): X12Delimiters | undefined {
  let at = text.lastIndexOf('ISA', offset);
  while (at >= 0 && !isIsaAt(text, at)) at = text.lastIndexOf('ISA', at - 1);
  if (at < 0) {
    at = text.indexOf('ISA');
    while (at >= 0 && !isIsaAt(text, at)) at = text.indexOf('ISA', at + 1);
  }
  if (at < 0) return undefined;
  const isa = readIsa(text, at);
  return isa.problems.some((p) => p.id === 'x12-damaged-isa') ? undefined : isa.delimiters;
}

export function x12SemanticTokens(doc: TextDocument, range?: LspRange): SemanticTokens {
  const text = doc.getText();
  if (!range && text.length > SEMANTIC_FULL_LIMIT) return { data: [] };
  const from = range ? doc.offsetAt(range.start) : 0;
  const to = range ? doc.offsetAt(range.end) : text.length;
  let d = delimitersAt(text, from);
  if (!d) return { data: [] };
  // start at the segment that holds `from`
  let i = Math.max(0, text.lastIndexOf(d.segment, from - 1) + 1);
  let { line, character } = doc.positionAt(i);
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  const push = (length: number, type: number) => {
    const dl = line - lastLine;
    data.push(dl, dl === 0 ? character - lastChar : character, length, type, 0);
    lastLine = line;
    lastChar = character;
  };
  let segmentStart = true;
  while (i < to && i < text.length) {
    const c = text[i]!;
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      character = 0;
      i++;
      if (c === d.segment) segmentStart = true;
      continue;
    }
    if (segmentStart && !/[ \t\r\n]/.test(c)) {
      if (isIsaAt(text, i)) d = delimitersAt(text, i) ?? d;
      let end = i;
      while (end < text.length && end - i < 3 && /[A-Z0-9]/.test(text[end]!)) end++;
      if (end > i) push(end - i, KEYWORD);
      character += end - i;
      i = end;
      segmentStart = false;
      continue;
    }
    if (c === d.element || c === d.component || (d.repetition && c === d.repetition) || c === d.segment) {
      push(1, OPERATOR);
      if (c === d.segment) segmentStart = true;
    }
    character++;
    i++;
  }
  return { data };
}
