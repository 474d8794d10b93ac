// Curated guidance on a card: a three-line summary and a link to the whole text, which VS Code
// opens as a Markdown preview (command hcpcs.showGuidance) and any client can fetch with the
// hcpcs/guidance request.
import type { CodeSet } from '../codeset/types';
import type { GuidanceLibrary } from './guidance';
import { GUIDANCE_SECTIONS } from './guidance';
import { COMMANDS } from '../protocol';
import { md } from './format';

interface GuidanceSources {
  guidance: GuidanceLibrary;
  codeset: CodeSet;
}

/** about three lines of a hover at VS Code's default width */
export const SUMMARY_CHARS = 240;

/** a link that runs an editor command (VS Code); other clients show the words */
export function commandLink(text: string, command: string, ...args: unknown[]): string {
  return `[${text}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** the whole guidance for a code: the most specific file in full, the others named */
export function fullGuidance(src: GuidanceSources, code: string): string | undefined {
  const matches = src.guidance.forCode(code.trim().toUpperCase(), src.codeset);
  const first = matches[0];
  if (!first) return undefined;
  const updated = first.entry.updated ? ` _(updated ${md(first.entry.updated)})_` : '';
  const out = [`**Guidance: ${md(first.entry.title)}**${updated}`];
  for (const s of GUIDANCE_SECTIONS) {
    const body = first.entry.sections[s];
    if (body) out.push(`**${s}**\n\n${body}`);
  }
  const others = matches.slice(1).map((m) => m.entry.title);
  if (others.length) out.push(`See also: ${others.map(md).join('; ')}`);
  return out.join('\n\n');
}

/** the first sentences of the first section, cut at a sentence (or word) end near SUMMARY_CHARS */
function summaryOf(body: string): string {
  const flat = body
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').trim())
    .filter(Boolean)
    .join(' ');
  if (flat.length <= SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, SUMMARY_CHARS);
  const sentence = cut.lastIndexOf('. ');
  if (sentence > SUMMARY_CHARS / 2) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

/** beforeJwJz: the date of service is before the JW/JZ policy (2023-07-01), so its guidance is left out */
export function guidanceSummary(src: GuidanceSources, code: string, beforeJwJz = false): string | undefined {
  const first = src.guidance.forCode(code, src.codeset).filter((m) => !(beforeJwJz && m.entry.topics.includes('asp-injectable')))[0];
  if (!first) return undefined;
  const section = GUIDANCE_SECTIONS.find((s) => first.entry.sections[s]);
  const summary = section ? summaryOf(first.entry.sections[section]!) : '';
  const link = commandLink('Full guidance', COMMANDS.showGuidance, code);
  return [`---\n\n**Guidance: ${md(first.entry.title)}**`, summary, link].filter(Boolean).join('\n\n');
}
