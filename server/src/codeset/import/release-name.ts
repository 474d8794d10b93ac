// Release id and label: from the CMS file name (HCPC2025_OCT_ANWEB, HCPC2026_JAN_ANWEB_v2,
// hcpc2026_jan_anweb_01122026 ...) or else from the newest add/action date in the records.
import type { CodeRecord, ModifierRecord } from '../types';
import { basename } from './basename';

const MONTHS: Record<string, string> = { jan: '01', apr: '04', jul: '07', oct: '10' };
const MONTH_NAMES: Record<string, string> = { '01': 'January', '04': 'April', '07': 'July', '10': 'October' };

export interface ReleaseName {
  id: string;
  label: string;
}

/** release files a folder may hold, fastest to read first (a folder may hold the .csv and the .xlsx of one release) */
export const RELEASE_EXTENSIONS = ['.csv', '.txt', '.zip', '.xlsx'];

export function releaseFromFileName(fileName: string): ReleaseName | undefined {
  const base = basename(fileName);
  const m = /hcpc(?:s)?[_ -]?(\d{4})[_ -]?(jan|apr|jul|oct)/i.exec(base);
  if (!m) return undefined;
  const id = `${m[1]}-${MONTHS[m[2].toLowerCase()]}`;
  const version = /_v(\d+)/i.exec(base)?.[1];
  return { id, label: labelFor(id, version ? `v${version}` : undefined) };
}

/** '2025-10' -> 'October 2025' */
export function monthYear(id: string): string {
  const [year, month] = id.split('-');
  return `${MONTH_NAMES[month] ?? `month ${month}`} ${year}`;
}

export function labelFor(id: string, revision?: string): string {
  return `HCPCS Level II, ${monthYear(id)} (CMS${revision ? `, ${revision}` : ''})`;
}

/** The quarter of the newest add or action-effective date: CMS dates its changes to the quarter start. */
export function releaseFromContents(codes: CodeRecord[], modifiers: ModifierRecord[]): ReleaseName | undefined {
  let newest = '';
  for (const r of [...codes, ...modifiers]) {
    if (r.addDate && r.addDate > newest) newest = r.addDate;
    if (r.actionEffectiveDate && r.actionEffectiveDate > newest) newest = r.actionEffectiveDate;
  }
  if (!newest) return undefined;
  const month = Number(newest.slice(5, 7));
  const quarterStart = String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0');
  const id = `${newest.slice(0, 4)}-${quarterStart}`;
  return { id, label: labelFor(id) };
}
