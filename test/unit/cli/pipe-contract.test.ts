// The contract Spark's RDD.pipe (and any line-oriented consumer) relies on: one long-lived process,
// documents written to its stdin one line each, records read back from its stdout as they come,
// matched to the input by id; a malformed line gets an error record and the stream goes on; memory
// stays bounded by one document while the stream is many times larger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture } from '../../support/paths';
import { built, LiveCli } from './cli-process';
import { ndjsonViolations } from './schemas';

const CORE = 'data/core/codeset.json';
const clean = readFileSync(fixture('checks', 'clean.837'), 'utf8');
const withoutKx = clean.replace('J7507:KX', 'J7507');
const line = (id: string, text: string, languageId?: string) => `${JSON.stringify({ id, text, ...(languageId ? { languageId } : {}) })}\n`;

for (const jobs of [1, 2]) {
  test(`pipe (--jobs ${jobs}): each document is answered before the next is written; a malformed line gets an error record and the stream goes on`, async (t) => {
    if (!built()) return t.skip('dist/cli.js is not built');
    const cli = new LiveCli(['--codeset', CORE, '--input', 'ndjson', '--format', 'ndjson', '--fail-on', 'none', '--jobs', String(jobs)]);
    const inputs: [string, string | null][] = [];
    for (let i = 0; i < 12; i++) {
      const id = `claim-${i}`;
      // every third line is malformed in a different way; the others alternate findings / none
      const text = i % 2 ? withoutKx : clean;
      const raw = i % 3 === 2 ? (i % 2 ? `{"id":"${id}","text":42}\n` : `{"id":"${id}", oops\n`) : line(id, text);
      inputs.push([id, i % 3 === 2 ? null : text]);
      await cli.write(raw);
      // answered while stdin is still open: the process streams, it does not wait for the end
      const answer = await cli.until((r) => (r.type === 'document' && r.document === id) || (r.type === 'error' && r.inputLine === i + 1));
      if (i % 3 === 2) assert.equal(answer.type, 'error', id);
      else assert.equal(answer.type, 'document', id);
    }
    cli.child.stdin.end();
    assert.equal(await cli.exited, 0, cli.stderr);
    const out = cli.all();
    for (const r of out) assert.deepEqual(ndjsonViolations(r), [], JSON.stringify(r));
    // every input is answered once, by id or by input line, in input order
    const answered = out.filter((r) => r.type !== 'finding').map((r) => (r.type === 'error' ? `line ${r.inputLine}` : r.document));
    assert.deepEqual(answered, inputs.map(([id, text], i) => (text === null ? `line ${i + 1}` : id)));
    // findings belong to the documents that have them, and only those (negative rows: the clean ones)
    const withFindings = new Set(out.filter((r) => r.type === 'finding' && r.rule === 'missing-kx').map((r) => r.document));
    assert.deepEqual([...withFindings].sort(), inputs.filter(([, text]) => text === withoutKx).map(([id]) => id).sort());
    // the error record names the id when the line had one, never the text
    const textError = out.find((r) => r.type === 'error' && r.inputLine === 6)!;
    assert.deepEqual(textError, { type: 'error', document: 'claim-5', inputLine: 6, message: '"text" must be a string, not number' });
  });
}

test('pipe: memory stays bounded by one document while a stream many times larger goes through', async (t) => {
  if (!built()) return t.skip('dist/cli.js is not built');
  // a small old generation: garbage V8 would leave for later is collected, so what grows is what is kept
  // (the README's Spark recipe sets the same flag); a leak fails the run with an out-of-memory error
  const cli = new LiveCli(['--codeset', CORE, '--input', 'ndjson', '--format', 'ndjson', '--jobs', '1'], ['--max-old-space-size=64']);
  if (cli.peakRss() === undefined) {
    cli.child.kill();
    return t.skip('no /proc to read peak memory from');
  }
  // ~64 KB documents (a claim with a long reference segment): 1,200 of them are ~77 MB of input, ~150 MB as strings
  // SE01 counts the added segment, so the envelope stays right
  const doc = withoutKx.replace('LIN**N4', `REF*G1*${'A'.repeat(64000)}~\nLIN**N4`).replace(/SE\*(\d+)\*/, (_, n: string) => `SE*${Number(n) + 1}*`);
  const total = 1200;
  let written = 0;
  let warm: number | undefined;
  for (let i = 0; i < total; i++) {
    await cli.write(line(`big-${i}`, doc));
    written += doc.length;
    if (i === 200) {
      await cli.until((r) => r.type === 'document' && r.document === 'big-200');
      warm = cli.peakRss()!;
    }
  }
  await cli.until((r) => r.type === 'document' && r.document === `big-${total - 1}`);
  const peak = cli.peakRss()!;
  cli.child.stdin.end();
  assert.equal(await cli.exited, 0, cli.stderr); // warnings only
  const growth = peak - warm!;
  assert.ok(written > 70 * 1024 * 1024, `the stream is ${written} bytes`);
  assert.ok(growth < 40 * 1024 * 1024, `peak memory grew by ${(growth / 1048576).toFixed(1)} MB after the first 200 documents while ${(written / 1048576).toFixed(0)} MB streamed through`);
  assert.equal(cli.all().filter((r) => r.type === 'document').length, total);
});
