// hcpcs-check: the claim checks over files and folders, through the same service the language server uses.
// This file is the CLI's I/O edge: arguments, the file system, the clock, stdout/stderr and the exit code.
import { existsSync, readFileSync, readdirSync, statSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import guidanceFiles from 'virtual:guidance';
import { createService } from './service';
import { defaultSettings } from './settings';
import { mergeSettings } from './checks/config';
import { rules } from './checks/index';
import { parseArgs, USAGE, type CliOptions } from './checks/report/args';
import { locate, summarize, type LocatedFinding } from './checks/report/located';
import { formatFindingLine, formatSummary } from './checks/report/text';
import { toSarif } from './checks/report/sarif';
import { loadGuidance } from './features/guidance';
import { CodeSetStore } from './node/codeset-store';
import { readWorkspaceConfig } from './node/workspace-config';
import { todayIso } from './node/clock';
import type { CodeSet } from './codeset/types';

const VERSION = '0.1.0';
const TOOL = 'hcpcs-check';
const EXTENSIONS: Record<string, string> = {
  '.837': 'x12',
  '.835': 'x12',
  '.x12': 'x12',
  '.edi': 'x12',
  '.csv': 'csv',
  '.psv': 'psv',
  '.tsv': 'tsv',
  '.json': 'json',
  '.txt': 'plaintext',
  '.md': 'markdown',
};
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const PROGRESS_THRESHOLD = 20;

class UsageError extends Error {}

const err = (line: string) => process.stderr.write(`${TOOL}: ${line}\n`);

/** an X12 file whatever its name: the first non-blank characters (after a BOM) are ISA */
function startsWithIsa(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^\uFEFF?\s*ISA/.test(head.subarray(0, n).toString('latin1').replace(/^\xEF\xBB\xBF/, ''));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Explicit files are always checked; folders are walked for claim-looking files. */
function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  // symlinked folders can loop (a -> .): each real folder is walked once
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      err(`${dir}: cannot be read (${(e as Error).message})`);
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(p);
      } else if (st.isFile() && name !== '.hcpcsrc.json' && (EXTENSIONS[extname(name).toLowerCase()] || startsWithIsa(p))) {
        out.push(p);
      }
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`${p}: no such file or folder`);
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return [...new Set(out)];
}

function loadCodeSet(options: CliOptions): CodeSet {
  const store = new CodeSetStore({ distDir: __dirname });
  const releasePath = options.release ?? process.env.HCPCS_RELEASE;
  const aspPath = options.asp ?? process.env.HCPCS_ASP;
  if (releasePath) {
    // a path given on the command line is the user's own choice: a partial release loads, with a warning
    const loaded = store.loadReleaseFile(releasePath, aspPath, { confirmed: true });
    if (!loaded.ok) throw new UsageError(`release ${releasePath}: ${loaded.error}`);
    err(loaded.message);
    return loaded.codeset;
  }
  if (aspPath) err(`--asp is read together with a release file (--release); ignored`);
  const { codeset, message } = store.loadAtStartup({});
  if (message) err(message);
  return codeset;
}

function describeRelease(codeset: CodeSet): string {
  const r = codeset.release;
  if (r.kind !== 'full') return `code set: ${r.label}; built-in core set only, pass --release FILE for the full CMS release`;
  return `code set: ${r.label} (full CMS release: ${r.codeCount} codes, ${r.modifierCount} modifiers, ${r.asp ?? 'no ASP data'})`;
}

function loadSettings(options: CliOptions) {
  const config = options.config ? readWorkspaceConfig([], options.config) : readWorkspaceConfig([process.cwd()]);
  for (const p of config.problems) err(p);
  if (options.config && !config.settings && config.problems.length) throw new UsageError(`config ${options.config} was not loaded`);
  return mergeSettings(defaultSettings, config.settings);
}

function languageOf(file: string): string {
  return EXTENSIONS[extname(file).toLowerCase()] ?? 'x12';
}

/** helpUri: the rule pages shipped beside the bundle (docs/rules), when they are there */
function docsUri(id: string): string | undefined {
  const page = resolve(__dirname, '..', 'docs', 'rules', `${id}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

function progressReporter(total: number, force: boolean): (done: number) => void {
  const tty = Boolean(process.stderr.isTTY);
  if (total <= PROGRESS_THRESHOLD || !(tty || force)) return () => {};
  let lastTenth = -1;
  return (done) => {
    if (tty) {
      process.stderr.write(`\r${TOOL}: ${done}/${total} files${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done * 10) / total);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      err(`${done}/${total} files`);
    }
  };
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function run(argv: string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    err(parsed.message);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const files = collectFiles(options.paths);
  const settings = loadSettings(options);
  const codeset = loadCodeSet(options);
  err(describeRelease(codeset));
  const today = options.today ?? todayIso();
  const service = createService({ codeset, guidance: loadGuidance(guidanceFiles), settings, today: () => today });

  const located: LocatedFinding[] = [];
  let unreadable = 0;
  const progress = progressReporter(files.length, options.progress);
  files.forEach((file, i) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      err(`${file}: cannot be read (${(e as Error).message})`);
      unreadable++;
      return;
    }
    const uri = pathToFileURL(resolve(file)).href;
    const doc = TextDocument.create(uri, languageOf(file), 1, text);
    const found = locate(displayPath(file), text, service.findings(doc));
    service.forget(uri);
    located.push(...found);
    if (options.format === 'text' && found.length) process.stdout.write(found.map(formatFindingLine).join('\n') + '\n');
    progress(i + 1);
  });

  const summary = summarize(located, files.length - unreadable);
  if (options.format === 'text') process.stdout.write(`${formatSummary(summary)}\n`);
  else if (options.format === 'json') process.stdout.write(`${JSON.stringify(located, null, 2)}\n`);
  else {
    const root = process.cwd();
    const sarif = toSarif({
      toolName: TOOL,
      toolVersion: VERSION,
      rules: rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, helpUri: docsUri(r.id) })),
      findings: located,
      srcRoot: pathToFileURL(root).href.replace(/\/?$/, '/'),
      artifactUri: (file) => {
        const abs = resolve(file);
        const rel = relative(root, abs);
        return rel && !rel.startsWith('..') ? rel.split(sep).map(encodeURIComponent).join('/') : pathToFileURL(abs).href;
      },
    });
    process.stdout.write(`${JSON.stringify(sarif, null, 2)}\n`);
  }
  if (options.format !== 'text') err(formatSummary(summary));
  if (unreadable) return 2;
  return summary.counts.error > 0 ? 1 : 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    err(e.message);
    process.exitCode = 2;
  } else {
    err(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 2;
  }
}
