// A minimal ZIP reader: finds the central directory, lists members, and extracts stored or
// deflated members with node:zlib. Enough for the CMS release zip and for .xlsx files.
// Never throws: a damaged archive gives an error string.
import { inflateRawSync } from 'node:zlib';
import { ARCHIVE, formatBytes } from '../../base/limits';
import { safeName } from '../../base/safe-text';

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflate
  compressedSize: number;
  size: number;
  /** offset of the local file header */
  localOffset: number;
}

export type ZipOpen = { ok: true; entries: ZipEntry[] } | { ok: false; error: string };
export type ZipRead = { ok: true; data: Uint8Array } | { ok: false; error: string };

const EOCD_SIG = 0x06054b50;
const CDIR_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lists the members from the central directory. */
export function openZip(bytes: Uint8Array): ZipOpen {
  const dv = view(bytes);
  // The end-of-central-directory record is in the last 22 + 65535 bytes (comment).
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, error: 'the zip archive is damaged or truncated (no central directory)' };
  const count = dv.getUint16(eocd + 10, true);
  // a release zip holds about 10 members and a workbook about 15: a directory of thousands is not a CMS file
  if (count > ARCHIVE.entries) {
    return { ok: false, error: `the zip archive lists ${count} members, more than the ${ARCHIVE.entries} a CMS release or workbook may hold` };
  }
  let p = dv.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CDIR_SIG) {
      return { ok: false, error: 'the zip archive is damaged (bad central directory entry)' };
    }
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({
      name,
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/**
 * The members of a real release zip or .xlsx are a few tens of MB; anything that inflates past
 * ARCHIVE.memberBytes is refused, whatever its header claims (a zip bomb must not take the server down).
 */
const MAX_MEMBER_BYTES = ARCHIVE.memberBytes;

/** Extracts one member's bytes. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): ZipRead {
  const name = safeName(entry.name);
  if (entry.size > MAX_MEMBER_BYTES) {
    return { ok: false, error: `the zip member ${name} would inflate to ${formatBytes(entry.size)}, more than the ${formatBytes(MAX_MEMBER_BYTES)} limit for one member` };
  }
  const dv = view(bytes);
  const h = entry.localOffset;
  if (h + 30 > bytes.length || dv.getUint32(h, true) !== LOCAL_SIG) {
    return { ok: false, error: `the zip member ${name} is damaged (bad local header)` };
  }
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { ok: false, error: `the zip member ${name} is truncated` };
  const raw = bytes.subarray(start, end);
  if (entry.method === 0) return { ok: true, data: raw };
  if (entry.method !== 8) return { ok: false, error: `the zip member ${name} uses unsupported compression method ${entry.method}` };
  try {
    return { ok: true, data: inflateRawSync(raw, { maxOutputLength: MAX_MEMBER_BYTES }) };
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, error: `the zip member ${name} inflates to more than the ${formatBytes(MAX_MEMBER_BYTES)} limit for one member` };
    }
    return { ok: false, error: `the zip member ${name} cannot be inflated (${safeName((e as Error).message)})` };
  }
}
