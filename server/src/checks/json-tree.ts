// A small position-aware JSON reader for .hcpcsrc.json: every value keeps its offsets so config
// problems point at the exact text. Tolerates // and /* */ comments (editors write JSONC).
import type { Range } from '../model';

export type JsonNode =
  | { kind: 'object'; range: Range; props: JsonProperty[] }
  | { kind: 'array'; range: Range; items: JsonNode[] }
  | { kind: 'string'; range: Range; value: string }
  | { kind: 'number'; range: Range; value: number }
  | { kind: 'boolean'; range: Range; value: boolean }
  | { kind: 'null'; range: Range };

export interface JsonProperty {
  key: string;
  keyRange: Range;
  value: JsonNode;
}

export interface JsonParseResult {
  root?: JsonNode;
  error?: { range: Range; message: string };
}

const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly end: number = at + 1,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJsonTree(text: string): JsonParseResult {
  let pos = 0;

  const skip = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) pos++;
      else if (c === 47 && text[pos + 1] === '/') {
        const nl = text.indexOf('\n', pos);
        pos = nl < 0 ? text.length : nl + 1;
      } else if (c === 47 && text[pos + 1] === '*') {
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) throw new JsonSyntaxError('Unterminated comment', pos, text.length);
        pos = close + 2;
      } else return;
    }
  };

  const describe = (at: number) => (at >= text.length ? 'end of file' : `"${text[at]}"`);

  const readString = (): { value: string; range: Range } => {
    const start = pos;
    pos++; // opening quote
    let value = '';
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) throw new JsonSyntaxError('Unterminated string', start, text.length);
      const ch = text[pos]!;
      if (ch === '"') {
        value += text.slice(chunk, pos);
        pos++;
        return { value, range: { start, end: pos } };
      }
      if (ch === '\n') throw new JsonSyntaxError('Line break inside a string', start, pos);
      if (ch === '\\') {
        value += text.slice(chunk, pos);
        const esc = text[pos + 1];
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          value += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else if (esc !== undefined && ESCAPES[esc] !== undefined) {
          value += ESCAPES[esc];
          pos += 2;
        } else throw new JsonSyntaxError('Invalid escape in string', pos, pos + 2);
        chunk = pos;
        continue;
      }
      pos++;
    }
  };

  const readValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('Nested too deeply', pos);
    skip();
    const start = pos;
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      const props: JsonProperty[] = [];
      skip();
      if (text[pos] === '}') {
        pos++;
        return { kind: 'object', range: { start, end: pos }, props };
      }
      for (;;) {
        skip();
        if (text[pos] !== '"') throw new JsonSyntaxError(`Expected a property name in quotes, found ${describe(pos)}`, pos);
        const key = readString();
        skip();
        if (text[pos] !== ':') throw new JsonSyntaxError(`Expected ":" after "${key.value}", found ${describe(pos)}`, pos);
        pos++;
        props.push({ key: key.value, keyRange: key.range, value: readValue(depth + 1) });
        skip();
        if (text[pos] === ',') {
          const comma = pos++;
          skip();
          if (text[pos] === '}') throw new JsonSyntaxError('Trailing comma before "}"', comma);
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return { kind: 'object', range: { start, end: pos }, props };
        }
        throw new JsonSyntaxError(`Expected "," or "}", found ${describe(pos)}`, pos);
      }
    }
    if (ch === '[') {
      pos++;
      const items: JsonNode[] = [];
      skip();
      if (text[pos] === ']') {
        pos++;
        return { kind: 'array', range: { start, end: pos }, items };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skip();
        if (text[pos] === ',') {
          const comma = pos++;
          skip();
          if (text[pos] === ']') throw new JsonSyntaxError('Trailing comma before "]"', comma);
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return { kind: 'array', range: { start, end: pos }, items };
        }
        throw new JsonSyntaxError(`Expected "," or "]", found ${describe(pos)}`, pos);
      }
    }
    if (ch === '"') return { kind: 'string', ...readString() };
    const number = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(pos, pos + 64));
    if (number) {
      pos += number[0].length;
      return { kind: 'number', range: { start, end: pos }, value: Number(number[0]) };
    }
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { ...node, range: { start, end: pos } } as JsonNode;
      }
    }
    throw new JsonSyntaxError(`Expected a value, found ${describe(pos)}`, pos);
  };

  try {
    const root = readValue(0);
    skip();
    if (pos < text.length) throw new JsonSyntaxError(`Unexpected ${describe(pos)} after the end of the JSON value`, pos);
    return { root };
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const start = Math.min(e.at, text.length);
      return { error: { range: { start, end: Math.max(start, Math.min(e.end, text.length)) }, message: e.message } };
    }
    return { error: { range: { start: 0, end: 0 }, message: 'The file could not be read as JSON' } };
  }
}
