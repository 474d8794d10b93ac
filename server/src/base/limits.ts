// Every budget in one place. Each input the server reads has a limit here, and every message that
// refuses or cuts an input names the file and the limit (see describeLimit). The numbers are a few
// times the largest real CMS file or claim file of their kind: generous for real data, small enough
// that hostile input cannot take the process down.

const MB = 1024 * 1024;

/** bytes read from disk, per kind of file */
export const FILE_BYTES = {
  /** the CMS release (.zip, .txt, .xlsx, .csv): the real ones are 3–20 MB */
  release: 64 * MB,
  /** one ASP file (asp_pricing.csv, asp_crosswalk.csv): the real ones are under 3 MB */
  asp: 16 * MB,
  /** an ICD-10-CM code file: the real order file is ~10 MB */
  icd10cm: 32 * MB,
  /** .hcpcsrc.json: a handful of settings */
  config: 256 * 1024,
} as const;

export type FileKind = keyof typeof FILE_BYTES;

/** names used in messages ("the 16 MB limit for an ASP file") */
export const FILE_KIND_NAMES: Record<FileKind, string> = {
  release: 'a CMS release file',
  asp: 'an ASP file',
  icd10cm: 'an ICD-10-CM file',
  config: 'a config file',
};

/** archives (the release zip, .xlsx) */
export const ARCHIVE = {
  /** members listed in one zip: the CMS zip holds about 10, an .xlsx about 15 */
  entries: 1000,
  /** bytes one member may inflate to */
  memberBytes: 128 * MB,
  /** bytes all members read from one archive may inflate to together (several entries may point at one member) */
  totalBytes: 256 * MB,
  /** member names quoted in one message */
  namesInMessage: 8,
} as const;

/** tables (release CSV, spreadsheet rows, ASP files) */
export const TABLE = {
  /** cells in one row: the release has 48 columns, the ASP files a few hundred empty trailing ones */
  columnsPerRow: 2048,
  /** highest column a spreadsheet cell may name (column BZZ = 2,054; Excel's own limit is XFD = 16,384) */
  highestColumn: 2048,
} as const;

/** claim documents open in the editor */
export const DOCUMENT = {
  /** findings kept per document; one summary finding says how many more there were */
  findings: 5000,
  /**
   * CSV, FHIR and notes are read into a whole model (X12 streams): above this many bytes, or the
   * hcpcs.maxValidationBytes setting if lower, they are not read and not checked
   */
  wholeReadBytes: 50 * MB,
  /** above this many bytes a .hcpcsrc.json open in the editor is not validated (the file limit above) */
  configBytes: FILE_BYTES.config,
  /** problems reported for one .hcpcsrc.json open in the editor */
  configProblems: 200,
} as const;

/** the protocol connection */
export const PROTOCOL = {
  /** bytes queued for a client that is not reading; past this, stale output is dropped */
  queuedBytes: 64 * MB,
  /** bytes of one incoming message header block */
  headerBytes: 8 * 1024,
  /** bytes of one incoming message (a 50 MB document in didOpen, JSON-escaped) */
  messageBytes: 256 * MB,
} as const;

/** messages: how much of a name or value a message may quote */
export const MESSAGE = {
  /** characters of one quoted name (a file or zip member name) */
  nameChars: 120,
  /** characters of one whole message */
  messageChars: 2000,
} as const;

const sizeText = (bytes: number): string =>
  bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} kB` : `${bytes} bytes`;

/** "16 MB" / "256 kB" / "100 bytes" */
export function formatBytes(bytes: number): string {
  return sizeText(bytes);
}

/** "asp_pricing.csv is 600 MB, larger than the 16 MB limit for an ASP file" */
export function overFileLimit(name: string, kind: FileKind, size: number): string {
  return `${name} is ${sizeText(size)}, larger than the ${sizeText(FILE_BYTES[kind])} limit for ${FILE_KIND_NAMES[kind]}`;
}

/**
 * What a whole CMS release holds (October 2025: 8,463 codes, 383 modifiers). A release far outside
 * these ranges is a cut or partial file and is loaded only when the user confirms it.
 */
export const RELEASE = {
  codes: { min: 6000, max: 20000 },
  modifiers: { min: 250, max: 1000 },
  /** rows skipped as not HCPCS records, as a share of the records read */
  skippedShare: 0.01,
} as const;

/** compiled releases kept in the storage cache (one entry per release id) */
export const CACHE = { entries: 8 } as const;
