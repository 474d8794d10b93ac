// .hcpcsrc.json as a tree for validation: every value keeps its range so config problems point at
// the exact text. The reading is the documents layer's position-aware JSON parser (it tolerates //
// and /* */ comments, which editors write); this file only gives the tree the shape config.ts walks.
import type { Range } from '../model';
import { parseJson, type JsonNode as ReadNode } from '../base/json';

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

/** a config file is a few levels deep; anything deeper is refused rather than walked */
const MAX_DEPTH = 64;

export function parseJsonTree(text: string): JsonParseResult {
  const { values, problems } = parseJson(text);
  const first = problems[0];
  if (first) return { error: { range: first.range, message: first.message.replace(/\.$/, '') } };
  if (values.length === 0) return {};
  if (values.length > 1) return { error: { range: { start: values[1]!.start, end: values[1]!.end }, message: 'More than one JSON value' } };
  const root = convert(text, values[0]!, 0);
  return root ? { root } : { error: { range: { start: 0, end: Math.min(1, text.length) }, message: `Nested more than ${MAX_DEPTH} levels deep` } };
}

function convert(text: string, node: ReadNode, depth: number): JsonNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const range = { start: node.start, end: node.end };
  switch (node.kind) {
    case 'object': {
      const props: JsonProperty[] = [];
      for (const m of node.members) {
        const value = m.value && convert(text, m.value, depth + 1);
        if (m.value && !value) return undefined;
        // a key's range includes its quotes, as a string value's does
        const quoted = text[m.keyStart - 1] === '"' && text[m.keyEnd] === '"';
        const keyRange = quoted ? { start: m.keyStart - 1, end: m.keyEnd + 1 } : { start: m.keyStart, end: m.keyEnd };
        if (value) props.push({ key: m.key, keyRange, value });
      }
      return { kind: 'object', range, props };
    }
    case 'array': {
      const items: JsonNode[] = [];
      for (const item of node.items) {
        const value = convert(text, item, depth + 1);
        if (!value) return undefined;
        items.push(value);
      }
      return { kind: 'array', range, items };
    }
    case 'string':
      return { kind: 'string', range, value: node.value };
    case 'number':
      return { kind: 'number', range, value: node.value };
    case 'literal':
      return node.value === null ? { kind: 'null', range } : { kind: 'boolean', range, value: node.value };
  }
}
