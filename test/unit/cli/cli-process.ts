// Runs the built CLI (dist/cli.js) for the pipeline tests: once to the end (spawnSync), or as a
// long-lived child fed line by line the way Spark's RDD.pipe feeds one (spawn, records as they come).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';

export const CLI = join(repoRoot, 'dist', 'cli.js');

/** the environment without HCPCS_RELEASE/HCPCS_ASP/HCPCS_ICD10, so only flags choose the code sets */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.HCPCS_RELEASE;
  delete env.HCPCS_ASP;
  delete env.HCPCS_ICD10;
  return env;
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string; cwd?: string } = {}): Ran {
  // a subcommand stays first
  const argv = args[0] === 'compile' ? args : ['--today', '2025-11-20', ...args];
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: options.cwd ?? repoRoot, env: cleanEnv(), encoding: 'utf8', input: options.input ?? '', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const built = () => existsSync(CLI);

/** NDJSON output lines -> records */
export const records = (stdout: string): Record<string, unknown>[] => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

/** A running CLI whose stdout records are read as they arrive. */
export class LiveCli {
  readonly child: ChildProcessWithoutNullStreams;
  private buffered = '';
  private readonly received: Record<string, unknown>[] = [];
  private waiter: (() => void) | undefined;
  stderr = '';
  readonly exited: Promise<number | null>;

  /** nodeArgs: flags for node itself (a heap limit, say) */
  constructor(args: string[], nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, CLI, '--today', '2025-11-20', ...args], { cwd: repoRoot, env: cleanEnv() });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.buffered += chunk;
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        this.received.push(JSON.parse(this.buffered.slice(0, nl)));
        this.buffered = this.buffered.slice(nl + 1);
      }
      this.waiter?.();
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (c: string) => (this.stderr += c));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** resolves once a record satisfies `match`; rejects if the process ends first */
  async until(match: (r: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    let ended = false;
    void this.exited.then(() => {
      ended = true;
      this.waiter?.();
    });
    for (;;) {
      const hit = this.received.find(match);
      if (hit) return hit;
      if (ended) throw new Error(`the CLI ended without the record awaited; stderr: ${this.stderr}`);
      await new Promise<void>((r) => (this.waiter = r));
    }
  }

  all(): Record<string, unknown>[] {
    return this.received;
  }

  async write(text: string): Promise<void> {
    if (!this.child.stdin.write(text)) await new Promise((r) => this.child.stdin.once('drain', r));
  }

  /** peak resident memory so far (Linux /proc), in bytes; undefined elsewhere */
  peakRss(): number | undefined {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }
}
