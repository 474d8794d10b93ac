// The custom protocol between the HCPCS server and its clients, declared once: the VS Code client,
// the server, the tests and the Neovim test (test/e2e/nvim) use these names. A new request,
// notification or command id is added here and nowhere else.

/** server -> client, after start and after every code-set load */
export const RELEASE_NOTIFICATION = 'hcpcs/release';
export interface ReleaseNotice {
  label: string;
  kind: 'full' | 'core';
  message?: string;
  /** every loaded release, oldest first ('HCPCS Level II, October 2025 (CMS): 8463 codes') */
  releases?: string[];
  /** every loaded ASP quarter, oldest first ('ASP October 2025') */
  aspQuarters?: string[];
  /** set when today lies past the newest release's quarter: the stale-data clause for the status bar */
  stale?: string;
}

/** client -> server: load a CMS release file or folder of releases (and optionally an ASP folder or folder of quarters) */
export const LOAD_RELEASE_REQUEST = 'hcpcs/loadRelease';
export interface LoadReleaseParams {
  path?: unknown;
  aspPath?: unknown;
  /** true: the user confirmed loading a release that does not look whole */
  confirm?: unknown;
}
export interface LoadReleaseResult {
  ok: boolean;
  label?: string;
  error?: string;
  /** the file does not look like a whole release: ask the user, then send the request again with confirm */
  needsConfirmation?: boolean;
}

/** client -> server: every code that covers the drug of a code */
export const DRUG_CODES_REQUEST = 'hcpcs/drugCodes';
export interface DrugCodesParams {
  code?: unknown;
}
export interface DrugCodeItem {
  code: string;
  short: string;
  detail: string;
}

/** client -> server: search codes by code, drug name or descriptor words, with status on a date */
export const LOOKUP_REQUEST = 'hcpcs/lookup';
export interface LookupParams {
  /** 'J7500', 'J75', 'tacrolimus', 'wheelchair cushion' */
  query?: unknown;
  /** the date to judge status on (yyyy-mm-dd, MM/DD/YYYY or YYYYMMDD); today when absent */
  date?: unknown;
}
export interface LookupItem {
  code: string;
  short: string;
  long: string;
  status: 'active' | 'not-yet-effective' | 'terminated';
  statusText: string;
  /** '1 unit = 5 mg' for drug codes */
  unit?: string;
}
export interface LookupResult {
  date: string;
  release: string;
  items: LookupItem[];
  /** why there are no items */
  message?: string;
}

/** client -> server: the Markdown card of one code on a date (what hover shows, without a claim) */
export const CODE_CARD_REQUEST = 'hcpcs/codeCard';
export interface CodeCardParams {
  code?: unknown;
  date?: unknown;
}
export interface CodeCardResult {
  markdown: string;
}

/** client -> server: the whole curated guidance for a code (the card shows a summary) */
export const GUIDANCE_REQUEST = 'hcpcs/guidance';
export interface GuidanceParams {
  code?: unknown;
}
export interface GuidanceResult {
  /** '' when there is no guidance for the code */
  markdown: string;
}

/** client -> server: X12 laid out one segment per line ('lines') or joined on one line ('join') */
export const FORMAT_X12_REQUEST = 'hcpcs/formatX12';
export interface FormatX12Params {
  textDocument: { uri: string };
  layout?: unknown;
}
export interface FormatX12Result {
  /** LSP TextEdits to apply to the document (none when nothing changes) */
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  /** why nothing changed, when formatting refused */
  message?: string;
}

/** VS Code command ids the extension registers (code actions and the status bar invoke some of them) */
export const COMMANDS = {
  loadRelease: 'hcpcs.loadRelease',
  showOutput: 'hcpcs.showOutput',
  restartServer: 'hcpcs.restartServer',
  showDrugCodes: 'hcpcs.showDrugCodes',
  copyDescriptor: 'hcpcs.copyDescriptor',
  lookupCode: 'hcpcs.lookupCode',
  joinSegments: 'hcpcs.joinSegments',
  showGuidance: 'hcpcs.showGuidance',
  /** a claim's code lens: selects the claim (arguments: document URI, LSP range) */
  selectClaim: 'hcpcs.selectClaim',
} as const;
