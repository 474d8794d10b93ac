// importRelease: any edition of the CMS HCPCS Level II release (the quarterly zip, its .txt or
// .xlsx member, or a .csv made from the .xlsx) -> records plus release id and label.
// Anything that is not a CMS release is refused with a message naming the file and the problem.
import { basename } from './basename';
import { parseCsv } from './csv';
import { decodeText } from './text-decode';
import { isZip, openZip, readZipEntry, type ZipEntry } from './zip';
import { isXlsxEntries, readXlsx } from './xlsx';
import { findReleaseHeader, readReleaseTable } from './release-table';
import { looksLikeReleaseTxt, readReleaseTxt } from './release-txt';
import { releaseFromContents, releaseFromFileName } from './release-name';
import type { ImportResult, ReleaseRecords } from './release-types';
import { ARCHIVE, TABLE, formatBytes } from '../../base/limits';
import { safeName } from '../../base/safe-text';

export type { ImportResult, ImportedRelease } from './release-types';

type Read = { ok: true; records: ReleaseRecords } | { ok: false; error: string };

export function importRelease(bytes: Uint8Array, fileName: string): ImportResult {
  const name = safeName(basename(fileName));
  const fail = (problem: string): ImportResult => ({ ok: false, error: `${name}: ${problem}` });
  if (bytes.length === 0) return fail('the file is empty; expected a CMS HCPCS release (.zip, .txt, .xlsx or .csv)');
  let read: Read;
  let source = name;
  let nameForId = name;
  if (isZip(bytes)) {
    const zip = openZip(bytes);
    if (!zip.ok) return fail(zip.error);
    if (isXlsxEntries(zip.entries)) read = readWorkbook(bytes);
    else {
      const member = readReleaseMember(bytes, zip.entries);
      if (!member.ok) return fail(member.error);
      read = member;
      source = `${name} (${safeName(basename(member.member))})`;
      if (releaseFromFileName(member.member)) nameForId = member.member;
    }
  } else read = readText(bytes);
  if (!read.ok) return fail(read.error);
  const { codes, modifiers, problems } = read.records;
  if (codes.length + modifiers.length === 0) return fail('no HCPCS records were found; this is not a CMS HCPCS release');
  const release = releaseFromFileName(nameForId) ?? releaseFromFileName(name) ?? releaseFromContents(codes, modifiers);
  if (!release) return fail('the release date could not be told from the file name or from the records');
  return { ok: true, release: { id: release.id, label: release.label, source, codes, modifiers, problems } };
}

function readWorkbook(bytes: Uint8Array): Read {
  const x = readXlsx(bytes);
  if (!x.ok) return x;
  return readReleaseTable(x.rows);
}

function readText(bytes: Uint8Array): Read {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, 2000).split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : firstLine.includes('|') && !firstLine.includes(',') ? '|' : ',';
  const head = parseCsv(text.slice(0, 4000), delimiter).rows;
  if (findReleaseHeader(head) >= 0) {
    const table = parseCsv(text, delimiter);
    if (table.tooWideRow !== undefined) {
      return { ok: false, error: `row ${table.tooWideRow} has more than ${TABLE.columnsPerRow} columns, the limit for a table row (the CMS release has 48); this is not a CMS HCPCS release` };
    }
    return readReleaseTable(table.rows);
  }
  if (looksLikeReleaseTxt(text)) return { ok: true, records: readReleaseTxt(text) };
  return { ok: false, error: 'not a CMS HCPCS release: neither the HCPC/RECID/LONG DESCRIPTION header of the table edition nor the 320-character records of the fixed-width edition were found' };
}

// Inside the CMS zip: the release proper, not the record layout, notes, NOC list or reports.
const NOT_THE_RELEASE = /layout|proc_?notes|correction|transaction|noc|readme/i;

function readReleaseMember(bytes: Uint8Array, entries: ZipEntry[]): Read & { member: string } {
  const rank = (e: ZipEntry): number => {
    const ext = /\.(txt|xlsx|csv)$/i.exec(e.name)?.[1]?.toLowerCase();
    if (!ext || NOT_THE_RELEASE.test(basename(e.name)) || e.name.endsWith('/')) return -1;
    return (/anweb/i.test(e.name) ? 0 : 10) + (ext === 'txt' ? 0 : ext === 'xlsx' ? 1 : 2);
  };
  const candidates = entries.filter((e) => rank(e) >= 0).sort((a, b) => rank(a) - rank(b));
  if (candidates.length === 0) {
    const names = entries.slice(0, ARCHIVE.namesInMessage).map((e) => safeName(e.name));
    const more = entries.length > names.length ? `, and ${entries.length - names.length} more` : '';
    return { ok: false, member: '', error: `the zip holds no release file (.txt, .xlsx or .csv); members: ${names.join(', ') || 'none'}${more}` };
  }
  const errors: string[] = [];
  // several directory entries may point at one member: each member is read once, and all reads
  // together stay within ARCHIVE.totalBytes (else 65,535 entries on one big member take hours)
  const tried = new Set<number>();
  let inflated = 0;
  for (const entry of candidates) {
    if (tried.has(entry.localOffset)) continue;
    tried.add(entry.localOffset);
    if (inflated + entry.size > ARCHIVE.totalBytes) {
      errors.push(`the members to try would inflate past the ${formatBytes(ARCHIVE.totalBytes)} limit for one archive`);
      break;
    }
    const data = readZipEntry(bytes, entry);
    if (!data.ok) {
      errors.push(data.error);
      continue;
    }
    inflated += data.data.length;
    const read = /\.xlsx$/i.test(entry.name) ? readWorkbook(data.data) : readText(data.data);
    if (read.ok && read.records.codes.length + read.records.modifiers.length > 0) return { ...read, member: entry.name };
    errors.push(`${safeName(entry.name)}: ${read.ok ? 'no HCPCS records' : read.error}`);
  }
  const shown = errors.slice(0, ARCHIVE.namesInMessage);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  return { ok: false, member: '', error: `no member of the zip is a HCPCS release (${shown.join('; ')}${more})` };
}
