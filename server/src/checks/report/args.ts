// hcpcs-check's command line, parsed without I/O so it can be tested as a table.
import { languageIds } from '../../base/languages';
import { compileGlob, isPathMatcher } from '../../base/globs';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'ndjson';
/** the lowest severity that makes the exit status 1; 'none': findings never do */
export type FailOn = 'error' | 'warning' | 'information' | 'none';

export interface CliOptions {
  /** 'check' (the default) or 'compile' (hcpcs-check compile --release … -o FILE) */
  command: 'check' | 'compile';
  format: OutputFormat;
  config?: string;
  release?: string;
  asp?: string;
  /** ICD-10-CM order or codes file, CDC zip, or a folder of releases */
  icd10?: string;
  /** a compiled code set written by `hcpcs-check compile` */
  codeset?: string;
  /** compile: where the compiled code set is written */
  output?: string;
  /** ISO date for lines without a date of service (default: the system date) */
  today?: string;
  /** one document on standard input (also the path "-") */
  stdin: boolean;
  /** standard input is NDJSON, one {id, languageId?, text} per line */
  input: 'files' | 'ndjson';
  /** the language of the --stdin document (default: detected from its content) */
  language?: string;
  /** worker threads (default: one per core) */
  jobs?: number;
  maxWarnings?: number;
  failOn: FailOn;
  /** base URL of the rule pages (…/docs/rules/); SARIF helpUri is <base><rule id>.md */
  docsBaseUrl?: string;
  progress: boolean;
  /** --include / --exclude globs for folder walks (repeatable) */
  include: string[];
  exclude: string[];
  help: boolean;
  version: boolean;
  paths: string[];
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

export const USAGE = `Usage: hcpcs-check [options] PATH...
       hcpcs-check [options] --stdin | -            one document on standard input
       hcpcs-check [options] --input ndjson         one {"id","languageId"?,"text"} per line on standard input
       hcpcs-check compile --release FILE [--asp DIR] -o CODESET.json

Checks HCPCS codes, modifiers, units and NDCs in claim files (X12 837/835, CSV/PSV/TSV, FHIR JSON,
notes). Folders are searched recursively for claim formats: .837 .835 .x12 .edi files, any file that
starts with an ISA segment, claim-line exports (a procedure-code column) and FHIR JSON. Notes and
other text (.md, .txt) are read when named or included. Files named on the command line are always
checked.

Options:
  --format text|json|sarif|ndjson  output format (default: text); ndjson: one record per line
  --config FILE             a .hcpcsrc.json (default: ./.hcpcsrc.json when present); an explicit
                            file that cannot be read or has any problem stops the run (exit 2)
  --codeset FILE            a code set compiled by \`hcpcs-check compile\` (fast start)
  --release PATH            CMS HCPCS release (.zip, fixed-width .txt, .xlsx or its .csv) or a folder of releases
  --asp DIR                 folder with the CMS ASP pricing file and NDC crosswalk, or a folder of quarter folders
  --icd10 PATH              ICD-10-CM code list (CDC order or codes file, its .zip, or a folder of releases;
                            default: $HCPCS_ICD10, else the list built into the package, if any)
  --stdin                   check one document read from standard input
  --language ID             its language: ${languageIds.join(', ')} (default: detected)
  --input ndjson            check a stream of documents from standard input
  --jobs N                  threads checking documents, the main one included (default: one per core)
  --fail-on LEVEL           error|warning|information|none: lowest severity that exits 1 (default: error)
  --max-warnings N          exit 1 when there are more than N warnings
  --docs-base-url URL       where the rule pages are published (SARIF helpUri = URL + <rule>.md)
  --today YYYY-MM-DD        date for lines without a date of service (default: today)
  --include GLOB            also check matching files in folders, e.g. 'notes/**/*.md' (repeatable)
  --exclude GLOB            skip matching files and folders, e.g. 'archive/**' (repeatable)
  --progress                show progress on stderr even when it is not a terminal
  -o, --output FILE         compile: the code set file to write
  -h, --help                show this help
  --version                 show the version

Exit status: 0 no findings at or above --fail-on and warnings within --max-warnings;
1 otherwise; 2 bad usage, an invalid --config, unreadable input or code set.`;

const VALUE_OPTIONS = new Set([
  '--format',
  '--config',
  '--release',
  '--asp',
  '--icd10',
  '--today',
  '--codeset',
  '--output',
  '-o',
  '--language',
  '--input',
  '--jobs',
  '--max-warnings',
  '--fail-on',
  '--docs-base-url',
  '--include',
  '--exclude',
]);
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'ndjson'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'information', 'none'];
/** --language and an NDJSON languageId: one list with the client's (base/languages.ts) */
export const LANGUAGES = languageIds;
const MAX_JOBS = 64;

const wholeNumber = (value: string, min: number, max: number): number | undefined => {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { command: 'check', format: 'text', stdin: false, input: 'files', failOn: 'error', progress: false, include: [], exclude: [], help: false, version: false, paths: [] };
  let start = 0;
  if (argv[0] === 'compile') {
    options.command = 'compile';
    start = 1;
  }
  for (let i = start; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const rest of argv.slice(i + 1)) options.paths.push(rest);
      break;
    }
    if (arg === '-') {
      options.stdin = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return { ok: false, message: `${name} needs a value` };
      switch (name) {
        case '--format':
          if (!(FORMATS as readonly string[]).includes(value)) return { ok: false, message: `--format must be text, json, sarif or ndjson, not "${value}"` };
          options.format = value as OutputFormat;
          break;
        case '--config':
          options.config = value;
          break;
        case '--release':
          options.release = value;
          break;
        case '--asp':
          options.asp = value;
          break;
        case '--icd10':
          options.icd10 = value;
          break;
        case '--codeset':
          options.codeset = value;
          break;
        case '--output':
        case '-o':
          options.output = value;
          break;
        case '--language':
          if (!LANGUAGES.includes(value)) return { ok: false, message: `--language must be one of ${LANGUAGES.join(', ')}, not "${value}"` };
          options.language = value;
          break;
        case '--input':
          if (value !== 'ndjson') return { ok: false, message: `--input must be ndjson, not "${value}" (give files and folders as PATHs)` };
          options.input = 'ndjson';
          break;
        case '--jobs': {
          const n = wholeNumber(value, 1, MAX_JOBS);
          if (n === undefined) return { ok: false, message: `--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${value}"` };
          options.jobs = n;
          break;
        }
        case '--max-warnings': {
          const n = wholeNumber(value, 0, Number.MAX_SAFE_INTEGER);
          if (n === undefined) return { ok: false, message: `--max-warnings must be a whole number, 0 or more, not "${value}"` };
          options.maxWarnings = n;
          break;
        }
        case '--fail-on':
          if (!(FAIL_ON as readonly string[]).includes(value)) return { ok: false, message: `--fail-on must be error, warning, information or none, not "${value}"` };
          options.failOn = value as FailOn;
          break;
        case '--docs-base-url':
          if (!/^https?:\/\/[^\s/]+/.test(value)) return { ok: false, message: `--docs-base-url must be an http(s) URL, not "${value}"` };
          options.docsBaseUrl = value.endsWith('/') ? value : `${value}/`;
          break;
        case '--today':
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, message: `--today must be a date like 2025-11-05, not "${value}"` };
          options.today = value;
          break;
        case '--include':
        case '--exclude': {
          const glob = compileGlob(value);
          if (!isPathMatcher(glob)) return { ok: false, message: `${name}: ${glob.error}` };
          options[name === '--include' ? 'include' : 'exclude'].push(value);
          break;
        }
      }
      continue;
    }
    if (eq > 0) return { ok: false, message: `${name} takes no value` };
    if (arg === '--progress') options.progress = true;
    else if (arg === '--stdin') options.stdin = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--version') options.version = true;
    else return { ok: false, message: `unknown option ${arg}` };
  }
  if (options.help || options.version) return { ok: true, options };
  const problem = options.command === 'compile' ? compileProblem(options) : checkProblem(options);
  return problem ? { ok: false, message: problem } : { ok: true, options };
}

function compileProblem(o: CliOptions): string | undefined {
  if (!o.release) return 'compile needs --release FILE';
  if (!o.output) return 'compile needs -o FILE (where the code set is written)';
  if (o.paths.length || o.stdin || o.input === 'ndjson') return 'compile reads only --release and --asp; no PATH or standard input';
  if (o.codeset) return 'compile makes a code set from --release; --codeset is for checking';
  return undefined;
}

function checkProblem(o: CliOptions): string | undefined {
  if (o.output) return '-o/--output is for `hcpcs-check compile`';
  if (o.codeset && o.release) return '--codeset and --release both choose the code set: give one';
  if (o.stdin && o.input === 'ndjson') return '--stdin reads one document, --input ndjson a stream of them: give one';
  if ((o.stdin || o.input === 'ndjson') && o.paths.length) return 'standard input and PATHs cannot be checked in one run';
  if (o.language && !o.stdin) return '--language names the language of the --stdin document';
  if (!o.stdin && o.input !== 'ndjson' && !o.paths.length) return 'no PATH given (or --stdin, --input ndjson)';
  return undefined;
}
