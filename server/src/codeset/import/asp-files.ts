// Which file of an ASP quarter folder is which: CMS names them asp_pricing.csv / asp_crosswalk.csv
// in some quarters and "section 508 version of January 2026 Medicare Part B Payment Limit File
// 121725.csv" / "… ASP NDC-HCPCS Crosswalk …" in others. The NOC files are not the quarter's tables.
export type AspFileRole = 'pricing' | 'crosswalk';

export function aspFileRole(fileName: string): AspFileRole | undefined {
  const name = fileName.toLowerCase();
  if (!name.endsWith('.csv') || /(?:^|[^a-z])noc[_ -]|cms_crosswalk_reference/.test(name)) return undefined;
  if (/asp_pricing|payment limit/.test(name)) return 'pricing';
  if (/asp_crosswalk|ndc[- ]hcpcs crosswalk/.test(name)) return 'crosswalk';
  return undefined;
}
