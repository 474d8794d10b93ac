// Code actions: each quick fix applied to the text changes exactly its edit; the commands carry the
// code / descriptor; findings outside the range give nothing. Rows in every format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, COPY_DESCRIPTOR_COMMAND, SHOW_DRUG_CODES_COMMAND } from '../../../server/src/features/code-actions';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import type { CodeSet } from '../../../server/src/codeset/types';
import { applyEdits, build, coreSet, fullSet } from './support';
import { csv, fhir, fhirItem, x12p } from './samples';

interface Expect {
  /** quick fix title -> the whole text after applying it */
  fixes?: [string, string][];
  /** quick fixes that must not be offered */
  noFix?: RegExp[];
  /** command titles, with their command id and arguments */
  commands?: [string, string, unknown[]][];
  /** no commands at all */
  noCommands?: true;
}

/** one caret = empty range; two carets = a range */
function checkActions(marked: string, lang: string, expected: Expect, codeset: CodeSet): void {
  const { ctx, carets } = build(marked, { languageId: lang, codeset });
  const [start = 0, end = start] = carets;
  const actions = codeActions(ctx, { start, end });
  const doc = ctx.textDocument;
  const quickfixes = actions.filter((a) => a.kind === 'quickfix');
  const titles = quickfixes.map((a) => a.title);
  // every quick fix is exactly one Fix of a finding in range, with that finding's diagnostic attached
  for (const action of quickfixes) {
    const owner = ctx.findings.find((f) => f.range.start <= end && start <= f.range.end && f.fixes.some((x) => x.title === action.title));
    assert.ok(owner, `"${action.title}" comes from a finding in range`);
    const fix = owner.fixes.find((x) => x.title === action.title);
    const edits = action.edit?.changes?.[doc.uri] ?? [];
    assert.deepEqual(
      edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end), e.newText]),
      fix?.edits.map((e) => [e.range.start, e.range.end, e.newText]),
      `"${action.title}" has exactly its fix's edits`,
    );
    assert.deepEqual(action.diagnostics, [toDiagnostic(doc, owner)]);
    assert.equal(action.isPreferred ?? false, fix?.preferred ?? false);
  }
  for (const [title, after] of expected.fixes ?? []) {
    const action = quickfixes.find((a) => a.title === title);
    assert.ok(action, `quick fix "${title}" offered; got ${JSON.stringify(titles)}`);
    assert.equal(applyEdits(doc, action.edit?.changes?.[doc.uri] ?? []), after, title);
  }
  for (const re of expected.noFix ?? []) assert.ok(!titles.some((t) => re.test(t)), `no fix like ${re}; got ${JSON.stringify(titles)}`);
  const commands = actions.filter((a) => a.command);
  if (expected.noCommands) assert.deepEqual(commands, []);
  for (const [title, id, args] of expected.commands ?? []) {
    const action = commands.find((a) => a.title === title);
    assert.ok(action, `command "${title}"; got ${JSON.stringify(commands.map((c) => c.title))}`);
    assert.equal(action.command?.command, id);
    assert.deepEqual(action.command?.arguments, args);
  }
}

const line = (sv1: string, date = '20251105', extra = '') => `LX*1~\n${sv1}\nDTP*472*D8*${date}~${extra}`;
const NDC = '\nLIN**N4*50242004062~\nCTP****1*UN~';

const rows: [string, string, string, Expect][] = [
  ['837P missing JZ: add it to the composite', x12p(line('SV1*HC:J2‸357*500*UN*30***1~', '20251105', NDC)), 'x12', {
    fixes: [['Add JZ (no drug discarded)', x12p(line('SV1*HC:J2357:JZ*500*UN*30***1~', '20251105', NDC))]],
    commands: [
      ['Show all codes for omalizumab', SHOW_DRUG_CODES_COMMAND, ['J2357']],
      ['Copy long descriptor of J2357', COPY_DESCRIPTOR_COMMAND, ['Injection, omalizumab, 5 mg']],
    ],
  }],
  ['837P JG after 2024: replace with TB', x12p(line('SV1*HC:J2357:JZ:J‸G*500*UN*30***1~', '20251105', NDC)), 'x12', {
    fixes: [['Replace JG with TB', x12p(line('SV1*HC:J2357:JZ:TB*500*UN*30***1~', '20251105', NDC))]],
  }],
  ['837P JW on an oral drug: remove it', x12p(line('SV1*HC:J7507:KX:J‸W*125*UN*5***1~')), 'x12', {
    fixes: [['Remove JW', x12p(line('SV1*HC:J7507:KX*125*UN*5***1~'))]],
  }],
  ['837P fractional units: round up', x12p(line('SV1*HC:J7507:KX*125*UN*‸1.5***1~')), 'x12', {
    fixes: [['Round up to 2 units', x12p(line('SV1*HC:J7507:KX*125*UN*2***1~'))]],
  }],
  ['837P a range over the whole line collects every fix on it', x12p(line('‸SV1*HC:J2357:JG*500*UN*30***1~‸', '20251105', NDC)), 'x12', {
    fixes: [['Replace JG with TB', x12p(line('SV1*HC:J2357:TB*500*UN*30***1~', '20251105', NDC))]],
  }],
  ['837P a range away from the findings: no fixes, no commands', x12p(line('SV1*HC:J2357*500*UN*30***1~', '20251105', NDC)).replace('GS*HC', 'GS*‸HC'), 'x12', {
    noFix: [/./], noCommands: true,
  }],
  ['837P NOC code: copy the descriptor, no drug to list', x12p(line('SV1*HC:J75‸99*100*UN*1***1~')), 'x12', {
    commands: [['Copy long descriptor of J7599', COPY_DESCRIPTOR_COMMAND, ['Immunosuppressive drug, not otherwise classified']]],
  }],
  ['CSV missing JZ', csv(['C1,1,J23‸57,,,30,50242004062,2025-11-05']), 'csv', {
    fixes: [['Add JZ (no drug discarded)', csv(['C1,1,J2357,JZ,,30,50242004062,2025-11-05'])]],
  }],
  ['FHIR JG after 2024: replace with TB', fhir(fhirItem('J2357', { modifiers: ['JZ', 'J‸G'], quantity: 30, date: '2025-11-05' })), 'json', {
    fixes: [['Replace JG with TB', fhir(fhirItem('J2357', { modifiers: ['JZ', 'TB'], quantity: 30, date: '2025-11-05' }))]],
  }],
  ['prose: tacrolimus code commands', 'Gave tacrolimus J75‸07 x 5 units with KX.\n', 'plaintext', {
    commands: [
      ['Show all codes for tacrolimus', SHOW_DRUG_CODES_COMMAND, ['J7507']],
      ['Copy long descriptor of J7507', COPY_DESCRIPTOR_COMMAND, ['Tacrolimus, immediate release, oral, 1 mg']],
    ],
  }],
];

const sets: [string, () => CodeSet][] = [
  ['core', coreSet],
  ['full', fullSet],
];
for (const [setName, load] of sets) {
  for (const [name, text, lang, expected] of rows) {
    test(`code actions [${setName}] ${name}`, () => {
      const codeset = load();
      checkActions(text, lang, expected, codeset);
    });
  }
}
