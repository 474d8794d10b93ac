// The format table: every format is one entry (detection, reading, kind, modifier removal, traits).
// Rows read a document with its format's builder, then ask the entry what a caller would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentFormat } from '../../../server/src/model';
import { FORMATS, detectFormat } from '../../../server/src/documents/formats';
import { parseDocument } from '../../../server/src/documents/index';
import { csv, fhir, x12 } from '../checks/harness';

test('each format but one is recognised by its content; the one without a test is the fallback', () => {
  const entries = Object.entries(FORMATS) as [DocumentFormat, (typeof FORMATS)[DocumentFormat]][];
  assert.deepEqual(entries.filter(([, e]) => e.recognisers.length === 0).map(([f]) => f), ['prose']);
  const orders = entries.flatMap(([, e]) => e.recognisers.map((r) => r.order));
  assert.equal(new Set(orders).size, orders.length, 'one place in the order per test');
  assert.equal(detectFormat('nothing in particular'), 'prose');
});

interface RemovalRow {
  name: string;
  format: DocumentFormat;
  text: string;
  /** which modifier of the first line */
  index: number;
  /** the text after the edit; undefined: the format offers no edit */
  after: string | undefined;
}

/** the document read whole, the entry's edit applied to the text */
function checkRemovals(rows: RemovalRow[]): void {
  for (const row of rows) {
    const doc = parseDocument(row.text, { languageId: row.format === 'fhir' ? 'json' : row.format === 'prose' ? 'markdown' : row.format });
    assert.equal(doc.format, row.format, `${row.name}: read as ${row.format}`);
    const line = doc.claims.flatMap((c) => c.lines)[0];
    assert.ok(line, `${row.name}: a line`);
    const edit = FORMATS[row.format].removeModifier(row.text, line, row.index, doc.x12);
    const after = edit && row.text.slice(0, edit.range.start) + edit.newText + row.text.slice(edit.range.end);
    assert.equal(after, row.after, row.name);
  }
}

const sv1 = (composite: string) => x12(`LX*1`, `SV1*${composite}*125*UN*5***1`);

test('each format removes a modifier its own way, or not at all', () =>
  checkRemovals([
    { name: 'X12: the last modifier and its separator', format: 'x12', text: sv1('HC:J7507:KX'), index: 0, after: sv1('HC:J7507') },
    { name: 'X12: a middle modifier, the next moves up', format: 'x12', text: sv1('HC:J7507:KX:JW'), index: 0, after: sv1('HC:J7507:JW') },
    { name: 'X12: SV101-7 stays in place behind an empty position', format: 'x12', text: sv1('HC:J7507:KX:JW:::tacrolimus'), index: 0, after: sv1('HC:J7507:JW::::tacrolimus') },
    { name: 'X12: a fourth modifier before the description', format: 'x12', text: sv1('HC:J7507:KX:JW:GA:59:tacrolimus'), index: 3, after: sv1('HC:J7507:KX:JW:GA::tacrolimus') },
    { name: 'CSV: the cell is emptied, the columns stay', format: 'csv', text: csv('J7507,KX,JW,5,,2025-11-05,'), index: 0, after: csv('J7507,,JW,5,,2025-11-05,') },
    { name: 'CSV: the second modifier cell', format: 'csv', text: csv('J7507,KX,JW,5,,2025-11-05,'), index: 1, after: csv('J7507,KX,,5,,2025-11-05,') },
    { name: 'FHIR: a modifier object is not a small text edit', format: 'fhir', text: fhir({ code: 'J7507', modifiers: ['KX'] }), index: 0, after: undefined },
    { name: 'prose: the hyphen and the modifier', format: 'prose', text: 'Billed J7507-KX x 5 units on 2025-11-05.', index: 0, after: 'Billed J7507 x 5 units on 2025-11-05.' },
    { name: 'prose: the second of two modifiers', format: 'prose', text: 'Billed J7507-KX-JW x 5 units on 2025-11-05.', index: 1, after: 'Billed J7507-KX x 5 units on 2025-11-05.' },
    { name: 'no such modifier', format: 'x12', text: sv1('HC:J7507:KX'), index: 3, after: undefined },
  ]));

test('traits say what checks and features ask instead of naming a format', () => {
  const rows: { format: DocumentFormat; claimMoney: boolean; bareNdc: boolean; sentences: boolean; inlayHints: boolean; completion: string; rereads: boolean }[] = [
    { format: 'x12', claimMoney: true, bareNdc: true, sentences: false, inlayHints: true, completion: 'segment', rereads: true },
    { format: 'csv', claimMoney: false, bareNdc: false, sentences: false, inlayHints: true, completion: 'model', rereads: false },
    { format: 'fhir', claimMoney: false, bareNdc: false, sentences: false, inlayHints: false, completion: 'model', rereads: false },
    { format: 'prose', claimMoney: false, bareNdc: false, sentences: true, inlayHints: false, completion: 'sentence', rereads: false },
  ];
  assert.deepEqual(rows.map((r) => r.format).sort(), Object.keys(FORMATS).sort(), 'a row per format');
  for (const r of rows) {
    const { traits, rereadClaim } = FORMATS[r.format];
    assert.deepEqual({ ...traits, rereads: rereadClaim !== undefined }, { claimMoney: r.claimMoney, bareNdc: r.bareNdc, sentences: r.sentences, inlayHints: r.inlayHints, completion: r.completion, rereads: r.rereads }, r.format);
  }
});
