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
}
export interface LoadReleaseResult {
  ok: boolean;
  label?: string;
  error?: string;
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

/** VS Code command ids the extension registers (code actions and the status bar invoke some of them) */
export const COMMANDS = {
  loadRelease: 'hcpcs.loadRelease',
  showOutput: 'hcpcs.showOutput',
  restartServer: 'hcpcs.restartServer',
  showDrugCodes: 'hcpcs.showDrugCodes',
  copyDescriptor: 'hcpcs.copyDescriptor',
} as const;
