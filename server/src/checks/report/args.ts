// hcpcs-check's command line, parsed without I/O so it can be tested as a table.
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  format: OutputFormat;
  config?: string;
  release?: string;
  asp?: string;
  /** ISO date for lines without a date of service (default: the system date) */
  today?: string;
  progress: boolean;
  help: boolean;
  version: boolean;
  paths: string[];
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

export const USAGE = `Usage: hcpcs-check [options] PATH...

Checks HCPCS codes, modifiers, units and NDCs in claim files (X12 837/835, CSV/PSV/TSV, FHIR JSON,
notes). Folders are searched recursively for .837 .835 .x12 .edi .csv .psv .tsv .json .txt .md files
and for any file that starts with an ISA segment.

Options:
  --format text|json|sarif  output format (default: text)
  --config FILE             a .hcpcsrc.json (default: ./.hcpcsrc.json when present)
  --release FILE            CMS HCPCS release (.zip, fixed-width .txt, .xlsx or its .csv)
  --asp DIR                 folder with the CMS ASP pricing file and NDC crosswalk
  --today YYYY-MM-DD        date for lines without a date of service (default: today)
  --progress                show progress on stderr even when it is not a terminal
  -h, --help                show this help
  --version                 show the version

Exit status: 0 no errors, 1 error-level findings, 2 bad usage or unreadable input.`;

const VALUE_OPTIONS = new Set(['--format', '--config', '--release', '--asp', '--today']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { format: 'text', progress: false, help: false, version: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const path of argv.slice(i + 1)) options.paths.push(path);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
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
          if (value !== 'text' && value !== 'json' && value !== 'sarif') return { ok: false, message: `--format must be text, json or sarif, not "${value}"` };
          options.format = value;
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
        case '--today':
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, message: `--today must be a date like 2025-11-05, not "${value}"` };
          options.today = value;
          break;
      }
      continue;
    }
    if (eq > 0) return { ok: false, message: `${name} takes no value` };
    if (arg === '--progress') options.progress = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--version') options.version = true;
    else return { ok: false, message: `unknown option ${arg}` };
  }
  if (!options.help && !options.version && !options.paths.length) return { ok: false, message: 'no PATH given' };
  return { ok: true, options };
}
