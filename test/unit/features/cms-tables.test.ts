// Every coded value of the record layout has its text, and every value found in the real
// releases is known (or, if CMS adds one, shown raw on the card, never dropped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importRelease } from '../../../server/src/codeset/import/release';
import { actionText, betosText, coverageText, pricingText, typeOfServiceText } from '../../../server/src/features/cms-tables';
import { codedValueLines } from '../../../server/src/features/card-facts';
import type { CodeLookup, CodeRecord } from '../../../server/src/codeset/types';
import { sharedRelease } from '../../support/paths';
import { needs } from '../../support/needs';

const ids = ['2025-10', '2026-01', '2026-07'];
const skip = needs.allReleases;

test('every coded value in the real releases has its text', { skip, timeout: 300_000 }, () => {
  const unknown: string[] = [];
  const seen = { coverage: new Set<string>(), pricing: new Set<string>(), betos: new Set<string>(), tos: new Set<string>(), action: new Set<string>() };
  for (const id of ids) {
    const file = sharedRelease(id)!;
    const r = importRelease(readFileSync(file), basename(file));
    assert.ok(r.ok);
    for (const c of r.release.codes) {
      if (c.coverage) seen.coverage.add(c.coverage);
      c.pricing.forEach((p) => seen.pricing.add(p));
      if (c.betos) seen.betos.add(c.betos);
      c.tos.forEach((t) => seen.tos.add(t));
      if (c.actionCode) seen.action.add(c.actionCode);
    }
    for (const m of r.release.modifiers) if (m.actionCode) seen.action.add(m.actionCode);
  }
  const tables: [keyof typeof seen, (v: string) => string | undefined][] = [
    ['coverage', coverageText],
    ['pricing', pricingText],
    ['betos', betosText],
    ['tos', typeOfServiceText],
    ['action', actionText],
  ];
  for (const [field, text] of tables) for (const v of seen[field]) if (!text(v)) unknown.push(`${field} ${v}`);
  console.log(Object.entries(seen).map(([k, v]) => `${k}: ${v.size} values`).join('; '));
  assert.deepEqual(unknown, []);
});

test('a value the tables do not know is shown raw, never dropped', () => {
  const record: CodeRecord = { code: 'X9999', short: 's', long: 'l', coverage: 'Q', pricing: ['77', '51'], xrefs: [], betos: 'Q9Z', tos: ['7', '%'], actionCode: 'Z' };
  const lines = codedValueLines({ record, status: 'active' } as CodeLookup).join('\n');
  for (const part of ['**Medicare coverage (Q):** code not in our table', 'indicator not in our table (77)', 'drug (51)', 'BETOS Q9Z', 'type of service 7 (anesthesia), %', 'action Z']) {
    assert.ok(lines.includes(part), `${part} in\n${lines}`);
  }
});

test('the layout tables: every value of the 2019 record layout and pricing 40', () => {
  const rows: [string | undefined, string][] = [
    [pricingText('40'), 'lymphedema compression treatment items'],
    [pricingText('51'), 'drug'],
    [coverageText('M'), 'Not covered by Medicare'],
    [typeOfServiceText('G'), 'immunosuppressive drugs'],
    [actionText('D'), 'code discontinued'],
    [betosText('O1E'), 'other drugs'],
  ];
  for (const [got, want] of rows) assert.equal(got, want);
  for (const p of ['00', '11', '12', '13', '21', '22', '31', '32', '33', '34', '35', '36', '37', '38', '39', '45', '46', '51', '52', '53', '54', '55', '56', '57', '99']) assert.ok(pricingText(p), p);
  for (const t of '0123456789ABCDEFGHIJKLMNPQRSTUVWYZ') assert.ok(typeOfServiceText(t), t);
  for (const a of 'ABCDFNPRST') assert.ok(actionText(a), a);
});
