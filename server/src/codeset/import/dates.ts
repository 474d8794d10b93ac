// CMS writes dates as YYYYMMDD (sometimes with stray blanks); the API speaks ISO yyyy-mm-dd.

/** '20250101' -> '2025-01-01'; blank or malformed -> undefined */
export function cmsDateToIso(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!/^\d{8}$/.test(s)) return undefined;
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
