// The built ICD-10-CM list keeps its titles in a file of their own (dist/icd10cm.titles.json): checks
// judge codes by kind and never read a title, so hcpcs-check never reads that file; hover and
// completion read it on the first title asked and show the same as a list with its titles inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ICD10_INDEX_VERSION, splitTitles, type Icd10Index } from '../../../server/src/codeset/icd10';
import { importIcd10 } from '../../../server/src/codeset/import/icd10cm';
import { ICD10_BUILT_FILE, ICD10_TITLES_FILE, loadBuiltIcd10 } from '../../../server/src/node/icd10-store';
import { makeService, runTask } from '../../../server/src/cli/task';
import { hover } from '../../../server/src/features/hover';
import { complete } from '../../../server/src/features/completion';
import { defaultSettings } from '../../../server/src/settings';
import { coreCodeSet } from '../../support/codesets';
import { ICD10_FIXTURE, fixtureDiagnosisCodes } from '../../support/icd10';
import { build, CARET } from '../features/support';
import { x12 } from '../checks/harness';

const TODAY = '2025-11-20';
const index = (): Icd10Index => {
  const imported = importIcd10(readFileSync(ICD10_FIXTURE), 'icd10cm-order-2026.txt');
  if (!imported.ok) throw new Error(imported.error);
  return imported.index;
};

/** a dist folder as the build leaves it: the list without titles, the titles beside it (or a bad titles file) */
function dist(titles: 'good' | 'none' | 'other list' | 'other version' = 'good'): string {
  const dir = mkdtempSync(join(tmpdir(), 'icd10-titles-'));
  const split = splitTitles(index());
  writeFileSync(join(dir, ICD10_BUILT_FILE), JSON.stringify(split.list));
  const file = join(dir, ICD10_TITLES_FILE);
  if (titles === 'good') writeFileSync(file, JSON.stringify(split.titles));
  if (titles === 'other list') writeFileSync(file, JSON.stringify({ ...split.titles, releases: split.titles.releases.map((r) => ({ ...r, codeCount: r.codeCount + 1 })) }));
  if (titles === 'other version') writeFileSync(file, JSON.stringify({ ...split.titles, version: ICD10_INDEX_VERSION + 1 }));
  return dir;
}

const claim = (hi: string) => x12(hi, 'LX*1', 'SV1*HC:J7507*125*UN*5***1', 'DTP*472*D8*20251105');

test('the build splits the titles out: the list holds none, the titles file holds them all', () => {
  const whole = index();
  const { list, titles } = splitTitles(whole);
  assert.equal((list as Icd10Index).titles, undefined);
  assert.deepEqual({ ...list, titles: whole.titles }, whole);
  assert.deepEqual(titles.releases, [{ id: whole.id, codeCount: whole.codes.length / 7, titles: whole.titles }]);
  assert.ok(JSON.stringify(list).length < JSON.stringify(whole).length / 2, 'the titles are most of the list');
});

test('a check run never reads the titles; hover and completion read them and show what the whole list shows', () => {
  const dir = dist();
  const loaded = loadBuiltIcd10(dir, (e) => assert.fail(e));
  assert.ok(loaded?.ok);
  const codes = loaded.codes;
  const release = () => codes.releases[0]!;
  // the claim's diagnoses: billable, a header (the rule counts the billable codes under it), unknown
  const service = makeService(coreCodeSet(), defaultSettings, TODAY, codes);
  const eager = makeService(coreCodeSet(), defaultSettings, TODAY, fixtureDiagnosisCodes());
  const task = { kind: 'doc', doc: { id: 'dx', languageId: '', text: claim('HI*ABK:E119*ABF:E11*ABF:E1199') } } as const;
  const result = runTask(service, task);
  assert.deepEqual(result, runTask(eager, task));
  assert.ok(result.findings.some((f) => f.ruleId === 'diagnosis-not-billable'), 'the header is judged');
  assert.equal(release().titlesRead, false, 'checks read no title');
  // the titles file is gone: a check run does not notice
  rmSync(join(dir, ICD10_TITLES_FILE));
  assert.deepEqual(runTask(service, task), result);
  writeFileSync(join(dir, ICD10_TITLES_FILE), JSON.stringify(splitTitles(index()).titles));
  // hover: the title, as with the whole list
  const card = (diagnosisCodes: typeof codes) => {
    const { ctx, carets } = build(claim(`HI*ABK:E1${CARET}19`), { languageId: 'x12', diagnosisCodes });
    return (hover(ctx, carets[0]!)!.contents as { value: string }).value;
  };
  const shown = card(codes);
  assert.match(shown, /\*\*E11\.9\*\* — Type 2 diabetes mellitus without complications/);
  assert.equal(shown, card(fixtureDiagnosisCodes()));
  assert.equal(release().titlesRead, true);
  // completion: the titles as details
  const items = (diagnosisCodes: typeof codes) => {
    const { ctx, carets } = build(claim(`HI*ABK:E116${CARET}`), { languageId: 'x12', diagnosisCodes });
    return complete(ctx, carets[0]!).items.map((i) => `${i.label} ${i.detail}`);
  };
  assert.deepEqual(items(codes), items(fixtureDiagnosisCodes()));
  assert.ok(items(codes).includes('E11.641 Type 2 diabetes mellitus with hypoglycemia with coma'));
});

test('titles that cannot be read: codes without titles, and one error when first asked', () => {
  const why: Record<'none' | 'other list' | 'other version', RegExp> = {
    none: /cannot be read \(it does not exist\)/,
    'other list': /the titles file has no titles for ICD-10-CM FY2026 \(47 codes\): compile it again/,
    'other version': new RegExp(`ICD-10-CM titles version ${ICD10_INDEX_VERSION + 1}, expected ${ICD10_INDEX_VERSION}: compile it again`),
  };
  for (const [kind, reason] of Object.entries(why) as [keyof typeof why, RegExp][]) {
    const errors: string[] = [];
    const loaded = loadBuiltIcd10(dist(kind), (e) => errors.push(e));
    assert.ok(loaded?.ok, kind);
    const found = loaded.codes.lookup('E119', '2025-11-05');
    assert.ok(found.release && found.entry.kind === 'billable', kind);
    assert.deepEqual(errors, [], `${kind}: nothing read before a title is asked`);
    assert.equal(found.entry.title, undefined, kind);
    assert.deepEqual(loaded.codes.billableUnder('E116', '2025-11-05', 2), [{ code: 'E11641', title: '' }, { code: 'E11649', title: '' }], kind);
    assert.equal(errors.length, 1, kind);
    assert.match(errors[0]!, /^ICD-10-CM: the titles in .*icd10cm\.titles\.json could not be loaded \(.*\); codes are shown without them\.$/, kind);
    assert.match(errors[0]!, reason, kind);
  }
});

test('a list of another version is refused with a clear message', () => {
  const dir = dist();
  writeFileSync(join(dir, ICD10_BUILT_FILE), JSON.stringify({ ...splitTitles(index()).list, version: 1 }));
  const loaded = loadBuiltIcd10(dir);
  assert.ok(loaded && !loaded.ok);
  assert.match(loaded.error, new RegExp(`compiled ICD-10-CM index version 1, expected ${ICD10_INDEX_VERSION}: compile it again`));
});
