// Claim checks reach VS Code's diagnostics: a Part B injectable without JZ, a terminated code.
import * as assert from 'node:assert/strict';
import { lineOf, openFixture, ruleId, waitForDiagnostics, hcpcsApi } from './helpers';

describe('diagnostics', () => {
  it('flags the J9035 line missing JZ and the J7401 line terminated before its service date', async () => {
    await hcpcsApi();
    const { document } = await openFixture('claim.837');
    const jzLine = lineOf(document, 'HC:J9035');
    const termLine = lineOf(document, 'HC:J7401');
    const has = (diags: import('vscode').Diagnostic[], rule: string, line: number): boolean =>
      diags.some((d) => ruleId(d) === rule && d.range.start.line === line);
    const diags = await waitForDiagnostics(document.uri, (d) => has(d, 'missing-jw-jz', jzLine) && has(d, 'code-not-effective', termLine));
    const jz = diags.find((d) => ruleId(d) === 'missing-jw-jz')!;
    assert.match(jz.message, /JZ/, `message: ${jz.message}`);
    const term = diags.find((d) => ruleId(d) === 'code-not-effective')!;
    assert.match(term.message, /J7401/, `message: ${term.message}`);
  });

  it('leaves the clean J7507 line without errors or warnings', async () => {
    const { document } = await openFixture('claim.837');
    const line = lineOf(document, 'HC:J7507');
    const diags = await waitForDiagnostics(document.uri, (d) => d.length > 0);
    const onLine = diags.filter((d) => d.range.start.line === line && d.severity <= 1);
    assert.deepEqual(onLine.map((d) => `${String(ruleId(d))}: ${d.message}`), []);
  });
});
