// Curated billing guidance (data/guidance/*.md): parsed once, looked up by code.
// A file says which codes it is about in a small front-matter header:
//   codes: J7507, J7508      specific codes (searched first)
//   range: J7500-J7599       a family (searched second, narrowest range first)
//   applies: asp-injectable  a topic, matched by facts about the code (searched last)
// Pure: the files arrive as strings; nothing here throws on a malformed file.
import { jwJzDerived } from '../checks/drug-facts';
import type { CodeSet } from '../codeset/types';
import { minOf } from '../base/arrays';

export const GUIDANCE_SECTIONS = [
  'Clinical context',
  'Common modifiers',
  'Documentation requirements',
  'Common denial reasons',
  'Commercial payer considerations',
  'Similar codes',
] as const;
export type GuidanceSection = (typeof GUIDANCE_SECTIONS)[number];

/** Topic predicates a file may name in `applies:`. */
export type GuidanceTopic =
  | 'asp-injectable' // separately payable (ASP-priced) drug that is not taken by mouth: JW/JZ territory
  | 'injectable' // any drug code given by injection or infusion
  | 'noc'; // not-otherwise-classified drug code

export interface CodeRangeSpec {
  from: string;
  to: string;
}

export interface GuidanceEntry {
  /** file name, e.g. 'J7507.md' */
  file: string;
  title: string;
  updated?: string;
  codes: string[];
  ranges: CodeRangeSpec[];
  topics: GuidanceTopic[];
  /** section name -> Markdown body (trimmed); only sections the file has */
  sections: Partial<Record<GuidanceSection, string>>;
}

export type GuidanceMatchKind = 'code' | 'range' | 'topic';

export interface GuidanceMatch {
  entry: GuidanceEntry;
  kind: GuidanceMatchKind;
}

export interface GuidanceLibrary {
  readonly entries: readonly GuidanceEntry[];
  /** problems found while reading the files (unknown header keys, missing sections ...) */
  readonly problems: readonly string[];
  /** best first: files naming the code, then families (narrowest first), then topics */
  forCode(code: string, codeset?: CodeSet): GuidanceMatch[];
}

const TOPICS: readonly GuidanceTopic[] = ['asp-injectable', 'injectable', 'noc'];
/** when several topics fit a code, the most specific comes first */
const TOPIC_PRIORITY: readonly GuidanceTopic[] = ['noc', 'asp-injectable', 'injectable'];
const CODE_RE = /^[A-Z][0-9]{4}$/;

export function loadGuidance(files: Record<string, string>): GuidanceLibrary {
  const entries: GuidanceEntry[] = [];
  const problems: string[] = [];
  for (const name of Object.keys(files).sort()) {
    const entry = parseGuidanceFile(name, files[name] ?? '', problems);
    if (entry) entries.push(entry);
  }
  return new Library(entries, problems);
}

class Library implements GuidanceLibrary {
  private readonly byCode = new Map<string, GuidanceEntry[]>();
  private readonly ranged: GuidanceEntry[];
  private readonly topical: GuidanceEntry[];

  constructor(
    readonly entries: readonly GuidanceEntry[],
    readonly problems: readonly string[],
  ) {
    for (const e of entries) {
      for (const c of e.codes) {
        const list = this.byCode.get(c) ?? [];
        list.push(e);
        this.byCode.set(c, list);
      }
    }
    this.ranged = entries.filter((e) => e.ranges.length > 0);
    this.topical = entries.filter((e) => e.topics.length > 0);
  }

  forCode(code: string, codeset?: CodeSet): GuidanceMatch[] {
    const c = code.trim().toUpperCase();
    const out: GuidanceMatch[] = [];
    const seen = new Set<GuidanceEntry>();
    const add = (entry: GuidanceEntry, kind: GuidanceMatchKind) => {
      if (seen.has(entry)) return;
      seen.add(entry);
      out.push({ entry, kind });
    };
    for (const e of this.byCode.get(c) ?? []) add(e, 'code');
    const families = this.ranged
      .map((e) => ({ e, width: narrowestWidth(e.ranges, c) }))
      .filter((x) => x.width !== undefined)
      .sort((a, b) => (a.width as number) - (b.width as number));
    for (const f of families) add(f.e, 'range');
    if (codeset && CODE_RE.test(c)) {
      const facts = topicFacts(c, codeset);
      const rank = (e: GuidanceEntry) => minOf(e.topics.filter((t) => facts.has(t)).map((t) => TOPIC_PRIORITY.indexOf(t)));
      const topical = this.topical.filter((e) => e.topics.some((t) => facts.has(t)));
      for (const e of topical.sort((a, b) => rank(a) - rank(b))) add(e, 'topic');
    }
    return out;
  }
}

/** which topics hold for a code, from the code set's own facts */
function topicFacts(code: string, codeset: CodeSet): Set<GuidanceTopic> {
  const facts = new Set<GuidanceTopic>();
  const drug = codeset.drug(code);
  if (!drug) return facts;
  if (drug.noc) facts.add('noc');
  const injectable = drug.route === 'injection' || drug.route === 'infusion';
  if (injectable) facts.add('injectable');
  // wastage modifiers: exactly the codes the JW/JZ rule applies to (ASP-priced injectables, not NOC)
  if (jwJzDerived(code, codeset)) facts.add('asp-injectable');
  return facts;
}

function narrowestWidth(ranges: CodeRangeSpec[], code: string): number | undefined {
  let best: number | undefined;
  for (const r of ranges) {
    if (!inRange(r, code)) continue;
    const width = Number(r.to.slice(1)) - Number(r.from.slice(1));
    if (best === undefined || width < best) best = width;
  }
  return best;
}

export function inRange(r: CodeRangeSpec, code: string): boolean {
  return code.length === 5 && code[0] === r.from[0] && code >= r.from && code <= r.to;
}

/** one file -> entry; problems are recorded, never thrown */
export function parseGuidanceFile(name: string, text: string, problems: string[]): GuidanceEntry | undefined {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const header = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (!header) {
    problems.push(`${name}: no front-matter header`);
    return undefined;
  }
  const entry: GuidanceEntry = { file: name, title: name.replace(/\.md$/, ''), codes: [], ranges: [], topics: [], sections: {} };
  for (const rawLine of (header[1] ?? '').split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push(`${name}: header line without a key: ${line}`);
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    switch (key) {
      case 'title':
        entry.title = value;
        break;
      case 'updated':
        entry.updated = value;
        break;
      case 'codes':
        for (const c of items.map((s) => s.toUpperCase())) {
          if (CODE_RE.test(c)) entry.codes.push(c);
          else problems.push(`${name}: not a code: ${c}`);
        }
        break;
      case 'range':
        for (const item of items) {
          const m = /^([A-Z][0-9]{4})\s*[-\u2013]\s*([A-Z][0-9]{4})$/i.exec(item);
          if (m && m[1] && m[2] && m[1][0]?.toUpperCase() === m[2][0]?.toUpperCase()) {
            entry.ranges.push({ from: m[1].toUpperCase(), to: m[2].toUpperCase() });
          } else problems.push(`${name}: not a range: ${item}`);
        }
        break;
      case 'applies':
        for (const t of items) {
          if ((TOPICS as readonly string[]).includes(t)) entry.topics.push(t as GuidanceTopic);
          else problems.push(`${name}: unknown topic: ${t}`);
        }
        break;
      default:
        problems.push(`${name}: unknown header key: ${key}`);
    }
  }
  if (!entry.codes.length && !entry.ranges.length && !entry.topics.length) {
    problems.push(`${name}: names no codes, range or topic`);
  }
  readSections(body.slice(header[0].length), entry, name, problems);
  return entry;
}

function readSections(markdown: string, entry: GuidanceEntry, name: string, problems: string[]): void {
  // one pass over the lines: a level-2 heading starts a section; text before the first heading is ignored
  let current: GuidanceSection | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current) {
      const text = lines.join('\n').trim();
      if (text) entry.sections[current] = text;
    }
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h) {
      flush();
      const title = h[1] ?? '';
      current = GUIDANCE_SECTIONS.find((s) => s.toLowerCase() === title.toLowerCase());
      if (!current) problems.push(`${name}: unknown section: ${title}`);
      continue;
    }
    lines.push(line);
  }
  flush();
  for (const s of GUIDANCE_SECTIONS) if (!entry.sections[s]) problems.push(`${name}: missing section: ${s}`);
}
