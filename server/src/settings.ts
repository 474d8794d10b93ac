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
  maxValidationBytes: 50 * 1024 * 1024,
};
