// CSV / PSV / TSV claim tables -> ClaimDocument.
// Each data row with a code is one service line. Rows are grouped into claims by the claim id column
// when there is one; without one, every coded row is its own claim (a table without claim ids says
// nothing about which rows belong together, so no check should relate them).
// One pass groups the rows into claims and finds the code mentions; each claim's lines and
// diagnoses are then read from its rows (csv-claim-details.ts): at once, or, with compactClaims,
// when first asked.
import type { Claim, ClaimDocument, CodeMention, MentionContext } from '../model';
import { span } from '../model';
import { isAlnum, isDigit, isLevel2At } from './chars';
import { classifyHeader } from './csv-columns';
import { forEachRow, sniffDelimiter, type Cell } from '../base/csv-rows';
import { type DrugNamePredicate } from './doses';
import { addProblem, emptyDocument, problem } from './problems';
import { cellAt, dateSpan, Layout, trimmedSpan } from './csv-layout';
import { chargeSpan, readClaimDetails, type TableContext } from './csv-claim-details';
import { addCents, chargeCents } from './claim-money';
import { CompactClaims } from './compact-claims';

export interface CsvOptions {
  isDrugName?: DrugNamePredicate;
  /** force a delimiter (languageId tsv/psv); sniffed from the first line otherwise */
  delimiter?: string;
  /**
   * claims kept compact: their lines and diagnoses are read again from their rows when asked
   * (documents/compact-claims.ts). Only when the claims' rows do not interleave: a compact claim
   * is found by its range.
   */
  compactClaims?: boolean;
}

/** a claim as the grouping pass sees it: its head and where its rows are */
interface ClaimRows {
  claim: Claim;
  /** every row read for the claim: those with a code, and later ones of its id that may add diagnoses */
  rows: number[];
  /** start and end of each row with a code (each is a line) */
  lineRanges: number[];
  /** each line's charge in cents, undefined when it has none that is an amount */
  charges: (number | undefined)[];
}

export function readCsv(text: string, options: CsvOptions = {}): ClaimDocument {
  const doc = emptyDocument('csv', text.length);
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = options.delimiter ?? sniffDelimiter(text, skipBlankLines(text, from));
  let layout: Layout | undefined;
  const groups: ClaimRows[] = [];
  const groupsById = new Map<string, ClaimRows>();
  let rowNumber = 0;
  const table = { kind: 'table' as const, label: '', range: { start: from, end: text.length }, claims: [] as Claim[] };

  const problems = forEachRow(text, delimiter, from, (row) => {
    rowNumber++;
    if (row.cells.length === 1 && row.cells[0].value.trim() === '') return; // blank line
    if (!layout) {
      layout = new Layout(row.cells.map((c, i) => classifyHeader(c.value, i)));
      if (layout.code === undefined) {
        addProblem(doc.problems, problem('csv-no-code-column', 'No column header names a procedure code (e.g. HCPCS, Procedure Code); codes are read from the text of the cells only.', row.start, row.end, 'information'));
      }
      return;
    }
    groupRow(layout, row.cells, row.start, row.end, rowNumber);
    // code-looking values in the other columns
    for (const m of layout.mentionColumns) {
      const c = row.cells[m.index];
      if (c && c.value) collectMentions(text, c, m.context, doc.mentions);
    }
  });
  for (const p of problems) addProblem(doc.problems, p);
  table.label = `Table (${rowNumber} rows, ${delimiterName(delimiter)}-delimited)`;
  if (layout) {
    doc.claims = claimsOf(text, groups, { layout, delimiter, isDrugName: options.isDrugName }, options.compactClaims === true);
    table.claims = doc.claims;
    doc.containers.push(table);
  }
  return doc;

  /** the claim this row belongs to (rows without a code still add their diagnoses to it) */
  function groupRow(lay: Layout, cells: Cell[], start: number, end: number, rowNo: number): void {
    const claimId = trimmedSpan(cellAt(cells, lay.claimId));
    let group = claimId ? groupsById.get(claimId.value) : undefined;
    if (trimmedSpan(cellAt(cells, lay.code))) {
      if (!group) {
        const claim: Claim = { range: { start, end }, diagnoses: [], lines: [], label: '' };
        if (claimId) claim.id = claimId;
        const claimDate = dateSpan(cellAt(cells, lay.claimDate));
        if (claimDate) claim.serviceDate = claimDate;
        groups.push((group = { claim, rows: [], lineRanges: [], charges: [] }));
        if (claimId) groupsById.set(claimId.value, group);
        claim.label = claimId ? '' : `Row ${rowNo}`;
      }
      group.claim.range.end = Math.max(group.claim.range.end, end);
      group.lineRanges.push(start, end);
      group.rows.push(start);
      const charge = chargeSpan(cellAt(cells, lay.charge));
      group.charges.push(charge && chargeCents(charge.value));
    } else if (group && lay.diagnoses.length) group.rows.push(start);
  }
}

/** the claims with their lines and diagnoses read, or compact when asked and their rows do not interleave */
function claimsOf(text: string, groups: ClaimRows[], table: TableContext, compact: boolean): Claim[] {
  for (const { claim, lineRanges } of groups) {
    const count = lineRanges.length / 2;
    if (claim.id) claim.label = `Claim ${claim.id.value} (${count} line${count === 1 ? '' : 's'})`;
  }
  if (compact && inOrderApart(groups)) {
    const holder = new CompactClaims<Int32Array>(text, (current, claim, rows) => readClaimDetails(current, table, claim, rows));
    return groups.map((g) => {
      const lineRanges = Int32Array.from(g.lineRanges);
      const sum = addCents(g.charges);
      return holder.compactOutlined(g.claim, sum === undefined ? { lineRanges } : { lineRanges, linesSum: sum }, Int32Array.from(g.rows));
    });
  }
  return groups.map(({ claim, rows }) => {
    // the rows were grouped by this claim's id a moment ago: they read back as its own
    const details = readClaimDetails(text, table, claim, rows)!;
    claim.lines = details.lines;
    claim.diagnoses = details.diagnoses;
    return claim;
  });
}

/** each claim's rows all lie before the next claim's first row */
function inOrderApart(groups: ClaimRows[]): boolean {
  for (let i = 1; i < groups.length; i++) if (groups[i - 1]!.claim.range.end >= groups[i]!.claim.range.start) return false;
  return true;
}

/** HCPCS-shaped tokens (letter A-V + 4 digits, on word boundaries) inside one cell */
function collectMentions(text: string, c: Cell, context: MentionContext, into: CodeMention[]): void {
  if (c.end - c.start !== c.value.length) return; // escaped quotes: offsets would drift
  for (let i = c.start; i + 5 <= c.end; i++) {
    if (!isLevel2At(text, i)) continue;
    const before = i > c.start ? text.charCodeAt(i - 1) : 32;
    const after = i + 5 < c.end ? text.charCodeAt(i + 5) : 32;
    if (isAlnum(before) || isAlnum(after) || (after === 46 && isDigit(text.charCodeAt(i + 6)))) continue;
    into.push({ code: span(text.slice(i, i + 5), i, i + 5), context, modifiers: [] });
    i += 4;
  }
}

function skipBlankLines(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === '\n' || text[pos] === '\r' || text[pos] === ' ')) pos++;
  return pos;
}

function delimiterName(d: string): string {
  return d === ',' ? 'comma' : d === '|' ? 'pipe' : d === '\t' ? 'tab' : d === ';' ? 'semicolon' : `'${d}'`;
}
