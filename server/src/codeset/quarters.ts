// Calendar quarters, the unit CMS publishes HCPCS releases and ASP payment limits in.
// A quarter is named by its first month: '2025-10' holds 2025-10-01 .. 2025-12-31.
import { monthYear } from './import/release-name';

const QUARTER_ID = /^(\d{4})-(01|04|07|10)$/;

export function isQuarterId(id: string): boolean {
  return QUARTER_ID.test(id);
}

/** '2026-02-14' -> '2026-01' */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((Math.max(1, Math.min(12, month || 1)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}`;
}

/** '2025-10' -> '2025-10-01' */
export function quarterStart(id: string): string {
  return `${id}-01`;
}

/** '2025-10' -> '2025-12-31' */
export function quarterEnd(id: string): string {
  const [year, month] = id.split('-').map(Number);
  const last = month + 2;
  const day = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][last - 1];
  return `${year}-${String(last).padStart(2, '0')}-${day}`;
}

/** whole quarters from quarter a to quarter b ('2025-10', '2026-10' -> 4) */
export function quartersBetween(a: string, b: string): number {
  const n = (id: string): number => Number(id.slice(0, 4)) * 4 + Math.floor((Number(id.slice(5, 7)) - 1) / 3);
  return n(b) - n(a);
}

/** 'ASP October 2025' or 'Effective October 1, 2025' -> '2025-10' */
export function quarterFromLabel(label: string | undefined): string | undefined {
  const m = /(january|april|july|october)\s+(?:\d{1,2},\s*)?(\d{4})/i.exec(label ?? '');
  if (!m) return undefined;
  const month = { january: '01', april: '04', july: '07', october: '10' }[m[1].toLowerCase() as 'january'];
  return `${m[2]}-${month}`;
}

/** '2025-10' -> 'October 2025' */
export function quarterName(id: string): string {
  return monthYear(id);
}
