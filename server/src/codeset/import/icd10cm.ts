// Reads the CDC/NCHS ICD-10-CM code files into a compiled release: the order file (every code with
// its billable flag, fixed columns) or the codes file (billable codes only: code, spaces, title),
// as a text file or inside the zip CDC publishes. The fiscal year comes from the file name.
import { CODE_WIDTH, ICD10_INDEX_FORMAT, ICD10_INDEX_VERSION, type Icd10Index } from '../icd10';
import { isZip, openZip, readZipEntry } from './zip';
import { decodeText } from './text-decode';
import { safeName } from '../../base/safe-text';

export type Icd10Import = { ok: true; index: Icd10Index; notes: string[] } | { ok: false; error: string };

/** which fiscal year (and whether the April 1 update) a file name says: 'icd10cm-order-2026.txt', 'april-1-2026-code-descriptions-tabular-order.zip' */
export function icd10ReleaseFromName(name: string): { id: string; label: string; startDate: string; endDate: string } | undefined {
  const april = /april[-_ ]?1[-_ ]+(20[1-9][0-9])(?![0-9])/i.exec(name);
  if (april) {
    const fy = april[1]!;
    return { id: `FY${fy}-04`, label: `ICD-10-CM FY${fy} (April 1 update)`, startDate: `${fy}-04-01`, endDate: `${fy}-09-30` };
  }
  const year = /(?:^|[^0-9])(20[1-9][0-9])(?![0-9])/.exec(name);
  if (!year) return undefined;
  const fy = Number(year[1]);
  return { id: `FY${fy}`, label: `ICD-10-CM FY${fy}`, startDate: `${fy - 1}-10-01`, endDate: `${fy}-09-30` };
}

/** a name that may hold ICD-10-CM codes (a folder walk keeps these) */
export function isIcd10FileName(name: string): boolean {
  return /icd-?10|code[-_ ]descriptions|tabular[-_ ]order/i.test(name) && /\.(txt|zip)$/i.test(name) && icd10ReleaseFromName(name) !== undefined;
}

const ORDER_LINE = /^(\d{5}) ([A-Z][0-9A-Z]{2,6}) *([01]) (.*)$/;
const CODES_LINE = /^([A-Z][0-9][0-9A-Z]{1,5}) +(\S.*)$/;

interface Row {
  code: string;
  billable: boolean;
  title: string;
}

/** the rows of an order or codes file, or why it is neither */
export function parseIcd10Text(text: string): { ok: true; rows: Row[]; hasHeaders: boolean; skipped: number } | { ok: false; error: string } {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const isOrder = ORDER_LINE.test(first);
  if (!isOrder && !CODES_LINE.test(first)) return { ok: false, error: 'is neither an ICD-10-CM order file (00001 A00     0 Cholera …) nor a codes file (A000    Cholera due to …)' };
  const rows: Row[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (isOrder) {
      const m = ORDER_LINE.exec(line);
      if (!m) {
        skipped++;
        continue;
      }
      // fixed columns: short title 17–76, long title from 78 (the long one is what a hover shows)
      const rest = m[4]!;
      const long = line.length > 77 ? line.slice(77).trim() : rest.trim();
      rows.push({ code: m[2]!, billable: m[3] === '1', title: long || rest.trim() });
    } else {
      const m = CODES_LINE.exec(line);
      if (!m) {
        skipped++;
        continue;
      }
      rows.push({ code: m[1]!, billable: true, title: m[2]!.trim() });
    }
  }
  if (rows.length === 0) return { ok: false, error: 'holds no ICD-10-CM code' };
  if (skipped > rows.length / 100) return { ok: false, error: `has ${skipped} lines that are not ICD-10-CM rows (of ${rows.length + skipped}): it is not a CDC code file` };
  return { ok: true, rows, hasHeaders: isOrder, skipped };
}

/** rows -> the compact index (sorted: the order file is in tabular order, which is not code order) */
export function compileIcd10(rows: Row[], release: { id: string; label: string; startDate: string; endDate: string }, hasHeaders: boolean, source?: string): Icd10Index {
  const byCode = new Map<string, Row>();
  for (const r of rows) byCode.set(r.code, r);
  const codes = [...byCode.keys()].sort();
  const index: Icd10Index = {
    format: ICD10_INDEX_FORMAT,
    version: ICD10_INDEX_VERSION,
    ...release,
    codes: codes.map((c) => c.padEnd(CODE_WIDTH, ' ')).join(''),
    billable: codes.map((c) => (byCode.get(c)!.billable ? '1' : '0')).join(''),
    // a title never holds a line break (the files are one code per line)
    titles: codes.map((c) => byCode.get(c)!.title).join('\n'),
    hasHeaders,
  };
  if (source) index.source = source;
  return index;
}

/** the member of a CDC zip to read: the order file, else the codes file (never the addenda) */
function pickMember(names: string[]): string | undefined {
  const texts = names.filter((n) => /\.txt$/i.test(n) && !/addenda/i.test(n));
  return texts.find((n) => /order/i.test(n)) ?? texts.find((n) => /codes/i.test(n));
}

/** one file's bytes (text or zip) and its base name -> a compiled release */
export function importIcd10(bytes: Uint8Array, fileName: string): Icd10Import {
  const name = safeName(fileName);
  let text: string;
  let memberName = fileName;
  if (isZip(bytes)) {
    const zip = openZip(bytes);
    if (!zip.ok) return { ok: false, error: `${name}: ${zip.error}` };
    const member = pickMember(zip.entries.map((e) => e.name));
    if (!member) return { ok: false, error: `${name} holds no ICD-10-CM order or codes file (icd10cm-order-YYYY.txt, icd10cm-codes-YYYY.txt)` };
    const read = readZipEntry(bytes, zip.entries.find((e) => e.name === member)!);
    if (!read.ok) return { ok: false, error: `${name}: ${read.error}` };
    text = decodeText(read.data);
    memberName = member;
  } else {
    text = decodeText(bytes);
  }
  const release = icd10ReleaseFromName(fileName) ?? icd10ReleaseFromName(memberName);
  if (!release) return { ok: false, error: `${name} does not say its fiscal year in its name (as CDC names them: icd10cm-order-2026.txt): rename it so the year it is in force for is known` };
  const parsed = parseIcd10Text(text);
  if (!parsed.ok) return { ok: false, error: `${name} ${parsed.error}` };
  const notes = parsed.skipped > 0 ? [`${parsed.skipped} lines of ${name} were not ICD-10-CM rows and were skipped.`] : [];
  return { ok: true, index: compileIcd10(parsed.rows, release, parsed.hasHeaders, name), notes };
}
