// Reads docs/rules/<id>.md into what the tests check: its examples (fenced blocks under "Example(s)
// that fires" / "... does not fire") and its configuration line.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';

export const docsDir = join(repoRoot, 'docs', 'rules');

export interface DocExample {
  /** the fence's info string: x12, csv, json, text, hcpcsrc; '' = X12 segments or else prose */
  lang: string;
  /** settings from a first line "With `{ ... }`:" */
  settings?: Record<string, unknown>;
  text: string;
}

export interface DocPage {
  id: string;
  markdown: string;
  fires: DocExample[];
  silent: DocExample[];
  /** the section under "## Configure" */
  configure: string;
}

export function pageIds(): string[] {
  return readdirSync(docsDir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => n.slice(0, -3))
    .sort();
}

function section(markdown: string, heading: RegExp): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  if (at < 0) return '';
  const end = lines.findIndex((l, i) => i > at && l.startsWith('## '));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

/** a trailing note written beside a line, "   (4-4-2)", is commentary, not part of the document */
const NOTE = /\s{2,}\([^)]*\)\s*$/;
const WITH = /^With `(\{.*\})`:\s*$/;

function examples(text: string): DocExample[] {
  const out: DocExample[] = [];
  const fence = /^```([a-z0-9-]*)\n([\s\S]*?)^```$/gm;
  for (const m of text.matchAll(fence)) {
    const lines = (m[2] ?? '').replace(/\n$/, '').split('\n');
    let settings: Record<string, unknown> | undefined;
    const w = WITH.exec(lines[0] ?? '');
    if (w) {
      settings = JSON.parse(w[1]!) as Record<string, unknown>;
      lines.shift();
    }
    out.push({ lang: m[1] ?? '', settings, text: lines.map((l) => l.replace(NOTE, '')).join('\n') });
  }
  return out;
}

export function readPage(id: string): DocPage {
  const markdown = readFileSync(join(docsDir, `${id}.md`), 'utf8');
  return {
    id,
    markdown,
    fires: examples(section(markdown, /^## Examples? that fires?\b/)),
    silent: examples(section(markdown, /^## Examples? that do(es)? not fire\b/)),
    configure: section(markdown, /^## Configure\b/),
  };
}
