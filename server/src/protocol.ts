// The custom protocol between the HCPCS server and its clients, declared once: the VS Code client,
// the server, the tests and the Neovim test (test/e2e/nvim) use these names. A new request,
// notification or command id is added here and nowhere else.

/** server -> client, after start and after every code-set load */
export const RELEASE_NOTIFICATION = 'hcpcs/release';
export interface ReleaseNotice {
  label: string;
  kind: 'full' | 'core';
  message?: string;
}

/** client -> server: load a CMS release file (and optionally an ASP folder) */
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

/** VS Code command ids the extension registers (code actions and the status bar invoke some of them) */
export const COMMANDS = {
  loadRelease: 'hcpcs.loadRelease',
  showOutput: 'hcpcs.showOutput',
  restartServer: 'hcpcs.restartServer',
  showDrugCodes: 'hcpcs.showDrugCodes',
  copyDescriptor: 'hcpcs.copyDescriptor',
} as const;
