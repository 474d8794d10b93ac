// Worker threads render their documents' output themselves (cli/rendered.ts) and send only text and
// counts to the main thread. The output must be the one a single thread writes, byte for byte, in every
// format: rendered parts against the whole-value serialisation, worker threads against this thread,
// and the built CLI with --jobs 1, 2 and 3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputFormat } from '../../../server/src/checks/report/args';
import { asLocated } from '../../../server/src/checks/report/records';
import { documentLines } from '../../../server/src/checks/report/ndjson';
import { formatFindingLine } from '../../../server/src/checks/report/text';
import { Tally } from '../../../server/src/checks/report/tally';
import { defaultSettings } from '../../../server/src/settings';
import { loadSource, type CodeSetSource } from '../../../server/src/cli/codeset';
import { runInOrder, workerPool, WORKER_DEPTH } from '../../../server/src/cli/pool';
import { jsonArray, renderResult, type RenderedResult } from '../../../server/src/cli/rendered';
import { makeService, runTask, type Task, type TaskResult } from '../../../server/src/cli/task';
import { WORKER_ROLE } from '../../../server/src/cli/worker';
import { fixture, repoRoot } from '../../support/paths';
import { built, CLI, runCli } from './cli-process';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'ndjson', 'sarif'];
const CORE = 'data/core/codeset.json';
const TODAY = '2025-11-20';
const SOURCE: CodeSetSource = { kind: 'file', path: join(repoRoot, CORE) };
const claimFixtures = ['infusion-and-transplant.837', 'claims-export.csv', 'billing-note.md', 'transplant-claim.fhir.json'];

const service = makeService(loadSource(SOURCE, join(repoRoot, 'dist')).codeset, defaultSettings, TODAY);

/** every kind of task: files of each format, NDJSON lines (one malformed), a document in hand, a missing file */
function tasks(): Task[] {
  const out: Task[] = claimFixtures.map((name) => ({ kind: 'file', path: fixture('claims', name), id: `claims/${name}`, languageId: name.endsWith('.csv') ? 'csv' : '' }));
  out.push({ kind: 'line', line: JSON.stringify({ id: 'line-doc', text: readFileSync(fixture('claims', 'infusion-and-transplant.837'), 'utf8') }), inputLine: 1 });
  out.push({ kind: 'line', line: '{"id": "broken", "text": ', inputLine: 2 });
  out.push({ kind: 'doc', doc: { id: 'note', languageId: 'markdown', text: 'Gave J1745 infliximab 10 mg/kg.' } });
  out.push({ kind: 'file', path: join(repoRoot, 'no-such-claim.837'), id: 'no-such-claim.837', languageId: 'x12' });
  out.push({ kind: 'failed', id: '', error: 'line of 9 bytes is longer than the 8-byte limit; skipped', inputLine: 5 });
  return out;
}

const results = (): TaskResult[] => tasks().map((t) => runTask(service, t));

test('the tasks cover findings, no findings and errors (so the tables below mean something)', () => {
  const r = results();
  assert.ok(r.some((x) => x.error === undefined && x.findings.length > 0));
  assert.ok(r.some((x) => x.error === undefined && x.findings.length === 0));
  assert.ok(r.filter((x) => x.error !== undefined).length >= 3);
});

test('rendered parts, joined, are what one thread wrote from the whole result list, per format', () => {
  const all = results();
  const rendered = (format: OutputFormat) => all.map((r) => renderResult(r, format));
  const ok = all.filter((r) => r.error === undefined);
  const rows: { format: OutputFormat; joined: string; whole: string }[] = [
    { format: 'ndjson', joined: rendered('ndjson').map((r) => r.out).join(''), whole: all.map((r) => documentLines(r, r.inputLine)).join('') },
    { format: 'text', joined: rendered('text').map((r) => r.out).join(''), whole: ok.flatMap((r) => r.findings.map((f) => `${formatFindingLine(f)}\n`)).join('') },
    { format: 'json', joined: jsonArray(rendered('json').map((r) => r.out).filter((o) => o !== '')), whole: JSON.stringify(ok.flatMap((r) => r.findings.map(asLocated)), null, 2) },
    { format: 'sarif', joined: JSON.stringify(rendered('sarif').flatMap((r) => r.located ?? [])), whole: JSON.stringify(ok.flatMap((r) => r.findings.map(asLocated))) },
  ];
  for (const row of rows) assert.equal(row.joined, row.whole, row.format);
  assert.deepEqual(rendered('sarif').map((r) => r.out), all.map(() => ''));
  // json: none, one and several findings give JSON.stringify's own array
  const one = ok.find((r) => r.findings.length > 0)!.findings.slice(0, 1).map(asLocated);
  assert.equal(jsonArray([]), JSON.stringify([], null, 2));
  assert.equal(jsonArray([renderResult({ id: 'x', findings: ok.find((r) => r.findings.length > 0)!.findings.slice(0, 1) }, 'json').out]), JSON.stringify(one, null, 2));
});

test('a rendered result counts as the result itself does in the tally, whatever the format', () => {
  for (const format of FORMATS) {
    const whole = new Tally();
    const counted = new Tally();
    for (const r of results()) {
      whole.add(r);
      counted.addCounted(renderResult(r, format));
    }
    assert.deepEqual(counted.summary(), whole.summary(), format);
    assert.equal(counted.failed, whole.failed, format);
    assert.ok(whole.failed >= 3 && whole.summary().filesWithFindings > 0, format);
  }
});

test('worker threads render every task as this thread does, in input order, for every format', async (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  // many more tasks than the threads hold at once, so queues fill and results come back interleaved
  const many = Array.from({ length: 6 }, tasks).flat();
  for (const format of FORMATS) {
    // no local worker: every task goes through a thread
    const pool = workerPool(CLI, 2, { role: WORKER_ROLE, codeset: SOURCE, settings: defaultSettings, today: TODAY, distDir: join(repoRoot, 'dist'), format });
    const got: RenderedResult[] = [];
    try {
      assert.equal((await pool.ready()).release.kind, service.codeset.release.kind);
      assert.ok(pool.window >= 2 * WORKER_DEPTH);
      await runInOrder(many, pool, (r) => void got.push(r));
    } finally {
      await pool.close();
    }
    assert.deepEqual(got, many.map((task) => renderResult(runTask(service, task), format)), format);
  }
});

test('with this thread as one of the workers, the threads start with the second task (one document never waits for them)', async (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  const init = { role: WORKER_ROLE, codeset: SOURCE, settings: defaultSettings, today: TODAY, distDir: join(repoRoot, 'dist'), format: 'ndjson' } as const;
  const local = { loaded: { release: service.codeset.release, notes: [] }, run: (task: Task) => renderResult(runTask(service, task), 'ndjson') };
  const all = tasks();
  const rows: { name: string; tasks: Task[]; threads: number }[] = [
    { name: 'no task', tasks: [], threads: 0 },
    { name: 'one document', tasks: all.slice(0, 1), threads: 0 },
    { name: 'two documents', tasks: all.slice(0, 2), threads: 2 },
    { name: 'a stream', tasks: all, threads: 2 },
  ];
  for (const row of rows) {
    const pool = workerPool(CLI, 2, init, local);
    const got: RenderedResult[] = [];
    try {
      await pool.ready();
      await runInOrder(row.tasks, pool, (r) => void got.push(r));
      assert.equal(pool.threads(), row.threads, row.name);
    } finally {
      await pool.close();
    }
    assert.deepEqual(got, row.tasks.map((task) => local.run(task)), row.name);
  }
});

test('--jobs 1, 2 and 3 write the same stdout, stderr and exit status in every format (folders and NDJSON streams)', (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-worker-rendering-'));
  try {
    // big files among small ones, so threads finish out of order
    const big = readFileSync(fixture('claims', 'infusion-and-transplant.837'), 'utf8');
    const lines: string[] = [];
    for (let i = 0; i < 24; i++) {
      const name = claimFixtures[i % claimFixtures.length]!;
      const text = i % 6 === 0 ? big + big.split('\n').slice(3).join('\n').repeat(30) : readFileSync(fixture('claims', name), 'utf8');
      writeFileSync(join(dir, `doc-${String(i).padStart(2, '0')}${name.slice(name.indexOf('.'))}`), text);
      lines.push(JSON.stringify({ id: `d${i}`, text, ...(name.endsWith('.csv') ? { languageId: 'csv' } : {}) }));
    }
    lines.splice(5, 0, '{"id": "broken", "text": ');
    const ndjson = `${lines.join('\n')}\n`;
    for (const format of FORMATS) {
      for (const input of ['folder', 'ndjson'] as const) {
        const args = ['--codeset', CORE, '--format', format, '--fail-on', 'error'];
        const runs = [1, 2, 3].map((jobs) =>
          input === 'folder' ? runCli([...args, '--jobs', String(jobs), '--include', '*.md', dir]) : runCli([...args, '--jobs', String(jobs), '--input', 'ndjson'], { input: ndjson }),
        );
        const label = `${format}, ${input}`;
        assert.ok(runs[0]!.stdout.length > 100, label);
        assert.equal(runs[0]!.code, input === 'ndjson' ? 2 : 1, `${label}: ${runs[0]!.stderr}`);
        for (const r of runs.slice(1)) {
          assert.equal(r.stdout, runs[0]!.stdout, label);
          assert.equal(r.stderr, runs[0]!.stderr, label);
          assert.equal(r.code, runs[0]!.code, label);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
