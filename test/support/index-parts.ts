// The compiled excerpts as an index text laid out in parts, and the places of its parts: for the tests
// of codeset/index-text.ts and node/index-file.ts.
import { indexJson, type CompiledIndexSet } from '../../server/src/codeset/index';
import { compileFrom } from '../../server/src/node/codeset-store';
import { excerptAsp, excerptReleases } from './paths';

let compiled: CompiledIndexSet | undefined;
/** the committed excerpts of three releases and two ASP quarters, compiled once */
export function excerptIndexSet(): CompiledIndexSet {
  if (!compiled) {
    const c = compileFrom(excerptReleases, excerptAsp, { confirmed: true });
    if (!c.ok) throw new Error(c.error);
    compiled = c.index as CompiledIndexSet;
  }
  return compiled;
}

/** their index text */
export const excerptIndexText = (): string => indexJson(excerptIndexSet());

/** every part's name ('2025-10 codes', '2025-10 codeKeys', 'asp 2026-01 ndc'), in the order of the text */
export const partNames = (t: string): string[] => layout(t).names;

/** an index text's header line, parsed, and where each named part lies in the text: [start, length] */
export function layout(t: string): { header: Record<string, unknown>; names: string[]; part: (name: string) => [number, number] } {
  const nl = t.indexOf('\n');
  const header = JSON.parse(`${t.slice(0, nl - ',"parts":['.length)}}`) as {
    releases: { release: { id: string }; parts: Record<string, number> }[];
    asp: { id: string; parts: Record<string, number> }[];
    at: [number, number][];
  };
  const index = new Map<string, number>();
  for (const r of header.releases) for (const [k, i] of Object.entries(r.parts)) index.set(`${r.release.id} ${k}`, i);
  for (const q of header.asp) for (const [k, i] of Object.entries(q.parts)) index.set(`asp ${q.id} ${k}`, i);
  return {
    header,
    names: [...index.keys()].sort((a, b) => index.get(a)! - index.get(b)!),
    part: (name) => {
      const [offset, length] = header.at[index.get(name)!]!;
      return [nl + 1 + offset, length];
    },
  };
}

/** the text with one part's characters replaced by as many others (not JSON): a part that must never be read */
export function spoiled(t: string, name: string): string {
  const [at, length] = layout(t).part(name);
  return t.slice(0, at) + '#'.repeat(length) + t.slice(at + length);
}

/** the text with every line of a part spoiled but those starting with `keep`: rows that must never be read */
export function spoiledRows(t: string, name: string, keep: string): string {
  const [at, length] = layout(t).part(name);
  const lines = t.slice(at, at + length).split('\n').map((line) => (line.startsWith(keep) ? line : '#'.repeat(line.length)));
  return t.slice(0, at) + lines.join('\n') + t.slice(at + length);
}
