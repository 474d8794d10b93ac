// One table of languages and extensions (server/src/base/languages.ts): detection, the CLI, the
// client's document selector and package.json agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSelector, FORMAT_LANGUAGES, languageOfExtension } from '../../../server/src/base/languages';
import { detectFormat } from '../../../server/src/documents/formats';
import { repoRoot } from '../../support/paths';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

const rows = Object.entries(FORMAT_LANGUAGES).flatMap(([format, languages]) => languages.map((l) => [format, l] as const));

for (const [format, language] of rows) {
  test(`${language.id}: detection reads it as ${format}, by language id and by each extension`, () => {
    // text no reader claims by content, so the hint decides
    assert.equal(detectFormat('hello', { languageId: language.id }), format);
    for (const x of language.extensions) {
      assert.equal(detectFormat('hello', { uri: `file:///a/claim${x}` }), format, x);
      assert.equal(languageOfExtension[x], language.id, x);
    }
  });
}

test('unknown languages and extensions stay prose', () => {
  assert.equal(detectFormat('hello', { languageId: 'rust', uri: 'file:///a/b.rs' }), 'prose');
});

test('package.json: the x12 language lists the table\'s X12 extensions', () => {
  const x12 = pkg.contributes.languages.find((l: { id: string }) => l.id === 'x12');
  assert.deepEqual(x12.extensions, FORMAT_LANGUAGES.x12.find((l) => l.id === 'x12')!.extensions);
});

test('package.json: the extension activates for every language the client selects', () => {
  const events = new Set<string>(pkg.activationEvents);
  const missing = [...new Set(documentSelector.map((s) => s.language))].filter((id) => !events.has(`onLanguage:${id}`));
  assert.deepEqual(missing, []);
});

test('the client and the CLI take their lists from the table, not their own', () => {
  const client = readFileSync(join(repoRoot, 'client/src/extension.ts'), 'utf8');
  assert.doesNotMatch(client, /language:\s*'/, 'client/src/extension.ts spells a language id');
  const cli = readFileSync(join(repoRoot, 'server/src/cli.ts'), 'utf8');
  assert.doesNotMatch(cli, /'\.837'/, 'server/src/cli.ts spells an extension');
});
