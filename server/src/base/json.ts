// A position-aware, error-tolerant JSON parser. Iterative (an explicit stack), so 100k levels of
// nesting do not touch the call stack. Produces a tree with offsets plus problems; on a syntax error
// it records the problem and carries on with what it can read. Several top-level values in a row
// (NDJSON, as FHIR bulk exports write) are all returned.
import type { ReadProblem } from '../model';
import { addProblem, problem } from './problem-ids';

interface NodeBase {
  start: number;
  end: number;
}
export interface JsonObject extends NodeBase {
  kind: 'object';
  members: JsonMember[];
}
export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value?: JsonNode;
}
export interface JsonArray extends NodeBase {
  kind: 'array';
  items: JsonNode[];
}
/** start/end include the quotes; valueStart/valueEnd are the characters between them */
export interface JsonString extends NodeBase {
  kind: 'string';
  value: string;
  valueStart: number;
  valueEnd: number;
}
export interface JsonNumber extends NodeBase {
  kind: 'number';
  value: number;
  raw: string;
}
export interface JsonLiteral extends NodeBase {
  kind: 'literal';
  value: boolean | null;
}
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

export interface JsonParse {
  values: JsonNode[];
  problems: ReadProblem[];
}

// frame states
const OBJ_KEY_OR_END = 0; // after '{'
const OBJ_COLON = 1;
const OBJ_VALUE = 2;
const OBJ_COMMA_OR_END = 3;
const OBJ_KEY = 4; // after ','
const ARR_VALUE_OR_END = 5; // after '['
const ARR_COMMA_OR_END = 6;
const ARR_VALUE = 7; // after ','

interface Frame {
  node: JsonObject | JsonArray;
  state: number;
  member?: JsonMember;
}

export function parseJson(text: string): JsonParse {
  const n = text.length;
  const values: JsonNode[] = [];
  const problems: ReadProblem[] = [];
  const stack: Frame[] = [];
  const fail = (message: string, start: number, end: number) => addProblem(problems, problem('json-syntax', message, start, Math.min(n, Math.max(end, start + 1)), 'error'));
  // the problem points at the comma itself, not at the bracket after it
  const trailingComma = (closing: number) => {
    const comma = text.lastIndexOf(',', closing - 1);
    fail('Trailing comma.', comma < 0 ? closing : comma, (comma < 0 ? closing : comma) + 1);
  };
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const attach = (node: JsonNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      values.push(node);
      return;
    }
    if (top.node.kind === 'object') {
      if (top.member) top.member.value = node;
      top.state = OBJ_COMMA_OR_END;
    } else {
      top.node.items.push(node);
      top.state = ARR_COMMA_OR_END;
    }
  };

  /** reads a value starting at pos (attaching it); returns false when no value starts here */
  const value = (): boolean => {
    const c = text.charCodeAt(pos);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const node: JsonObject | JsonArray = c === 123 ? { kind: 'object', start: pos, end: n, members: [] } : { kind: 'array', start: pos, end: n, items: [] };
      attach(node);
      stack.push({ node, state: c === 123 ? OBJ_KEY_OR_END : ARR_VALUE_OR_END });
      pos++;
      return true;
    }
    if (c === 34 /* " */) {
      attach(readString());
      return true;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = pos;
      pos++;
      while (pos < n && isNumberChar(text.charCodeAt(pos))) pos++;
      const raw = text.slice(start, pos);
      const v = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(v)) fail(`'${raw}' is not a valid number.`, start, pos);
      attach({ kind: 'number', start, end: pos, value: v, raw });
      return true;
    }
    if (c >= 97 && c <= 122) {
      const start = pos;
      while (pos < n && isWordChar(text.charCodeAt(pos))) pos++;
      const word = text.slice(start, pos);
      if (word === 'true' || word === 'false' || word === 'null') {
        attach({ kind: 'literal', start, end: pos, value: word === 'null' ? null : word === 'true' });
      } else {
        // keep the structure moving: the bad word stands in as a null
        fail(`Unexpected word '${word.slice(0, 40)}'.`, start, pos);
        attach({ kind: 'literal', start, end: pos, value: null });
      }
      return true;
    }
    return false;
  };

  const readString = (): JsonString => {
    const start = pos;
    let i = pos + 1;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c === 10 || c === 13) break;
      i++;
    }
    if (i > n) i = n;
    const closed = i < n && text.charCodeAt(i) === 34;
    if (!closed) fail('Unterminated string.', start, i);
    const raw = text.slice(start + 1, i);
    pos = closed ? i + 1 : i;
    return { kind: 'string', start, end: pos, value: escaped ? unescape(raw) : raw, valueStart: start + 1, valueEnd: i };
  };

  /** closes the top frame at pos (the closing bracket, or the end of text) */
  const close = (end: number) => {
    const frame = stack.pop()!;
    frame.node.end = end;
  };

  /** a wrong closing bracket closes the open container; it is used again only if an outer one wants it */
  const closeMismatched = () => {
    const bracket = text.charCodeAt(pos);
    close(pos);
    const outer = stack[stack.length - 1];
    const wanted = outer && (outer.node.kind === 'object' ? 125 : 93) === bracket;
    if (!wanted) pos++;
  };

  while (true) {
    pos = skipWsAndComments(text, pos);
    if (pos >= n) break;
    const c = text.charCodeAt(pos);
    const top = stack[stack.length - 1];
    if (!top) {
      if (!value()) {
        fail(`Unexpected character '${text[pos]}'.`, pos, pos + 1);
        pos++;
      }
      continue;
    }
    switch (top.state) {
      case OBJ_KEY_OR_END:
      case OBJ_KEY:
        if (c === 34) {
          const key = readString();
          top.member = { key: key.value, keyStart: key.valueStart, keyEnd: key.valueEnd };
          (top.node as JsonObject).members.push(top.member);
          top.state = OBJ_COLON;
        } else if (c === 125 /* } */) {
          if (top.state === OBJ_KEY) trailingComma(pos);
          pos++;
          close(pos);
        } else if (c === 93 /* ] */) {
          fail("Expected '}' before ']'.", pos, pos + 1);
          closeMismatched();
        } else if (isWordChar(c)) {
          // an unquoted name: read it as the key so the rest of the object still parses
          const start = pos;
          while (pos < n && isWordChar(text.charCodeAt(pos))) pos++;
          fail('Property names must be in double quotes.', start, pos);
          top.member = { key: text.slice(start, pos), keyStart: start, keyEnd: pos };
          (top.node as JsonObject).members.push(top.member);
          top.state = OBJ_COLON;
        } else {
          fail('Expected a property name in double quotes.', pos, pos + 1);
          pos++;
        }
        break;
      case OBJ_COLON:
        if (c === 58 /* : */) {
          pos++;
          top.state = OBJ_VALUE;
        } else {
          fail("Expected ':'.", pos, pos + 1);
          top.state = OBJ_VALUE;
          if (c === 44 || c === 125) top.state = OBJ_COMMA_OR_END;
        }
        break;
      case OBJ_VALUE:
      case ARR_VALUE_OR_END:
      case ARR_VALUE:
        if (c === 93 && top.node.kind === 'array') {
          if (top.state === ARR_VALUE) trailingComma(pos);
          pos++;
          close(pos);
        } else if (c === 125 || c === 93 || c === 44) {
          fail('Expected a value.', pos, pos + 1);
          if (c === 44) {
            pos++;
            top.state = top.node.kind === 'object' ? OBJ_KEY : ARR_VALUE;
          } else top.state = top.node.kind === 'object' ? OBJ_COMMA_OR_END : ARR_COMMA_OR_END;
        } else if (!value()) {
          fail(`Unexpected character '${text[pos]}'.`, pos, pos + 1);
          pos++;
        }
        break;
      case OBJ_COMMA_OR_END:
      case ARR_COMMA_OR_END: {
        const isObject = top.node.kind === 'object';
        if (c === 44) {
          pos++;
          top.state = isObject ? OBJ_KEY : ARR_VALUE;
          top.member = undefined;
        } else if ((isObject && c === 125) || (!isObject && c === 93)) {
          pos++;
          close(pos);
        } else if (c === 125 || c === 93) {
          fail(`Expected '${isObject ? '}' : ']'}'.`, pos, pos + 1);
          closeMismatched();
        } else if (c === 34 || c === 123 || c === 91 || c === 45 || (c >= 48 && c <= 57) || (c >= 97 && c <= 122)) {
          fail("Expected ','.", pos, pos + 1);
          top.state = isObject ? OBJ_KEY : ARR_VALUE;
          top.member = undefined;
        } else {
          fail(`Unexpected character '${text[pos]}'.`, pos, pos + 1);
          pos++;
        }
        break;
      }
    }
  }
  if (stack.length) {
    fail(`Unexpected end of text: ${stack.length} unclosed bracket${stack.length === 1 ? '' : 's'}.`, n, n);
    while (stack.length) close(n);
  }
  return { values, problems };
}

/** whitespace, and the line and block comments JSONC files carry */
function skipWsAndComments(text: string, pos: number): number {
  const n = text.length;
  for (;;) {
    while (pos < n && isWs(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) !== 47 /* / */) return pos;
    const next = text.charCodeAt(pos + 1);
    if (next === 47) {
      while (pos < n && text.charCodeAt(pos) !== 10) pos++;
    } else if (next === 42 /* * */) {
      const close = text.indexOf('*/', pos + 2);
      pos = close < 0 ? n : close + 2;
    } else return pos;
  }
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function unescape(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'u': return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      default: return e;
    }
  });
}

// ---- navigation helpers --------------------------------------------------------------------

export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (const m of node.members) if (m.key === key) return m.value;
  return undefined;
}

export function memberEntry(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (!node || node.kind !== 'object') return undefined;
  return node.members.find((m) => m.key === key);
}

export function items(node: JsonNode | undefined): JsonNode[] {
  return node && node.kind === 'array' ? node.items : [];
}

export function stringValue(node: JsonNode | undefined): JsonString | undefined {
  return node && node.kind === 'string' ? node : undefined;
}
