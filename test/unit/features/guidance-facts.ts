// Fact-checks guidance Markdown against a code set: every code and range named exists, the drug
// names written next to a code are the drugs its descriptor names (none next to a NOC code), the
// amounts written next to a code are its billing unit, and every modifier named exists.
// "Next to" = the same clause (sentence, semicolon part or list item), between the neighbouring codes.
import type { CodeSet } from '../../../server/src/codeset/types';

const RANGE_RE = /\b([A-V][0-9]{4})\s*[–-]\s*([A-V][0-9]{4})\b/g;
const CODE_RE = /\b[A-V][0-9]{4}\b/g;
const AMOUNT_RE = /(\d[\d,]*(?:\.\d+)?)\s*(mg|mcg|micrograms?|g|ml|units?)\b/gi;
const MODIFIER_RE = /`([A-Z0-9]{2})`|\bmodifiers?\s+([A-Z][A-Z0-9])\b/g;

const UNIT_NAMES: Record<string, string> = { micrograms: 'mcg', microgram: 'mcg', unit: 'units' };

/** clause boundaries: sentence end, semicolon, blank line, list item, heading */
function clauses(body: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const boundary = /\.\s+|;|\n\s*\n|\n(?=\s*[-*] )|\n(?=#)/g;
  let last = 0;
  for (let m = boundary.exec(body); m; m = boundary.exec(body)) {
    out.push({ start: last, text: body.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  out.push({ start: last, text: body.slice(last) });
  return out;
}

export function checkGuidanceFacts(name: string, markdown: string, codeset: CodeSet): string[] {
  const problems: string[] = [];
  const header = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown);
  const headerText = header?.[1] ?? '';
  for (const code of headerText.match(CODE_RE) ?? []) if (!codeset.lookup(code)) problems.push(`${name}: header names unknown code ${code}`);
  const body = header ? markdown.slice(header[0].length) : markdown;

  for (const clause of clauses(body)) {
    const text = clause.text;
    // ranges name a family, not a drug: check their ends exist and treat them as separators
    const marks: { start: number; end: number; code?: string }[] = [];
    for (const m of text.matchAll(RANGE_RE)) {
      for (const c of [m[1], m[2]]) if (c && !codeset.lookup(c)) problems.push(`${name}: range end ${c} is not a code`);
      marks.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
    for (const m of text.matchAll(CODE_RE)) {
      const start = m.index ?? 0;
      if (marks.some((r) => start >= r.start && start < r.end)) continue;
      marks.push({ start, end: start + m[0].length, code: m[0] });
    }
    marks.sort((a, b) => a.start - b.start);
    marks.forEach((mark, i) => {
      if (!mark.code) return;
      const window = text.slice(marks[i - 1]?.end ?? 0, marks[i + 1]?.start ?? text.length);
      problems.push(...checkCodeWindow(name, mark.code, window, codeset));
    });
  }
  for (const m of body.matchAll(MODIFIER_RE)) {
    const mod = m[1] ?? m[2] ?? '';
    if (!codeset.modifier(mod) && !codeset.cptModifier(mod)) problems.push(`${name}: modifier ${mod} does not exist`);
  }
  return problems;
}

function checkCodeWindow(name: string, code: string, window: string, codeset: CodeSet): string[] {
  const problems: string[] = [];
  const lookup = codeset.lookup(code);
  if (!lookup) return [`${name}: ${code} is not a code in ${codeset.release.label}`];
  const drug = codeset.drug(code);
  const long = lookup.record.long.toLowerCase();
  const covered = new Set(drug?.drugs ?? []);
  for (const w of window.toLowerCase().match(/[a-z][a-z-]{2,}/g) ?? []) {
    if (!codeset.isDrugName(w)) continue;
    const ok = !drug?.noc && (covered.has(w) || new RegExp(`\\b${w}\\b`).test(long));
    if (!ok) problems.push(`${name}: "${w}" is written next to ${code}, whose descriptor is "${lookup.record.long}"`);
  }
  const unit = drug?.unit;
  for (const m of window.matchAll(AMOUNT_RE)) {
    const amount = Number((m[1] ?? '').replace(/,/g, ''));
    const raw = (m[2] ?? '').toLowerCase();
    const written = UNIT_NAMES[raw] ?? raw;
    if (written === 'units' && unit?.unit !== 'units') continue; // a count of billing units, not a dose
    if (!unit || unit.amount !== amount || unit.unit !== written) {
      const expected = unit ? `${unit.amount} ${unit.unit}` : 'no billing unit';
      problems.push(`${name}: ${m[0]} is written next to ${code}, whose billing unit is ${expected}`);
    }
  }
  return problems;
}
