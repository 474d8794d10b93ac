// One reader for a rule's setting, whichever source it comes from: the editor's `hcpcs.rules` and the
// "rules" of .hcpcsrc.json accept the same ids (checks/catalogue.ts) and the same values.
import { severities, type Severity } from './base/severity';
import { didYouMean } from './base/did-you-mean';

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

/** where in the value a problem is: the whole value, or one property's key or value */
export type RuleSettingPlace = { key: string; part: 'key' | 'value' } | undefined;

export const ruleSettingForms = `"off", "on", a severity, true/false or { "enabled", "severity" }`;

const kindName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'boolean' ? 'true or false' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (severities as readonly string[]).includes(v);

/**
 * `value` is plain JSON (as the editor sends it, or as .hcpcsrc.json reads). Returns the setting, or
 * undefined when the value says nothing usable; each problem is reported once with its place.
 */
export function readRuleSetting(value: unknown, what: string, problem: (message: string, place?: RuleSettingPlace) => void): RuleSetting | undefined {
  if (typeof value === 'boolean') return { enabled: value };
  if (typeof value === 'string') {
    if (value === 'off') return { enabled: false };
    if (value === 'on') return { enabled: true };
    if (isSeverity(value)) return { enabled: true, severity: value };
    problem(`${what}: "${value}" is not one of off, on, ${severities.join(', ')}${didYouMean(value, [...severities, 'off', 'on'])}`);
    return undefined;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const out: RuleSetting = { enabled: true };
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'enabled') {
        if (typeof v === 'boolean') out.enabled = v;
        else problem(`${what}: "enabled" must be true or false, not ${kindName(v)}`, { key, part: 'value' });
      } else if (key === 'severity') {
        if (isSeverity(v)) out.severity = v;
        else if (typeof v === 'string') problem(`${what}: severity "${v}" is not one of ${severities.join(', ')}`, { key, part: 'value' });
        else problem(`${what}: "severity" must be a string, not ${kindName(v)}`, { key, part: 'value' });
      } else problem(`${what}: unknown property "${key}" (use "enabled" and "severity")`, { key, part: 'key' });
    }
    return out;
  }
  problem(`${what} must be ${ruleSettingForms}`);
  return undefined;
}
