// User and workspace configuration: VS Code settings merged with .hcpcsrc.json.
// Plain data; parsing/validation of the JSON lives in checks/config.ts.
import type { Severity } from './checks/types';

export type PayerProfile = 'medicare' | 'commercial' | 'none';

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
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
};

const severities = new Set(['error', 'warning', 'information', 'hint']);

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
      if (value === 'off') out.rules[id] = { enabled: false };
      else if (typeof value === 'string' && severities.has(value)) out.rules[id] = { enabled: true, severity: value as Severity };
    }
  }
  const hints = s.inlayHints as Record<string, unknown> | undefined;
  if (hints && typeof hints.enabled === 'boolean') out.inlayHints = { enabled: hints.enabled };
  if (typeof s.maxValidationBytes === 'number' && s.maxValidationBytes >= 0) out.maxValidationBytes = s.maxValidationBytes;
  return out;
}
