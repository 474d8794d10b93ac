// .hcpcsrc.json -> Settings, with every problem pointing at its text; and merging settings layers.
import type { Range } from '../model';
import { NOTES_MODES, type DocumentKindRule, type NotesMode, type PayerProfile, type RuleSetting, type Settings } from '../settings';
import { DOCUMENT_KINDS, type DocumentKind } from '../model';
import { parseJsonTree, type JsonNode, type JsonProperty } from './json-tree';
import { compilePattern, isMatcher } from '../base/patterns';
import { compileGlob, isPathMatcher } from '../base/globs';
import { findingIds } from './catalogue';
import { didYouMean } from '../base/did-you-mean';
import { readRuleSetting } from '../rule-setting';

export interface ConfigProblem {
  range: Range;
  message: string;
}

export interface ParsedConfig {
  settings: Partial<Settings>;
  problems: ConfigProblem[];
}

const PROFILES: readonly PayerProfile[] = ['medicare', 'commercial', 'none'];
const MODIFIER = /^[A-Za-z0-9]{2}$/;

const KNOWN_KEYS = [
  '$schema',
  'profile',
  'rules',
  'requiredModifiers',
  'allowedCodes',
  'forbiddenCodes',
  'jwJzCodes',
  'inlayHints',
  'maxValidationBytes',
  'documentKinds',
  'notes',
  'include',
  'exclude',
] as const;

const KIND_NAMES: Record<JsonNode['kind'], string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** a JSON tree as the plain value it stands for (a repeated key: the last one wins, as in JSON.parse) */
function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.props.map((p) => [p.key, plainValue(p.value)]));
    case 'array':
      return node.items.map(plainValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

class Validator {
  readonly problems: ConfigProblem[] = [];

  problem(range: Range, message: string): void {
    this.problems.push({ range: { start: range.start, end: range.end }, message });
  }

  expect<K extends JsonNode['kind']>(node: JsonNode, kind: K, what: string): Extract<JsonNode, { kind: K }> | undefined {
    if (node.kind === kind) return node as Extract<JsonNode, { kind: K }>;
    this.problem(node.range, `${what} must be ${KIND_NAMES[kind]}, not ${KIND_NAMES[node.kind]}`);
    return undefined;
  }

  /** each entry's own problems are reported; the valid entries are kept */
  strings(node: JsonNode, what: string, check?: (value: string) => string | undefined): string[] | undefined {
    const array = this.expect(node, 'array', what);
    if (!array) return undefined;
    const out: string[] = [];
    for (const item of array.items) {
      const s = this.expect(item, 'string', `Each entry of ${what}`);
      if (!s) continue;
      const bad = check?.(s.value);
      if (bad) this.problem(s.range, bad);
      else out.push(s.value);
    }
    return out;
  }

  patterns(node: JsonNode, what: string): string[] | undefined {
    return this.strings(node, what, (p) => {
      const m = compilePattern(p);
      return isMatcher(m) ? undefined : `Invalid code pattern: ${m.error}`;
    });
  }

  /** the shared reader (rule-setting.ts) over the plain value; its problems point at the exact text */
  ruleSetting(prop: JsonProperty): RuleSetting | undefined {
    const v = prop.value;
    return readRuleSetting(plainValue(v), `Rule "${prop.key}"`, (message, place) => {
      const sub = place && v.kind === 'object' ? v.props.filter((p) => p.key === place.key).at(-1) : undefined;
      this.problem(sub ? (place?.part === 'key' ? sub.keyRange : sub.value.range) : v.range, message);
    });
  }

  rules(node: JsonNode): Settings['rules'] | undefined {
    const obj = this.expect(node, 'object', '"rules"');
    if (!obj) return undefined;
    const out: Settings['rules'] = {};
    for (const prop of obj.props) {
      if (!findingIds.includes(prop.key)) {
        this.problem(prop.keyRange, `Unknown rule id "${prop.key}"${didYouMean(prop.key, findingIds)}`);
        continue;
      }
      const setting = this.ruleSetting(prop);
      if (setting) out[prop.key] = setting;
    }
    return out;
  }

  modifiers(node: JsonNode, what: string): string[] | undefined {
    return this.strings(node, what, (m) => (MODIFIER.test(m.trim()) ? undefined : `"${m}" is not a modifier (two letters or digits)`));
  }

  /** [{ "pattern": "J75*", "modifiers": ["KX"] }] or the short form { "J75*": ["KX"] } */
  requiredModifiers(node: JsonNode): Settings['requiredModifiers'] | undefined {
    const out: Settings['requiredModifiers'] = [];
    const add = (patternNode: JsonNode | undefined, patternRange: Range, pattern: string | undefined, modsNode: JsonNode | undefined, where: Range) => {
      if (pattern === undefined) return this.problem(patternNode?.range ?? where, '"requiredModifiers": each entry needs a "pattern" string');
      const m = compilePattern(pattern);
      if (!isMatcher(m)) return this.problem(patternRange, `Invalid code pattern: ${m.error}`);
      if (!modsNode) return this.problem(where, `"requiredModifiers": "${pattern}" needs a "modifiers" array`);
      const modifiers = this.modifiers(modsNode, `"modifiers" of "${pattern}"`);
      if (modifiers?.length) out.push({ pattern, modifiers: modifiers.map((x) => x.trim().toUpperCase()) });
    };
    if (node.kind === 'object') {
      for (const p of node.props) add(undefined, p.keyRange, p.key, p.value, p.keyRange);
      return out;
    }
    const array = this.expect(node, 'array', '"requiredModifiers"');
    if (!array) return undefined;
    for (const item of array.items) {
      const entry = this.expect(item, 'object', 'Each entry of "requiredModifiers"');
      if (!entry) continue;
      let patternNode: JsonNode | undefined;
      let modsNode: JsonNode | undefined;
      for (const p of entry.props) {
        if (p.key === 'pattern') patternNode = p.value;
        else if (p.key === 'modifiers') modsNode = p.value;
        else this.problem(p.keyRange, `"requiredModifiers": unknown property "${p.key}" (use "pattern" and "modifiers")`);
      }
      const pattern = patternNode ? this.expect(patternNode, 'string', '"pattern"') : undefined;
      if (patternNode && !pattern) continue;
      add(patternNode, pattern?.range ?? entry.range, pattern?.value, modsNode, entry.range);
    }
    return out;
  }

  jwJzCodes(node: JsonNode): Settings['jwJzCodes'] | undefined {
    const obj = this.expect(node, 'object', '"jwJzCodes"');
    if (!obj) return undefined;
    const out: Settings['jwJzCodes'] = { add: [], remove: [] };
    for (const p of obj.props) {
      if (p.key === 'add' || p.key === 'remove') out[p.key] = this.patterns(p.value, `"jwJzCodes.${p.key}"`) ?? [];
      else this.problem(p.keyRange, `"jwJzCodes": unknown property "${p.key}" (use "add" and "remove")`);
    }
    return out;
  }

  globs(node: JsonNode, what: string): string[] | undefined {
    return this.strings(node, what, (p) => {
      const m = compileGlob(p);
      return isPathMatcher(m) ? undefined : `Invalid glob: ${m.error}`;
    });
  }

  /** [{ "pattern": "notes/**", "kind": "note" }] */
  documentKinds(node: JsonNode): DocumentKindRule[] | undefined {
    const array = this.expect(node, 'array', '"documentKinds"');
    if (!array) return undefined;
    const out: DocumentKindRule[] = [];
    for (const item of array.items) {
      const entry = this.expect(item, 'object', 'Each entry of "documentKinds"');
      if (!entry) continue;
      let pattern: string | undefined;
      let kind: DocumentKind | undefined;
      for (const p of entry.props) {
        if (p.key === 'pattern') {
          const s = this.expect(p.value, 'string', '"documentKinds": "pattern"');
          const m = s ? compileGlob(s.value) : undefined;
          if (s && m && isPathMatcher(m)) pattern = s.value;
          else if (s && m && !isPathMatcher(m)) this.problem(s.range, `Invalid glob: ${m.error}`);
        } else if (p.key === 'kind') {
          const s = this.expect(p.value, 'string', '"documentKinds": "kind"');
          if (s && (DOCUMENT_KINDS as readonly string[]).includes(s.value)) kind = s.value as DocumentKind;
          else if (s) this.problem(s.range, `"kind" must be one of ${DOCUMENT_KINDS.join(', ')}${didYouMean(s.value, DOCUMENT_KINDS)}`);
        } else this.problem(p.keyRange, `"documentKinds": unknown property "${p.key}" (use "pattern" and "kind")`);
      }
      if (pattern !== undefined && kind) out.push({ pattern, kind });
      else if (!entry.props.some((p) => p.key === 'pattern')) this.problem(entry.range, '"documentKinds": each entry needs a "pattern" glob');
      else if (!entry.props.some((p) => p.key === 'kind')) this.problem(entry.range, `"documentKinds": each entry needs a "kind" (${DOCUMENT_KINDS.join(', ')})`);
    }
    return out;
  }

  inlayHints(node: JsonNode): Settings['inlayHints'] | undefined {
    const obj = this.expect(node, 'object', '"inlayHints"');
    if (!obj) return undefined;
    let enabled: boolean | undefined;
    for (const p of obj.props) {
      if (p.key === 'enabled') enabled = this.expect(p.value, 'boolean', '"inlayHints.enabled"')?.value;
      else this.problem(p.keyRange, `"inlayHints": unknown property "${p.key}" (use "enabled")`);
    }
    return enabled === undefined ? undefined : { enabled };
  }
}

/** Parse and validate a .hcpcsrc.json. Invalid entries become problems; the valid ones are kept. */
export function parseConfig(text: string): ParsedConfig {
  const parsed = parseJsonTree(text);
  if (!parsed.root) {
    const error = parsed.error ?? { range: { start: 0, end: 0 }, message: 'Empty file' };
    return { settings: {}, problems: [{ range: error.range, message: `Not valid JSON: ${error.message}; the defaults apply` }] };
  }
  const v = new Validator();
  const settings: Partial<Settings> = {};
  const root = v.expect(parsed.root, 'object', 'The configuration');
  if (!root) return { settings, problems: v.problems };
  const seen = new Set<string>();
  for (const prop of root.props) {
    if (seen.has(prop.key)) v.problem(prop.keyRange, `"${prop.key}" is given twice; the last one wins`);
    seen.add(prop.key);
    const node = prop.value;
    switch (prop.key) {
      case '$schema':
        v.expect(node, 'string', '"$schema"');
        break;
      case 'profile': {
        const s = v.expect(node, 'string', '"profile"');
        if (s && (PROFILES as readonly string[]).includes(s.value)) settings.profile = s.value as PayerProfile;
        else if (s) v.problem(s.range, `"profile" must be one of ${PROFILES.join(', ')}${didYouMean(s.value, PROFILES)}`);
        break;
      }
      case 'rules': {
        const r = v.rules(node);
        if (r) settings.rules = r;
        break;
      }
      case 'requiredModifiers': {
        const r = v.requiredModifiers(node);
        if (r) settings.requiredModifiers = r;
        break;
      }
      case 'allowedCodes':
      case 'forbiddenCodes': {
        const r = v.patterns(node, `"${prop.key}"`);
        if (r) settings[prop.key] = r;
        break;
      }
      case 'jwJzCodes': {
        const r = v.jwJzCodes(node);
        if (r) settings.jwJzCodes = r;
        break;
      }
      case 'inlayHints': {
        const r = v.inlayHints(node);
        if (r) settings.inlayHints = r;
        break;
      }
      case 'maxValidationBytes': {
        const n = v.expect(node, 'number', '"maxValidationBytes"');
        if (n && Number.isInteger(n.value) && n.value >= 0) settings.maxValidationBytes = n.value;
        else if (n) v.problem(n.range, '"maxValidationBytes" must be a whole number of bytes, 0 or more');
        break;
      }
      case 'documentKinds': {
        const r = v.documentKinds(node);
        if (r) settings.documentKinds = r;
        break;
      }
      case 'notes': {
        const s = v.expect(node, 'string', '"notes"');
        if (s && (NOTES_MODES as readonly string[]).includes(s.value)) settings.notes = s.value as NotesMode;
        else if (s) v.problem(s.range, `"notes" must be one of ${NOTES_MODES.join(', ')}${didYouMean(s.value, NOTES_MODES)}`);
        break;
      }
      case 'include':
      case 'exclude': {
        const r = v.globs(node, `"${prop.key}"`);
        if (r) settings[prop.key] = r;
        break;
      }
      default:
        v.problem(prop.keyRange, `Unknown setting "${prop.key}"${didYouMean(prop.key, KNOWN_KEYS)}`);
    }
  }
  return { settings, problems: v.problems };
}

/** Later layers win; rules merge by id, other fields replace. Nothing passed in is modified. */
export function mergeSettings(base: Settings, ...overrides: (Partial<Settings> | undefined)[]): Settings {
  const out: Settings = {
    ...base,
    rules: { ...base.rules },
    requiredModifiers: [...base.requiredModifiers],
    allowedCodes: [...base.allowedCodes],
    forbiddenCodes: [...base.forbiddenCodes],
    jwJzCodes: { add: [...base.jwJzCodes.add], remove: [...base.jwJzCodes.remove] },
    inlayHints: { ...base.inlayHints },
    documentKinds: [...base.documentKinds],
    include: [...base.include],
    exclude: [...base.exclude],
  };
  for (const o of overrides) {
    if (!o) continue;
    if (o.profile !== undefined) out.profile = o.profile;
    if (o.rules) Object.assign(out.rules, o.rules);
    if (o.requiredModifiers) out.requiredModifiers = [...o.requiredModifiers];
    if (o.allowedCodes) out.allowedCodes = [...o.allowedCodes];
    if (o.forbiddenCodes) out.forbiddenCodes = [...o.forbiddenCodes];
    if (o.jwJzCodes) out.jwJzCodes = { add: [...o.jwJzCodes.add], remove: [...o.jwJzCodes.remove] };
    if (o.inlayHints) out.inlayHints = { ...out.inlayHints, ...o.inlayHints };
    if (o.maxValidationBytes !== undefined) out.maxValidationBytes = o.maxValidationBytes;
    if (o.documentKinds) out.documentKinds = [...o.documentKinds];
    if (o.notes !== undefined) out.notes = o.notes;
    if (o.include) out.include = [...o.include];
    if (o.exclude) out.exclude = [...o.exclude];
  }
  return out;
}
