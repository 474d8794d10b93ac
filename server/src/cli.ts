// hcpcs-check: the claim checks over files and folders, through the same service the language server uses.
// This file is the CLI's I/O edge: arguments, the file system, the clock, stdout/stderr and the exit code;
// server/src/cli/ holds its parts (code set, inputs, worker pool, output).
import { existsSync, readFileSync, readdirSync, statSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism, homedir } from 'node:os';
import { defaultSettings, type Settings } from './settings';
import { mergeSettings } from './checks/config';
import { parseArgs, USAGE, type CliOptions, type OutputFormat } from './checks/report/args';
import { HEAD_BYTES, isExcludedFolder, isSelected, type FileSelection } from './checks/report/file-selection';
import type { LocatedFinding } from './checks/report/located';
import { toSarif } from './checks/report/sarif';
import { docsBaseFromRepository, helpUri, ruleMetadata } from './checks/report/rule-info';
import { Tally, exitStatus } from './checks/report/tally';
import { readWorkspaceConfig } from './node/workspace-config';
import { codeSetSource, compileFromFiles, loadIcd10Source, loadSource, writeCompiled, InputError, type CodeSetSource } from './cli/codeset';
import { makeService, runTask, type Task } from './cli/task';
import { inlineExecutor, runInOrder, workerPool, type LocalWorker } from './cli/pool';
import { isWorkerThread, runWorker, WORKER_ROLE } from './cli/worker';
import { MAX_STDIN_BYTES, STDIN_ID, ndjsonTasks, readWhole } from './cli/inputs';
import { makeSink } from './cli/output';
import { renderResult } from './cli/rendered';
import { todayIso } from './node/clock';
import type { ReleaseInfo } from './codeset/types';
import { loadIndex } from './codeset/index';
import { languageOfExtension } from './base/languages';
import { limitHeapGrowth } from './node/heap';

limitHeapGrowth(); // first, before a code set or a document is read

const VERSION = '0.1.0';
const TOOL = 'hcpcs-check';
/** file extension -> language id (base/languages.ts: the same table as the client and detection) */
const EXTENSIONS = languageOfExtension;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const PROGRESS_THRESHOLD = 20;

class UsageError extends Error {}

const err = (line: string) => process.stderr.write(`${TOOL}: ${line}\n`);

/** the start of a file, for the claim-format test (latin1: byte offsets, no decoding errors) */
function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Explicit files are always checked; folders are walked for claim formats (see file-selection.ts). */
function collectFiles(paths: string[], selection: FileSelection): string[] {
  const out: string[] = [];
  // symlinked folders can loop (a -> .): each real folder is walked once
  const visited = new Set<string>();
  const walk = (dir: string, root: string) => {
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
      const rel = relative(root, p).split(sep).join('/');
      if (st.isDirectory()) {
        if (!SKIPPED_DIRS.has(name) && !isExcludedFolder(rel, selection)) walk(p, root);
      } else if (st.isFile() && name !== '.hcpcsrc.json' && isSelected(rel, () => readHead(p), selection)) {
        out.push(p);
      }
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`${p}: no such file or folder`);
    if (statSync(p).isDirectory()) walk(p, p);
    else out.push(p);
  }
  return [...new Set(out)];
}

/** 'HCPCS Level II, July 2026 (CMS): 8725 codes, 384 modifiers, ASP January 2026; releases 2025-10, 2026-01, 2026-07' */
function summaryOf(r: ReleaseInfo): string {
  return `${r.label}: ${r.codeCount} codes, ${r.modifierCount} modifiers, ${aspAndReleases(r)}`;
}

/** 'ASP October 2025, ASP January 2026; releases 2025-10, 2026-01, 2026-07' */
function aspAndReleases(r: ReleaseInfo): string {
  const releases = (r.releases ?? []).length > 1 ? `; releases ${r.releases!.map((x) => x.id).join(', ')}` : '';
  const asp = r.aspQuarters?.length ? r.aspQuarters.map((q) => q.label).join(', ') : (r.asp ?? 'no ASP data');
  return asp + releases;
}

function describeRelease(r: ReleaseInfo): string {
  if (r.kind !== 'full') return `code set: ${r.label}; built-in core set only, pass --release PATH or --codeset FILE for the full CMS release`;
  return `code set: ${r.label} (full CMS release: ${r.codeCount} codes, ${r.modifierCount} modifiers, ${aspAndReleases(r)})`;
}

/** an explicit --config must be right: any problem stops the run; ./.hcpcsrc.json found by itself only warns */
function loadSettings(options: CliOptions) {
  const config = options.config ? readWorkspaceConfig([], options.config) : readWorkspaceConfig([process.cwd()]);
  if (options.config && config.problems.length) {
    throw new UsageError(`--config ${options.config} has ${config.problems.length} problem${config.problems.length === 1 ? '' : 's'}:\n  ${config.problems.join('\n  ')}`);
  }
  for (const p of config.problems) err(p);
  return mergeSettings(defaultSettings, config.settings);
}

function languageOf(file: string): string {
  return EXTENSIONS[extname(file).toLowerCase()] ?? 'x12';
}

/** the package's folder (dist/.. when bundled): docs/rules and package.json sit there */
const packageRoot = resolve(__dirname, '..');

function readPackageFile(relativePath: string): string | undefined {
  try {
    return readFileSync(join(packageRoot, relativePath), 'utf8');
  } catch {
    return undefined;
  }
}

/** --docs-base-url, else the package's repository when it is a real published one, else none */
function docsBase(options: CliOptions): string | undefined {
  if (options.docsBaseUrl) return options.docsBaseUrl;
  try {
    const pkg = JSON.parse(readPackageFile('package.json') ?? '{}') as { repository?: string | { url?: string } };
    return docsBaseFromRepository(typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url);
  } catch {
    return undefined;
  }
}

function sarifFor(options: CliOptions, findings: LocatedFinding[]): object {
  const root = process.cwd();
  const base = docsBase(options);
  return toSarif({
    toolName: TOOL,
    toolVersion: VERSION,
    rules: ruleMetadata(readPackageFile).map((r) => ({ id: r.id, title: r.title, description: r.description, helpMarkdown: r.page, defaultSeverity: r.defaultSeverity, helpUri: helpUri(r, base) })),
    findings,
    srcRoot: pathToFileURL(root).href.replace(/\/?$/, '/'),
    // relative to the folder the check ran in, "../" included: a dashboard resolves them in its checkout
    artifactUri: (file) => {
      const rel = file === STDIN_ID || options.input === 'ndjson' ? file : relative(root, resolve(file));
      return rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
    },
  });
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

function compile(options: CliOptions): number {
  const started = performance.now();
  const index = compileFromFiles(options.release!, options.asp);
  const bytes = writeCompiled(index, options.output!);
  err(`compiled ${summaryOf(loadIndex(index).release)}; ${(bytes / 1048576).toFixed(1)} MB in ${(performance.now() - started).toFixed(0)} ms -> ${options.output}`);
  return 0;
}

function fileTasks(files: string[]): Task[] {
  return files.map((file) => ({ kind: 'file', path: file, id: displayPath(file), languageId: languageOf(file) }));
}

async function stdinTasks(options: CliOptions): Promise<AsyncIterable<Task> | Task[]> {
  if (options.input === 'ndjson') return ndjsonTasks(process.stdin);
  const text = await readWhole(process.stdin, MAX_STDIN_BYTES);
  return [{ kind: 'doc', doc: { id: STDIN_ID, languageId: options.language ?? '', text } }];
}

function localWorker(source: CodeSetSource, settings: Settings, today: string, icd10Path: string | undefined, format: OutputFormat): LocalWorker {
  const { codeset, notes } = loadSource(source, __dirname, err);
  const icd10 = loadIcd10Source(icd10Path, __dirname, err);
  const service = makeService(codeset, settings, today, icd10.codes);
  return { loaded: { release: codeset.release, notes: [...notes, ...icd10.notes] }, run: (task) => renderResult(runTask(service, task), format) };
}

async function run(argv: string[]): Promise<number> {
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
  if (options.command === 'compile') return compile(options);
  const fromStdin = options.stdin || options.input === 'ndjson';
  const settings = loadSettings(options);
  const files = fromStdin ? [] : collectFiles(options.paths, { include: [...settings.include, ...options.include], exclude: [...settings.exclude, ...options.exclude] });
  const release = options.release ?? (options.codeset ? undefined : process.env.HCPCS_RELEASE);
  const asp = options.asp ?? (release ? process.env.HCPCS_ASP : undefined);
  // a release folder takes seconds to compile: the compiled index is kept in the user's cache folder until its files change
  const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hcpcs-check');
  const { source, notes } = codeSetSource({ codeset: options.codeset, release, asp, cacheDir });
  for (const note of notes) err(note);
  const today = options.today ?? todayIso();

  const jobs = options.jobs ?? availableParallelism();
  // a pool pays off for a stream or several files per thread; one document is checked right here.
  // This thread is one of the pool's: --jobs N starts N-1 more, each loading the code set once.
  const pooled = jobs > 1 && (options.input === 'ndjson' || files.length >= 2 * jobs);
  const icd10 = options.icd10 ?? process.env.HCPCS_ICD10;
  const local = localWorker(source, settings, today, icd10, options.format);
  const executor = pooled
    ? workerPool(__filename, jobs - 1, { role: WORKER_ROLE, codeset: source, settings, today, distDir: __dirname, icd10, format: options.format }, local)
    : inlineExecutor(local.loaded, local.run);
  try {
    const loaded = await executor.ready();
    for (const note of loaded.notes) err(note);
    err(describeRelease(loaded.release));
  } catch (e) {
    await executor.close();
    throw e;
  }

  const tally = new Tally();
  const sink = makeSink({ format: options.format, out: process.stdout, note: err, sarif: (all) => sarifFor(options, all) });
  const progress = progressReporter(files.length, options.progress);
  let done = 0;
  try {
    await runInOrder(fromStdin ? await stdinTasks(options) : fileTasks(files), executor, async (result) => {
      tally.addCounted(result);
      await sink.document(result);
      if (!fromStdin) progress(++done);
    });
  } finally {
    await executor.close();
  }
  await sink.end(tally, fromStdin ? 'document' : 'file');
  return exitStatus(tally.counts, tally.failed, { failOn: options.failOn, maxWarnings: options.maxWarnings });
}

function reportFailure(e: unknown): void {
  if (e instanceof UsageError || e instanceof InputError) err(e.message);
  else err(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 2;
}

// a reader that stops reading (head, a closed pipe) ends the run quietly
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  reportFailure(e);
});

if (isWorkerThread()) runWorker();
else {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    reportFailure,
  );
}
