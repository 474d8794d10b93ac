// Reads the first worksheet of an .xlsx into rows of strings: shared strings, inline strings,
// numbers, booleans. A linear scan of the sheet XML (the CMS sheet is ~14 MB); no dependencies.
import { openZip, readZipEntry, type ZipEntry } from './zip';
import { attr, decodeXmlText, startTags, textRuns } from './xml';
import { TABLE } from '../../base/limits';
import { safeName } from '../../base/safe-text';

export type XlsxRead = { ok: true; rows: string[][]; sheetName?: string } | { ok: false; error: string };

const utf8 = new TextDecoder('utf-8');

export function isXlsxEntries(entries: ZipEntry[]): boolean {
  return entries.some((e) => e.name === 'xl/workbook.xml');
}

export function readXlsx(bytes: Uint8Array): XlsxRead {
  const zip = openZip(bytes);
  if (!zip.ok) return zip;
  const entries = new Map(zip.entries.map((e) => [e.name, e]));
  const text = (name: string): string | undefined => {
    const e = entries.get(name);
    if (!e) return undefined;
    const r = readZipEntry(bytes, e);
    return r.ok ? utf8.decode(r.data) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) return { ok: false, error: 'not an Excel workbook (no xl/workbook.xml)' };
  const firstSheet = startTags(workbook, 'sheet').next().value as string | undefined;
  const sheetName = firstSheet ? attr(firstSheet, 'name') : undefined;
  const relId = firstSheet ? attr(firstSheet, 'r:id') : undefined;
  let target = 'worksheets/sheet1.xml';
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels && relId) {
    for (const tag of startTags(rels, 'Relationship')) {
      if (attr(tag, 'Id') === relId) target = attr(tag, 'Target') ?? target;
    }
  }
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = text(sheetPath);
  if (sheet === undefined) return { ok: false, error: `the workbook's first sheet (${safeName(sheetPath)}) is missing or damaged` };
  const shared = readSharedStrings(text('xl/sharedStrings.xml') ?? '');
  const read = readSheetRows(sheet, shared);
  if (typeof read === 'string') return { ok: false, error: read };
  return { ok: true, rows: read, sheetName };
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const s = xml.indexOf('<si', i);
    if (s < 0) break;
    const close = xml.indexOf('>', s);
    if (close < 0) break;
    if (xml.charCodeAt(close - 1) === 47) {
      out.push(''); // <si/>
      i = close + 1;
      continue;
    }
    const e = xml.indexOf('</si>', close);
    if (e < 0) break;
    out.push(textRuns(xml.slice(close + 1, e)));
    i = e + 5;
  }
  return out;
}

/** 'AB12' -> 27 (0-based column); past TABLE.highestColumn -> Infinity (the letters are not read further) */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > TABLE.highestColumn) return Infinity;
  }
  return n - 1;
}

function cellValue(type: string | undefined, inner: string, shared: string[]): string {
  if (type === 'inlineStr') return textRuns(inner);
  const open = inner.indexOf('<v>');
  const close = open < 0 ? -1 : inner.indexOf('</v>', open + 3);
  if (close < 0) return '';
  const v = inner.slice(open + 3, close);
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'str' || type === 'e') return decodeXmlText(v);
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  const num = Number(v);
  return Number.isFinite(num) && v.trim() !== '' ? String(num) : decodeXmlText(v);
}

/** the rows, or a message when a cell names a column past TABLE.highestColumn */
function readSheetRows(xml: string, shared: string[]): string[][] | string {
  const rows: string[][] = [];
  let row: string[] | undefined;
  let i = xml.indexOf('<sheetData');
  if (i < 0) return rows;
  for (;;) {
    const lt = xml.indexOf('<', i + 1);
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const tag = xml.slice(lt, gt + 1);
    i = gt;
    if (tag.startsWith('<row') && (tag[4] === ' ' || tag[4] === '>' || tag[4] === '/')) {
      row = [];
      if (tag.endsWith('/>')) {
        rows.push(row);
        row = undefined;
      }
    } else if (tag === '</row>') {
      if (row) rows.push(row);
      row = undefined;
    } else if (tag.startsWith('<c') && (tag[2] === ' ' || tag[2] === '>' || tag[2] === '/')) {
      if (!row) row = [];
      const ref = attr(tag, 'r');
      const col = ref ? columnIndex(ref) : row.length;
      if (col >= TABLE.highestColumn) {
        const where = ref ? `cell ${safeName(ref, 16)}` : `row ${rows.length + 1}`;
        return `${where} is past column ${TABLE.highestColumn}, the limit for a sheet (the CMS release has 48 columns)`;
      }
      let value = '';
      if (!tag.endsWith('/>')) {
        const end = xml.indexOf('</c>', gt);
        if (end < 0) break;
        value = cellValue(attr(tag, 't'), xml.slice(gt + 1, end), shared);
        i = end + 3;
      }
      while (row.length < col) row.push('');
      row[col] = value;
    } else if (tag === '</sheetData>') break;
  }
  return rows;
}
