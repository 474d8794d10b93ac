// What the editor shows on a .hcpcsrc.json it has open: the file over its size budget (one problem,
// nothing parsed), else the config's own problems (at most DOCUMENT.configProblems, then one that
// says how many more), and settings that contradict each other or the code set, so the quick fixes
// they would cause cannot go back and forth unnoticed.
import type { CodeSet } from '../codeset/types';
import type { Settings } from '../settings';
import { DOCUMENT, formatBytes } from '../base/limits';
import { parseConfig, type ConfigProblem } from './config';
import { compilePattern, firstMatch, isMatcher } from '../base/patterns';

const JW_JZ = new Set(['JW', 'JZ']);
/** codes listed in one contradiction message */
const LISTED = 3;
/** requiredModifiers entries checked against the code set (each may expand to thousands of codes) */
const ENTRIES_CHECKED = 200;

export interface ConfigFileProblem extends ConfigProblem {
  severity: 'error' | 'warning';
}

/** the parser's messages may already say so: never "the defaults apply (the defaults apply instead)" */
function withDefaultsNote(message: string): string {
  return /the defaults apply\.?$/.test(message) ? message : `${message}; the defaults apply instead`;
}

export function configFileProblems(text: string, codeset?: CodeSet): ConfigFileProblem[] {
  if (text.length > DOCUMENT.configBytes) {
    const message = `This file is ${formatBytes(text.length)}, larger than the ${formatBytes(DOCUMENT.configBytes)} limit for a config file; it is not read and the defaults apply`;
    return [{ range: { start: 0, end: 0 }, message, severity: 'error' }];
  }
  const parsed = parseConfig(text);
  const out: ConfigFileProblem[] = parsed.problems.slice(0, DOCUMENT.configProblems).map((p) => ({ ...p, message: withDefaultsNote(p.message), severity: 'error' }));
  if (parsed.problems.length > DOCUMENT.configProblems) {
    const at = out[out.length - 1].range.end;
    out.push({ range: { start: at, end: at }, message: `${parsed.problems.length - DOCUMENT.configProblems} more problems are not shown (at most ${DOCUMENT.configProblems} per file)`, severity: 'error' });
  }
  for (const c of contradictions(parsed.settings, codeset)) out.push({ range: rangeOf(text, c.pattern), message: c.message, severity: 'warning' });
  return out;
}

export interface Contradiction {
  /** the pattern the message is about (its text is where the problem is shown) */
  pattern: string;
  message: string;
}

/** settings that ask for opposite things on the same codes */
export function contradictions(settings: Partial<Settings>, codeset?: CodeSet): Contradiction[] {
  const out: Contradiction[] = [];
  const required = settings.requiredModifiers ?? [];
  const jwJz = settings.jwJzCodes ?? { add: [], remove: [] };
  for (const entry of required.slice(0, ENTRIES_CHECKED)) {
    const mods = new Set(entry.modifiers.map((m) => m.trim().toUpperCase()));
    if (mods.has('JW') && mods.has('JZ')) {
      out.push({ pattern: entry.pattern, message: `requiredModifiers asks for both JW and JZ on ${entry.pattern}, but one line cannot carry both (jw-jz-conflict)` });
    }
    const forbidden = firstMatch(settings.forbiddenCodes ?? [], entry.pattern.trim().toUpperCase());
    if (forbidden) out.push({ pattern: entry.pattern, message: `requiredModifiers names ${entry.pattern}, which forbiddenCodes forbids (${forbidden})` });
    const asked = [...mods].filter((m) => JW_JZ.has(m));
    if (asked.length && codeset) {
      const refused = codesMatching(entry.pattern, codeset).filter((code) => !firstMatch(jwJz.add, code) && jwJzRefused(code, codeset));
      if (refused.length) {
        const listed = refused.slice(0, LISTED).join(', ') + (refused.length > LISTED ? `, and ${refused.length - LISTED} more` : '');
        out.push({
          pattern: entry.pattern,
          message: `requiredModifiers asks for ${asked.join('/')} on ${entry.pattern}, but ${listed} ${refused.length === 1 ? 'is' : 'are'} oral or not drugs, where jw-jz-not-applicable says to remove it; add them to jwJzCodes.add if your payer wants ${asked.join('/')} there`,
        });
      }
    }
  }
  for (const p of jwJz.add) {
    if (jwJz.remove.some((r) => r.trim().toUpperCase() === p.trim().toUpperCase())) {
      out.push({ pattern: p, message: `jwJzCodes both adds and removes ${p}; removal wins` });
    }
  }
  return out;
}

/** the codes of the code set a pattern matches (E0431, J75*, J75?0, J7500-J7599) */
function codesMatching(pattern: string, codeset: CodeSet): string[] {
  const matcher = compilePattern(pattern);
  if (!isMatcher(matcher)) return [];
  const p = pattern.trim().toUpperCase();
  const prefix = /^[A-Z0-9]*/.exec(p.includes('-') ? commonPrefix(p.split('-').map((x) => x.trim())) : p)![0];
  if (prefix.length === 0) return [];
  return codeset.searchPrefix(prefix, 20_000).map((r) => r.code).filter((c) => matcher(c));
}

function commonPrefix([a, b]: string[]): string {
  let i = 0;
  while (i < a.length && i < (b ?? '').length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** what jw-jz-not-applicable says of JW/JZ on a code it knows: not a drug, or an oral one */
function jwJzRefused(code: string, codeset: CodeSet): boolean {
  if (!codeset.lookup(code)) return false;
  const drug = codeset.drug(code);
  return !drug || drug.route === 'oral';
}

/** where a pattern is written in the file (its first quoted occurrence), else the start */
function rangeOf(text: string, pattern: string): { start: number; end: number } {
  const quoted = JSON.stringify(pattern);
  const at = text.indexOf(quoted);
  return at < 0 ? { start: 0, end: 0 } : { start: at, end: at + quoted.length };
}
