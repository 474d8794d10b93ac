// A code set that cannot be read while checks run (a compiled index damaged or changed after it was
// opened) is said once, as the finding `codeset-unreadable` at the top of the document: the rules that
// could not read their codes report nothing, and a clean result would be wrong advice. Any other
// error of one rule is swallowed as before, so the others still report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPass, runChecks } from '../../../server/src/checks/index';
import { LoadError } from '../../../server/src/codeset/compiled';
import type { CodeSet } from '../../../server/src/codeset/types';
import { parseDocument } from '../../../server/src/documents/index';
import { mergeSettings } from '../../../server/src/checks/config';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import { coreCodeSet, TODAY, x12 } from './harness';

/** the core code set, but asking about `code` throws `error` */
function failingOn(code: string, error: () => Error): CodeSet {
  const base = coreCodeSet();
  return new Proxy(base, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== 'lookup' && name !== 'drug') return typeof value === 'function' ? value.bind(target) : value;
      return (asked: string, ...rest: unknown[]) => {
        if (asked.trim().toUpperCase() === code) throw error();
        return (value as (...a: unknown[]) => unknown).call(target, asked, ...rest);
      };
    },
  });
}

const damaged = () => new LoadError('the compiled index is damaged (its 2025-10 codes could not be read: row 12 is not a row): compile it again');
const text = x12('LX*1', 'SV1*HC:J7507*100*UN*5***1', 'DTP*472*D8*20251105', 'LX*2', 'SV1*HC:J9999*50*UN*1***1', 'DTP*472*D8*20251105');

const rows: { name: string; codeset: () => CodeSet; settings?: Settings; said: boolean }[] = [
  { name: 'the code set cannot be read for J7507', codeset: () => failingOn('J7507', damaged), said: true },
  { name: 'twin: the code set reads', codeset: () => coreCodeSet(), said: false },
  { name: 'twin: one rule fails on its own (not the code set): swallowed as before', codeset: () => failingOn('J7507', () => new TypeError('a rule bug')), said: false },
  { name: 'turned off in settings', codeset: () => failingOn('J7507', damaged), settings: mergeSettings(defaultSettings, { rules: { 'codeset-unreadable': { enabled: false } } }), said: false },
];

for (const row of rows) {
  test(`codeset-unreadable: ${row.name}`, () => {
    const document = parseDocument(text, { languageId: 'x12' });
    const ctx = { document, text, codeset: row.codeset(), settings: row.settings ?? defaultSettings, today: TODAY };
    const found = runChecks(ctx);
    const said = found.filter((f) => f.ruleId === 'codeset-unreadable');
    assert.equal(said.length, row.said ? 1 : 0, found.map((f) => f.ruleId).join(', '));
    if (row.said) {
      assert.equal(found[0], said[0], 'said first');
      assert.equal(said[0]!.severity, 'error');
      assert.match(said[0]!.message, /^Checks could not read the code set, so findings may be missing: the compiled index is damaged/);
      // the other rules still report (the claim's lines do not add up to CLM02)
      assert.ok(found.some((f) => f.ruleId === 'claim-total-mismatch'), found.map((f) => f.ruleId).join(', '));
      // a pass that keeps only what is shown keeps it too
      const pass = checkPass(ctx, { keep: 1 });
      for (const claim of document.claims) pass.claim(claim);
      assert.equal(pass.finish()[0]!.ruleId, 'codeset-unreadable');
    }
  });
}
