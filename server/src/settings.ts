// User and workspace configuration: VS Code settings merged with .hcpcsrc.json.
// Plain data; parsing/validation of the JSON lives in checks/config.ts.
import { readRuleSetting, type RuleSetting } from './rule-setting';
import { DOCUMENT_KINDS, type DocumentKind } from './model';

export type { RuleSetting };

export type PayerProfile = 'medicare' | 'commercial' | 'none';

/** what prose documents get: nothing, checks on the lines the text bills, or every code word as a line */
export type NotesMode = 'off' | 'billing-lines' | 'all';
export const NOTES_MODES: readonly NotesMode[] = ['off', 'billing-lines', 'all'];
export interface DocumentKindRule {
  /** a glob on the document's path (globs.ts) */
  pattern: string;
  kind: DocumentKind;
}

export interface Settings {
  profile: PayerProfile;
  /** by rule id; rules not named use their defaults */
  rules: Record<string, RuleSetting | undefined>;
  /** extra required modifiers: code pattern (e.g. 'J75*', 'E0431') -> modifiers */
  requiredModifiers: { pattern: string; modifiers: string[] }[];
  /** codes the payer allows (empty = all) or forbids, by pattern */
  allowedCodes: string[];
  forbiddenCodes: string[];
  /** override of the derived JW/JZ drug list: codes added to / removed from it */
  jwJzCodes: { add: string[]; remove: string[] };
  inlayHints: { enabled: boolean };
  /** above this many bytes the server skips full validation (hover still works) */
  maxValidationBytes: number;
  /** a kind forced per glob on the document's path; the first match wins */
  documentKinds: DocumentKindRule[];
  notes: NotesMode;
  /** hcpcs-check folder walks: globs of files to check besides claim formats, and files to skip */
  include: string[];
  exclude: string[];
}

export const defaultSettings: Settings = {
  profile: 'medicare',
  rules: {},
  requiredModifiers: [],
  allowedCodes: [],
  forbiddenCodes: [],
  jwJzCodes: { add: [], remove: [] },
  inlayHints: { enabled: true },
  maxValidationBytes: 64 * 1024 * 1024,
  documentKinds: [],
  notes: 'billing-lines',
  include: [],
  exclude: [],
};

/**
 * The `hcpcs.*` section of the editor's settings -> Settings. Editor settings are typed by the
 * manifest's schema, but anything can arrive over the protocol: take what is valid, ignore the rest.
 */
export function settingsFromEditor(section: unknown, base: Settings = defaultSettings): Settings {
  const s = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const out: Settings = { ...base, rules: { ...base.rules }, inlayHints: { ...base.inlayHints } };
  if (s.profile === 'medicare' || s.profile === 'commercial' || s.profile === 'none') out.profile = s.profile;
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, value] of Object.entries(s.rules as Record<string, unknown>)) {
      // rule ids are lower-case words and hyphens: '__proto__' and the like are never keys here
      if (!/^[a-z0-9-]+$/.test(id)) continue;
      // the same reader as .hcpcsrc.json; the editor has no place to show a problem, so it is dropped
      const setting = readRuleSetting(value, `Rule "${id}"`, () => {});
      if (setting) out.rules[id] = setting;
    }
  }
  const hints = s.inlayHints as Record<string, unknown> | undefined;
  if (hints && typeof hints.enabled === 'boolean') out.inlayHints = { enabled: hints.enabled };
  if (typeof s.maxValidationBytes === 'number' && s.maxValidationBytes >= 0) out.maxValidationBytes = s.maxValidationBytes;
  if (typeof s.notes === 'string' && (NOTES_MODES as readonly string[]).includes(s.notes)) out.notes = s.notes as NotesMode;
  if (Array.isArray(s.documentKinds)) out.documentKinds = documentKindsFrom(s.documentKinds);
  return out;
}

/** [{ "pattern": "notes/**", "kind": "note" }]: entries without a string pattern and a known kind are left out */
export function documentKindsFrom(entries: readonly unknown[]): DocumentKindRule[] {
  const out: DocumentKindRule[] = [];
  for (const e of entries) {
    const entry = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
    if (typeof entry.pattern !== 'string' || !entry.pattern.trim()) continue;
    if (typeof entry.kind !== 'string' || !(DOCUMENT_KINDS as readonly string[]).includes(entry.kind)) continue;
    out.push({ pattern: entry.pattern, kind: entry.kind as DocumentKind });
  }
  return out;
}
