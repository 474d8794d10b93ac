// The diagnostic catalogue is the one place a finding id is declared: the rules folder is the
// registry, and the schema, package.json, docs pages, SARIF metadata and rule tables agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, findingIds, sarifRuleMetadata, type CatalogueEntry } from '../../../server/src/checks/catalogue';
import { rules } from '../../../server/src/checks/index';
import { repoRoot } from '../../support/paths';
import { pageIds, readPage } from './docs-pages';

const read = (...parts: string[]) => readFileSync(join(repoRoot, ...parts), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

test('registry: every file in server/src/checks/rules is a rule whose id is its file name', () => {
  const files = readdirSync(join(repoRoot, 'server/src/checks/rules')).filter((n) => n.endsWith('.ts')).map((n) => n.slice(0, -3)).sort();
  assert.deepEqual(rules.map((r) => r.id).sort(), files);
});

const rows: [string, (e: CatalogueEntry) => string | undefined][] = [
  ['id is lower-case words joined by hyphens', (e) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id) ? undefined : e.id)],
  ['title is a phrase, not a sentence', (e) => (e.title.length >= 10 && !e.title.endsWith('.') ? undefined : e.title)],
  ['policy source names a document', (e) => (e.source.ref.length >= 10 ? undefined : e.source.ref)],
  ['since is a version', (e) => (/^\d+\.\d+\.\d+$/.test(e.since) ? undefined : e.since)],
  ['docs is docs/rules/<id>.md', (e) => (e.docs === `docs/rules/${e.id}.md` ? undefined : e.docs)],
  ['a rule runs in at least one profile', (e) => (e.profiles === 'all' || e.profiles.length > 0 ? undefined : 'no profile')],
];
for (const [name, bad] of rows) {
  test(`catalogue: ${name}`, () => {
    const wrong = catalogue.flatMap((e) => (bad(e) === undefined ? [] : [`${e.id}: ${bad(e)}`]));
    assert.deepEqual(wrong, []);
  });
}

test('catalogue: ids are unique across rules and problems', () => {
  assert.equal(new Set(findingIds).size, findingIds.length);
});

test('docs: a page for every catalogue id, and no page without one', () => {
  assert.deepEqual(pageIds(), [...findingIds].sort());
});

test('JSON Schema and package.json name exactly the catalogue ids, in catalogue order', () => {
  const schema = JSON.parse(read('schemas/hcpcsrc.schema.json'));
  assert.deepEqual(schema.properties.rules.propertyNames.enum, [...findingIds]);
  const setting = JSON.parse(read('package.json')).contributes.configuration.properties['hcpcs.rules'];
  assert.deepEqual(setting.propertyNames.enum, [...findingIds]);
  // the editor setting takes the same values as .hcpcsrc.json (one reader: rule-setting.ts)
  assert.deepEqual(setting.additionalProperties.oneOf, schema.definitions.ruleSetting.oneOf.map((o: Record<string, unknown>) => (o.properties ? { ...o, properties: { enabled: { type: 'boolean' }, severity: schema.definitions.severity } } : o)));
});

/** what a page's "Configure" section must say, from the catalogue */
function configureLine(e: CatalogueEntry): string {
  if (e.kind === 'problem') return `Default severity: **${e.defaultSeverity}**.`;
  const profiles = e.profiles === 'all' ? [] : e.profiles;
  const where =
    profiles.length === 3
      ? 'Runs in every profile.'
      : profiles.length === 1
        ? `Runs in the \`${profiles[0]}\` profile only.`
        : `Runs in the ${profiles.map((p) => `\`${p}\``).join(' and ')} profiles (not in \`none\`).`;
  return `${e.defaultEnabled ? `Default severity: **${e.defaultSeverity}**.` : 'Off by default.'} ${where}`;
}

for (const entry of catalogue) {
  test(`docs/rules/${entry.id}.md: configuration section and title agree with the catalogue`, () => {
    const page = readPage(entry.id);
    assert.match(page.markdown, new RegExp(`^# \`${entry.id}\`: \\S`), 'title line names the id');
    assert.ok(page.configure.includes(configureLine(entry)), `Configure says "${configureLine(entry)}"\n${page.configure}`);
    if (entry.id !== 'invalid-config') assert.ok(page.configure.includes(`{ "rules": { "${entry.id}": "off" } }`), 'shows how to turn it off');
  });
}

test('SARIF rule metadata: every id has short and full descriptions, help and its page', () => {
  for (const entry of catalogue) {
    const uri = `https://example.invalid/docs/rules/${entry.id}.md`;
    const m = sarifRuleMetadata(entry, uri);
    assert.equal(m.id, entry.id);
    assert.equal(m.shortDescription.text, entry.title);
    assert.ok(m.fullDescription.text.includes(entry.source.ref), `${entry.id} fullDescription cites its source`);
    assert.ok(m.help.text.includes(uri) && m.help.markdown.includes(uri));
    assert.equal(m.helpUri, uri);
    assert.equal(sarifRuleMetadata(entry).helpUri, undefined, 'no helpUri when the address is unknown');
  }
});

test('test lists: every rule has a table in test/unit/checks, every problem id a test that names it', () => {
  const tests = [...filesUnder('test/unit'), ...filesUnder('test/protocol'), ...filesUnder('test/robustness')].filter((f) => !f.includes('/structure/')).map((f) => read(f)).join('\n');
  const missing = catalogue.filter((e) => !(e.kind === 'rule' ? tests.includes(`checkRule(t, '${e.id}'`) : tests.includes(`'${e.id}'`)));
  assert.deepEqual(missing.map((e) => e.id), []);
});
