// The pure parts of hcpcs-check for pipelines: NDJSON input lines and the line splitter, exit status,
// where a finding sits (claim, service line), NDJSON records against their schema, rule metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter, parseInputLine, type SplitLine } from '../../../server/src/checks/report/ndjson-input';
import { exitStatus, Tally, type Thresholds } from '../../../server/src/checks/report/tally';
import { documentLines } from '../../../server/src/checks/report/ndjson';
import { checkDocument } from '../../../server/src/cli/check-document';
import { docsBaseFromRepository, helpUri, ruleMetadata, whatItChecks } from '../../../server/src/checks/report/rule-info';
import { createService } from '../../../server/src/service';
import { loadGuidance } from '../../../server/src/features/guidance';
import { rules } from '../../../server/src/checks/index';
import { coreCodeSet } from '../../support/codesets';
import { x12_837p } from '../../support/x12';
import { ndjsonViolations } from './schemas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';

test('parseInputLine: a document, or a message that names the problem and never quotes the line', () => {
  const rows: [string, object][] = [
    ['{"id":"a","text":"SV1*HC:J7507~"}', { ok: true, doc: { id: 'a', languageId: '', text: 'SV1*HC:J7507~' } }],
    ['{"id":7,"languageId":"csv","text":""}', { ok: true, doc: { id: '7', languageId: 'csv', text: '' } }],
    ['{"id":"a","languageId":null,"text":"x","extra":1}', { ok: true, doc: { id: 'a', languageId: '', text: 'x' } }],
    ['not json J7507', { ok: false, id: '', message: 'not valid JSON (at character 2)' }],
    ['{"id":"a","text":"x"', { ok: false, id: '', message: "not valid JSON (at character 20)" }],
    ['{"id":"a",', { ok: false, id: '', message: 'not valid JSON (it ends too early)' }],
    ['[1,2]', { ok: false, id: '', message: 'each line must be a JSON object, not an array' }],
    ['"J7507"', { ok: false, id: '', message: 'each line must be a JSON object, not string' }],
    ['{"text":"x"}', { ok: false, id: '', message: '"id" must be a non-empty string or a number' }],
    ['{"id":"","text":"x"}', { ok: false, id: '', message: '"id" must be a non-empty string or a number' }],
    ['{"id":true,"text":"x"}', { ok: false, id: '', message: '"id" must be a non-empty string or a number' }],
    ['{"id":"a"}', { ok: false, id: 'a', message: '"text" is missing' }],
    ['{"id":"a","text":5}', { ok: false, id: 'a', message: '"text" must be a string, not number' }],
    ['{"id":"a","languageId":"cobol","text":"x"}', { ok: false, id: 'a', message: '"languageId" must be one of x12, csv, tsv, psv, json, jsonc, plaintext, markdown' }],
  ];
  for (const [line, expected] of rows) {
    const got = parseInputLine(line);
    // Node's JSON.parse wording differs between versions: the position, when given, must be ours
    if (!got.ok && 'message' in expected && /not valid JSON/.test((expected as { message: string }).message)) {
      assert.match(got.message, /^not valid JSON( \(at character \d+\)| \(it ends too early\))?$/, line);
      assert.ok(!got.message.includes('J7507'), 'no input text in messages');
      continue;
    }
    assert.deepEqual(got, expected, line);
  }
});

test('LineSplitter: lines cut across chunks, CRLF, UTF-8 split inside a character, blank lines, over-long lines', () => {
  const run = (chunks: (string | Buffer)[], max = 100): (string | number)[] => {
    const s = new LineSplitter(max);
    const out: SplitLine[] = [];
    for (const c of chunks) s.push(typeof c === 'string' ? Buffer.from(c) : c, out);
    s.end(out);
    return out.map((l) => ('tooLong' in l ? -l.number : `${l.number}:${l.line}`));
  };
  const e = Buffer.from('é');
  const rows: [(string | Buffer)[], number, (string | number)[]][] = [
    [['a\nb\n'], 100, ['1:a', '2:b']],
    [['a', 'b\nc'], 100, ['1:ab', '2:c']],
    [['a\r\nb\r\n'], 100, ['1:a', '2:b']],
    [[Buffer.concat([Buffer.from('x'), e.subarray(0, 1)]), Buffer.concat([e.subarray(1), Buffer.from('\n')])], 100, ['1:xé']],
    [['\n\n a \n\n'], 100, ['3: a ']],
    [['0123456789\nok\n'], 5, [-1, '2:ok']],
    [['01234', '56789', '\nok'], 5, [-1, '2:ok']],
    [['01234\n'], 5, ['1:01234']],
    [['0123456789'], 5, [-1]],
    [[''], 5, []],
  ];
  for (const [chunks, max, expected] of rows) assert.deepEqual(run(chunks, max), expected, JSON.stringify(chunks.map(String)));
});

test('exitStatus: --fail-on, --max-warnings, unreadable inputs', () => {
  const c = (error: number, warning: number, information = 0, hint = 0) => ({ error, warning, information, hint });
  const rows: [ReturnType<typeof c>, number, Thresholds, 0 | 1 | 2][] = [
    [c(0, 0), 0, { failOn: 'error' }, 0],
    [c(1, 0), 0, { failOn: 'error' }, 1],
    [c(0, 5), 0, { failOn: 'error' }, 0],
    [c(0, 5), 0, { failOn: 'warning' }, 1],
    [c(0, 0, 1), 0, { failOn: 'warning' }, 0],
    [c(0, 0, 1), 0, { failOn: 'information' }, 1],
    [c(0, 0, 0, 3), 0, { failOn: 'information' }, 0],
    [c(2, 2), 0, { failOn: 'none' }, 0],
    [c(0, 3), 0, { failOn: 'error', maxWarnings: 3 }, 0],
    [c(0, 4), 0, { failOn: 'error', maxWarnings: 3 }, 1],
    [c(0, 1), 0, { failOn: 'error', maxWarnings: 0 }, 1],
    [c(0, 4), 0, { failOn: 'none', maxWarnings: 3 }, 1],
    [c(0, 0), 1, { failOn: 'error' }, 2],
    [c(1, 0), 1, { failOn: 'warning' }, 2],
    [c(0, 0), 1, { failOn: 'none' }, 0],
  ];
  for (const [counts, failed, t, expected] of rows) assert.equal(exitStatus(counts, failed, t), expected, `${JSON.stringify(counts)} failed=${failed} ${JSON.stringify(t)}`);
});

const clean = readFileSync(join(repoRoot, 'test/fixtures/checks/clean.837'), 'utf8');
const service = () => createService({ codeset: coreCodeSet(), guidance: loadGuidance({}), today: () => '2025-11-20' });

test('checkDocument: each finding names its claim and service line; ranges from 0 and from 1 agree', () => {
  const text = x12_837p([
    'CLM*PCN-1*125***11:B:1*Y*A*Y*Y',
    'LX*1',
    'SV1*HC:J7507*125*UN*5***1',
    'DTP*472*D8*20251020',
    'LX*2',
    'SV1*HC:J7507:KX*125*UN*5***1',
    'DTP*472*D8*20251020',
    'CLM*PCN-2*125***11:B:1*Y*A*Y*Y',
    'LX*7',
    'SV1*HC:J7507*125*UN*5***1',
    'DTP*472*D8*20251020',
  ]);
  const result = checkDocument(service(), { id: 'two-claims.837', languageId: 'x12', text });
  const kx = result.findings.filter((f) => f.ruleId === 'missing-kx');
  assert.deepEqual(
    kx.map((f) => [f.claimId, f.lineSequence, f.lineIndex]),
    [
      ['PCN-1', 1, 1],
      ['PCN-2', 7, 1],
    ],
  );
  for (const f of result.findings) {
    assert.equal(f.range0.start.line, f.range.start.line - 1);
    assert.equal(f.range0.end.character, f.range.end.character - 1);
    assert.equal(f.file, 'two-claims.837');
  }
  // negative row: a line with KX gives no missing-kx, so no record for claim PCN-1 line 2
  assert.ok(!kx.some((f) => f.lineIndex === 2));
  // a CSV table: the claim id column and the line's position
  const csv = checkDocument(service(), { id: 'export.csv', languageId: 'csv', text: 'claim_id,line,hcpcs,modifiers,units,date_of_service\nC-9,1,J7507,,5,2025-10-20\nC-9,2,J7507,KX,5,2025-10-20\n' });
  const csvKx = csv.findings.filter((f) => f.ruleId === 'missing-kx');
  assert.equal(csvKx.length, 1);
  assert.equal(csvKx[0]!.claimId, 'C-9');
});

test('NDJSON records: findings then a closing document record, or one error record; every record valid against the schema', () => {
  const s = service();
  const cases: [string, string, string[]][] = [
    ['with findings', clean.replace('J7507:KX', 'J7507'), ['finding', 'document']],
    ['clean', clean, ['document']],
    ['two findings', clean.replace('J7507:KX*125*UN*5', 'J7507*125*UN*0'), ['finding', 'finding', 'document']],
  ];
  for (const [id, text, types] of cases) {
    const lines = documentLines(checkDocument(s, { id, languageId: 'x12', text })).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.type), types, id);
    for (const l of lines) assert.deepEqual(ndjsonViolations(l), [], `${id}: ${JSON.stringify(l)}`);
    assert.equal(lines.at(-1).findings, types.length - 1);
  }
  const error = JSON.parse(documentLines({ id: '', findings: [], error: 'not valid JSON' }, 3));
  assert.deepEqual(error, { type: 'error', document: null, inputLine: 3, message: 'not valid JSON' });
  assert.deepEqual(ndjsonViolations(error), []);
  // the schema is strict: a record with a stray or missing field fails (so this test can fail)
  assert.notDeepEqual(ndjsonViolations({ ...error, extra: 1 }), []);
  assert.notDeepEqual(ndjsonViolations({ type: 'document', document: 'a' }), []);
  assert.notDeepEqual(ndjsonViolations({ type: 'finding', document: 'a' }), []);
});

test('Tally counts documents, documents with findings and failures without keeping findings', () => {
  const t = new Tally();
  const s = service();
  t.add(checkDocument(s, { id: 'a', languageId: 'x12', text: clean.replace('J7507:KX', 'J7507') }));
  t.add(checkDocument(s, { id: 'b', languageId: 'x12', text: clean }));
  t.add({ id: 'c', findings: [], error: 'cannot be read' });
  assert.deepEqual(t.summary(), { files: 2, filesWithFindings: 1, counts: { error: 0, warning: 1, information: 0, hint: 0 } });
  assert.equal(t.failed, 1);
});

test('rule metadata: every rule, descriptions from its page, help links only from a real repository', () => {
  const meta = ruleMetadata((docs) => readFileSync(join(repoRoot, docs), 'utf8'));
  assert.deepEqual(meta.map((m) => m.id), rules.map((r) => r.id));
  for (const m of meta) {
    assert.ok(m.description.length > m.title.length / 2, m.id);
    assert.ok(!m.description.includes('##'), m.id);
  }
  assert.match(meta.find((m) => m.id === 'missing-kx')!.description, /^A line billing an oral drug in the J7500–J7599 range/);
  assert.equal(whatItChecks('# x\n\n## Why\nnot this\n'), undefined);
  assert.equal(whatItChecks('# x\n## What it checks\nOne\ntwo.\n\n## Why\nno'), 'One two.');
  const rows: [string | undefined, string | undefined][] = [
    ['https://github.com/acme/hcpcs-language-tools', 'https://github.com/acme/hcpcs-language-tools/blob/HEAD/'],
    ['git+https://github.com/acme/hcpcs-language-tools.git', 'https://github.com/acme/hcpcs-language-tools/blob/HEAD/'],
    ['https://example.invalid/hcpcs-language-tools', undefined],
    ['https://gitlab.example.com/acme/x', undefined],
    ['file:///home/me/repo', undefined],
    [undefined, undefined],
  ];
  for (const [url, base] of rows) assert.equal(docsBaseFromRepository(url), base, String(url));
  assert.equal(helpUri({ docs: 'docs/rules/missing-kx.md' }, 'https://github.com/acme/x/blob/v1/'), 'https://github.com/acme/x/blob/v1/docs/rules/missing-kx.md');
  assert.equal(helpUri({ docs: 'docs/rules/missing-kx.md' }, undefined), undefined);
});
