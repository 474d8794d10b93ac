// The Markdown card for one HCPCS code: shared by hover and completion resolve.
// Every part is built only when it has content, so the card never shows "undefined" or filler.
import type { Claim, CodeMention, ServiceLine, Range } from '../model';
import type { CodeLookup, CodeSet, RelationKind } from '../codeset/types';
import type { Finding } from '../checks/types';
import type { GuidanceLibrary } from './guidance';
import { md } from './format';
import { activeXrefLine, aspLine, codedValueLines, factsSourceLine, lineAmountText, successorText, unitSource, unitText } from './card-facts';
import { modifierNote } from './modifier-notes';
import { isCpt, isLevel2 } from '../documents/chars';
import { COMMANDS } from '../protocol';
import { commandLink, guidanceSummary } from './guidance-card';

export interface CardSources {
  codeset: CodeSet;
  guidance: GuidanceLibrary;
  /** ISO date used when there is no date of service (prose) */
  today: string;
  findings?: readonly Finding[];
}

/** where the code was written: a service line (with its claim) or a bare mention; empty for completion */
export interface CardPlace {
  line?: ServiceLine;
  claim?: Claim;
  mention?: CodeMention;
  /** the date to judge on when there is no line (completion resolve carries the line's date) */
  date?: string;
  /** written in a note (prose): an undated card says the note gives no date */
  inNote?: boolean;
}


export const LOAD_RELEASE_HINT =
  'Only the core code set is loaded, not the full CMS release. Load it with the command **HCPCS: Load CMS release…** or the setting `hcpcs.releasePath`.';

/** the date a line is judged on, and how to call it */
export function dateFor(place: CardPlace, today: string): { date: string; label: string } {
  const dos = place.line?.serviceDate?.value ?? place.claim?.serviceDate?.value ?? place.mention?.serviceDate?.value ?? place.date;
  if (dos) return { date: dos, label: `the date of service ${dos}` };
  // a note that gives no date is judged on today, and the card says why
  const inNote = place.inNote || place.line?.source === 'prose' || place.mention?.sentence !== undefined;
  return { date: today, label: inNote ? `today (${today}; no date of service in the note)` : `today (${today})` };
}

export function codeCard(src: CardSources, written: string, place: CardPlace): string {
  const code = written.trim().toUpperCase();
  const { date, label } = dateFor(place, src.today);
  if (isCpt(code)) {
    return join([`**${md(code)}**: CPT code — descriptor not included (AMA copyright)`, modifiersPart(src, place, date), warningsPart(src, place), footer(src)]);
  }
  const lookup = src.codeset.lookup(code, date);
  if (!lookup) return unknownCard(src, code, place);
  return join([
    headerPart(lookup),
    unitsPart(src, code, place),
    statusPart(src, lookup, date, label),
    modifiersPart(src, place, date), // what decides a claim first: descriptor, units, status, modifiers
    paymentPart(src, lookup, place, date),
    warningsPart(src, place),
    relatedPart(src, code),
    guidancePart(src, code, date),
    factsSourceLine(src.codeset, date),
    footer(src, lookup),
  ]);
}

function unknownCard(src: CardSources, code: string, place: CardPlace): string {
  const shape = isLevel2(code) ? 'a HCPCS Level II code' : 'a HCPCS code';
  const head = src.codeset.isFull
    ? `**${md(code)}** is not ${shape} in ${md(src.codeset.release.label)}.`
    : `**${md(code)}** is not in the core code set.`;
  return join([head, warningsPart(src, place), factsSourceLine(src.codeset, dateFor(place, src.today).date), footer(src)]);
}

function join(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim().length > 0).join('\n\n');
}

// (1) code, short descriptor, official long descriptor
function headerPart({ record }: CodeLookup): string {
  const short = record.short?.trim();
  const long = record.long?.trim();
  const head = short ? `**${md(record.code)}** — ${md(short)}` : `**${md(record.code)}**`;
  return long && long.toLowerCase() !== short?.toLowerCase() ? `${head}\n\n${md(long)}` : head;
}

// (2) billing unit and what this line's units mean
function unitsPart(src: CardSources, code: string, place: CardPlace): string | undefined {
  const drug = src.codeset.drug(code);
  if (!drug) return undefined;
  if (drug.noc) return 'Not otherwise classified: no billing unit. Put the drug name, NDC and dose in the line description.';
  const unit = drug.unit;
  if (!unit) return undefined;
  const lines = [`**Billing unit:** 1 unit = ${unitText(unit)}${unitSource(unit)}`];
  const units = place.line?.units?.value;
  const amount = units !== undefined && Number.isFinite(units) ? lineAmountText(unit, units) : undefined;
  if (amount) lines.push(`**This line:** ${amount}`);
  return lines.join('  \n');
}

// (3) status on the line's date
/** "on the date of service 2025-11-05", but "today (2026-12-02)", never "on today" */
const onDate = (label: string) => (label.startsWith('today') ? label : `on ${label}`);
function statusPart(src: CardSources, lookup: CodeLookup, date: string, label: string): string {
  const r = lookup.record;
  const since = r.addDate ? ` since ${r.addDate}` : '';
  switch (lookup.status) {
    case 'active': {
      const ends = r.termDate ? `; ends ${r.termDate}` : '';
      return `**Status:** active ${onDate(label)}${since ? ` (added ${r.addDate})` : ''}${ends}`;
    }
    case 'not-yet-effective':
      return `**Status:** not yet effective ${onDate(label)}${r.addDate ? `: valid from ${r.addDate}` : ''}`;
    case 'terminated': {
      const ended = r.termDate ? `terminated on ${r.termDate}` : 'terminated';
      const successor = r.xrefs.length ? successorText(src.codeset, lookup, date) : sameDrugText(src, r.code, date);
      return `**Status:** ${ended}, not valid ${onDate(label)}${successor}`;
    }
  }
}

/** without a named successor: the codes for the same drug that are valid on the date */
function sameDrugText(src: CardSources, code: string, date: string): string {
  const valid = src.codeset
    .related(code, 20)
    .filter((r) => (r.kind === 'successor' || r.kind === 'same-drug') && src.codeset.lookup(r.code, date)?.status === 'active')
    .map((r) => `**${md(r.code)}**`);
  return valid.length ? `. Codes for the same drug valid then: ${valid.join(', ')}` : '';
}

// (4) coverage, pricing indicator, ASP limit
function paymentPart(src: CardSources, lookup: CodeLookup, place: CardPlace, date: string): string | undefined {
  const out = codedValueLines(lookup);
  const xref = activeXrefLine(lookup);
  if (xref) out.push(xref);
  const asp = aspLine(src.codeset, lookup.record.code, date, place.line?.units?.value);
  if (asp) out.push(asp);
  return out.length ? out.join('  \n') : undefined;
}

// (5a) the modifiers written on this line / mention
function modifiersPart(src: CardSources, place: CardPlace, date: string): string | undefined {
  const mods = place.line?.modifiers ?? place.mention?.modifiers ?? [];
  if (!mods.length) return undefined;
  const rows = mods.map((m) => `- ${modifierSummary(src, m.value, date)}`);
  return `**Modifiers on this line**\n${rows.join('\n')}`;
}

/** one line about a modifier: descriptor, status on the date, and when it applies */
export function modifierSummary(src: Pick<CardSources, 'codeset'>, written: string, date: string, withStatus = true): string {
  const mod = written.trim().toUpperCase();
  const found = src.codeset.modifier(mod, date);
  if (found) {
    const r = found.record;
    const desc = r.long?.trim() || r.short?.trim();
    let text = `**${md(mod)}**${desc ? `: ${md(desc)}` : ''}`;
    if (withStatus && found.status === 'terminated') text += ` — terminated${r.termDate ? ` on ${r.termDate}` : ''}, not valid on ${date}`;
    if (withStatus && found.status === 'not-yet-effective') text += ` — not yet effective on ${date}${r.addDate ? ` (from ${r.addDate})` : ''}`;
    const note = modifierNote(mod);
    return note ? `${text}. ${md(note)}` : text;
  }
  const cpt = src.codeset.cptModifier(mod);
  if (cpt) return `**${md(mod)}** (CPT modifier): ${md(cpt.description)}`;
  return src.codeset.isFull ? `**${md(mod)}**: not a known modifier` : `**${md(mod)}**: not in the core set`;
}

// (5b) the warnings on this line
function warningsPart(src: CardSources, place: CardPlace): string | undefined {
  const where: Range | undefined = place.line?.range ?? place.mention?.code.range;
  if (!where || !src.findings?.length) return undefined;
  const on = src.findings.filter((f) => f.range.start <= where.end && where.start <= f.range.end);
  if (!on.length) return undefined;
  const rows = on.map((f) => `- **${f.severity}** (${md(f.ruleId)}): ${md(f.message)}`);
  return `**Warnings on this line**\n${rows.join('\n')}`;
}

const RELATION_WORDS: Record<RelationKind, string> = {
  'same-drug': 'same drug',
  successor: 'successor',
  predecessor: 'replaced by this code',
  family: 'same family',
};

// (6) related codes
// The related-codes and guidance parts depend only on the code (and the data): built once per
// code set / library and reused, which keeps hover cheap and steady on big files.
const relatedCache = new WeakMap<CodeSet, Map<string, string | undefined>>();
const guidanceCache = new WeakMap<GuidanceLibrary, WeakMap<CodeSet, Map<string, string | undefined>>>();

function cached(map: Map<string, string | undefined>, key: string, make: () => string | undefined): string | undefined {
  if (map.has(key)) return map.get(key);
  const value = make();
  if (map.size > 5000) map.clear(); // bounded: a card is cheap to rebuild
  map.set(key, value);
  return value;
}

function relatedPart(src: CardSources, code: string): string | undefined {
  let map = relatedCache.get(src.codeset);
  if (!map) relatedCache.set(src.codeset, (map = new Map()));
  return cached(map, code, () => buildRelatedPart(src, code));
}

/** JW/JZ reporting began on 2023-07-01: its guidance is not shown for earlier dates */
const JW_JZ_FROM = '2023-07-01';

function guidancePart(src: CardSources, code: string, date: string): string | undefined {
  const beforeJwJz = date < JW_JZ_FROM;
  let byCodeset = guidanceCache.get(src.guidance);
  if (!byCodeset) guidanceCache.set(src.guidance, (byCodeset = new WeakMap()));
  let map = byCodeset.get(src.codeset);
  if (!map) byCodeset.set(src.codeset, (map = new Map()));
  return cached(map, beforeJwJz ? `${code}<jwjz` : code, () => buildGuidancePart(src, code, beforeJwJz));
}

/** the related codes a coder acts on; the rest are a link away */
const RELATED_SHOWN = 3;
const MATTERS: readonly RelationKind[] = ['successor', 'predecessor', 'same-drug'];

function buildRelatedPart(src: CardSources, code: string): string | undefined {
  const related = src.codeset.related(code, 50);
  const shown = related.filter((r) => MATTERS.includes(r.kind)).slice(0, RELATED_SHOWN);
  const rest = related.length - shown.length;
  if (!shown.length && !rest) return undefined;
  const rows = shown.map((r) => {
    const why = RELATION_WORDS[r.kind];
    return `- **${md(r.code)}**${r.short ? ` ${md(r.short)}` : ''}${why ? ` (${why})` : ''}`;
  });
  if (rest > 0) rows.push(src.codeset.drug(code)?.drugs.length ? `- ${rest} more: ${commandLink('all codes for this drug', COMMANDS.showDrugCodes, code)}` : `- ${rest} more in the same family`);
  return `**Related codes**\n${rows.join('\n')}`;
}

// (7) curated guidance: a three-line summary and a link to the whole text (features/guidance-card.ts)
function buildGuidancePart(src: CardSources, code: string, beforeJwJz: boolean): string | undefined {
  return guidanceSummary(src, code, beforeJwJz);
}

// (8) where the facts come from
/** the release the facts come from: the one in force on the date when several are loaded */
export function footer(src: Pick<CardSources, 'codeset'>, lookup?: CodeLookup): string {
  const release = src.codeset.release;
  const several = (release.releases ?? []).length > 1 || (release.aspQuarters ?? []).length > 1;
  const label = lookup?.release?.label ?? release.label;
  // with several ASP quarters the payment line names its own
  const asp = !several && release.asp ? `; ${md(release.asp)}` : '';
  const source = `---\n\n_Source: ${md(label)}${asp}_`;
  return release.kind === 'core' || !src.codeset.isFull ? `${source}\n\n${LOAD_RELEASE_HINT}` : source;
}
