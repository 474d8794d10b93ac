// Issue #19 cases 12 and 13: no output carries patient data. When fields are misaligned a name or a
// birth date lands where a modifier, code or date is read; messages quote a claim value only when it
// is shaped like the field under test, never more than the field, with control characters escaped
// (text, JSON and SARIF alike). hcpcs.trace.server (which logs whole claims) is restricted in
// untrusted workspaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeControls, quoteField, safeName, type ClaimField } from '../../server/src/base/safe-text';
import { repoRoot } from '../support/paths';
import { x12_837p } from '../support/x12';

const PATIENT = ['RICHARD', 'JANE', 'DOE', '19610412'];

const quoteRows: { value: string; field: ClaimField; expect: string }[] = [
  { value: 'RICHARD', field: 'modifier', expect: 'a 7-character value' },
  { value: 'KXX', field: 'modifier', expect: '"KXX"' },
  { value: 'K', field: 'modifier', expect: '"K"' },
  { value: '99999', field: 'modifier', expect: '"99999"' },
  { value: 'J7507', field: 'modifier', expect: '"J7507"' },
  { value: 'JANE', field: 'modifier', expect: 'a 4-character value' },
  { value: 'JANE DOE 19610412', field: 'date', expect: 'a 17-character value' },
  { value: '2025110', field: 'date', expect: '"2025110"' },
  { value: '20251105-20251101', field: 'date', expect: '"20251105-20251101"' },
  { value: 'SMITH, JOHN', field: 'code', expect: 'a 11-character value' },
  { value: 'J750', field: 'code', expect: '"J750"' },
  { value: 'Z9999', field: 'code', expect: '"Z9999"' },
  { value: '5 units', field: 'units', expect: 'a 7-character value' },
  { value: '0469-0617-11', field: 'ndc', expect: '"0469-0617-11"' },
  { value: 'x\u001b[31m', field: 'modifier', expect: 'a 6-character value' },
];
for (const row of quoteRows) {
  test(`quoteField(${JSON.stringify(row.value)}, ${row.field}) -> ${row.expect}`, () => assert.equal(quoteField(row.value, row.field), row.expect));
}

const escapeRows: [string, string][] = [
  ['plain', 'plain'],
  ['a\nb', 'a\\nb'],
  ['\u001b[2J', '\\x1b[2J'],
  ['tab\there', 'tab\\there'],
  ['\u0085next line', '\\x85next line'],
  ['line\u2028sep', 'line\\u2028sep'],
];
for (const [input, expected] of escapeRows) test(`escapeControls(${JSON.stringify(input)})`, () => assert.equal(escapeControls(input), expected));
test('safeName cuts long names', () => assert.equal(safeName('a'.repeat(500)).length, 120));

// misaligned claims: the CLI's three formats must not carry the patient's name or birth date
const misaligned = x12_837p([
  'CLM*PT1*125***11:B:1*Y*A*Y*Y',
  'HI*ABK:Z940',
  'LX*1',
  'SV1*HC:J7507:RICHARD*125*UN*5***1',
  'DTP*472*D8*JANE DOE 19610412',
  'LX*2',
  'SV1*HC:SMITH JANE*125*UN*5***1',
  'DTP*472*D8*20251105',
  'LX*3',
  'SV1*HC:J7507:KXX*125*UN*5***1',
  'DTP*472*D8*2025110',
]);
const misalignedCsv = 'claim_id,service_date,hcpcs,modifier_1,units\nC1,2025-11-05,J7507,RICHARD,5\nC2,2025-11-05,DOE JANE,KX,5\nC3,2025-11-05,J7507,KXX,5\n';

for (const format of ['text', 'json', 'sarif']) {
  test(`CLI ${format} output on misaligned fields names no patient data and still quotes a typo`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcpcs-privacy-'));
    try {
      writeFileSync(join(dir, 'claim.837'), misaligned);
      writeFileSync(join(dir, 'claims.csv'), misalignedCsv);
      let out = '';
      try {
        out = execFileSync(process.execPath, [join(repoRoot, 'bin', 'hcpcs-check'), '--format', format, dir], {
          encoding: 'utf8',
          cwd: dir,
          timeout: 60_000,
          // the build-time index, not a fresh import of the CMS file per format
          env: { ...process.env, HCPCS_RELEASE: '', HCPCS_ASP: '' },
        });
      } catch (error) {
        out = String((error as { stdout?: string }).stdout ?? ''); // exit 1: findings
      }
      assert.ok(out.length > 0, 'the CLI reported findings');
      for (const word of PATIENT) assert.ok(!out.includes(word), `${format} output carries "${word}":\n${out.slice(0, 3000)}`);
      assert.match(out, /\\?"KXX\\?" is not a modifier/, 'a modifier-shaped typo is still quoted');
      assert.match(out, /a 7-character value is not a modifier/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('hcpcs.trace.server is a restricted setting in untrusted workspaces', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const setting of ['hcpcs.trace.server', 'hcpcs.releasePath', 'hcpcs.aspPath']) assert.ok(restricted.includes(setting), `${setting} restricted`);
  assert.ok(manifest.contributes.configuration.properties['hcpcs.trace.server'], 'the restricted setting exists');
});
