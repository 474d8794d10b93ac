// Every docs page's "fires" examples fire its id and its "does not fire" examples stay silent, run
// through the same service the editor and the CLI use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from '../../../server/src/checks/catalogue';
import { parseConfig } from '../../../server/src/checks/config';
import { mergeSettings } from '../../../server/src/checks/config';
import { defaultSettings } from '../../../server/src/settings';
import { createService } from '../../../server/src/service';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { coreCodeSet, fullCodeSet, TODAY, x12 } from '../checks/harness';
import { shippedGuidance } from '../features/support';
import { fixtureDiagnosisCodes } from '../../support/icd10';
import { readPage, type DocExample } from './docs-pages';

/** the ids the service reports for the example's document (a .hcpcsrc.json example: invalid-config, as server.ts does) */
function idsFor(example: DocExample): { ids: string[]; severities: Map<string, string> } {
  if (example.lang === 'hcpcsrc') {
    const problems = parseConfig(example.text).problems;
    return { ids: problems.length ? ['invalid-config'] : [], severities: new Map(problems.length ? [['invalid-config', 'error']] : []) };
  }
  const codeset = fullCodeSet() ?? coreCodeSet();
  const { text, languageId } = documentOf(example);
  // the page writes settings as .hcpcsrc.json says them; they must be valid there
  const config = example.settings ? parseConfig(JSON.stringify(example.settings)) : undefined;
  assert.deepEqual(config?.problems ?? [], [], "the example's settings are a valid .hcpcsrc.json");
  const settings = mergeSettings(defaultSettings, config?.settings);
  const service = createService({ codeset, diagnosisCodes: fixtureDiagnosisCodes(), guidance: shippedGuidance(), settings, today: () => TODAY });
  const found = service.findings(TextDocument.create(`file:///docs/example.${languageId}`, languageId, 1, text));
  return { ids: found.map((f) => f.ruleId), severities: new Map(found.map((f) => [f.ruleId, f.severity])) };
}

const SEGMENT = /^[A-Z][A-Z0-9]{1,2}\*/;

function documentOf(example: DocExample): { text: string; languageId: string } {
  switch (example.lang) {
    case '':
    case 'x12': {
      const lines = example.text.split('\n').filter((l) => l.trim());
      const fragment = lines.every((l) => SEGMENT.test(l)) && !/^\s*ISA/.test(example.text);
      // no info string: loop-2400 segments go into the harness's 837P, anything else is prose;
      // `x12`: a whole interchange, as written
      if (example.lang === '' && fragment) return { text: x12(...lines.map((l) => l.trim())), languageId: 'x12' };
      return { text: example.text.endsWith('\n') ? example.text : `${example.text}\n`, languageId: example.lang === 'x12' ? 'x12' : 'plaintext' };
    }
    case 'csv':
      return { text: example.text.endsWith('\n') ? example.text : `${example.text}\n`, languageId: 'csv' };
    case 'json':
      return { text: example.text, languageId: 'json' };
    default:
      return { text: example.text, languageId: 'plaintext' };
  }
}

/** ids whose page cannot show a document that triggers them, and why */
const NOT_REPRODUCIBLE_BY_INPUT: Record<string, string> = {
  'reader-failed': 'only a reader bug raises it; the reader tests inject one (test/unit/documents)',
  'codeset-unreadable': 'only a damaged or changed compiled code set raises it; test/unit/checks/codeset-unreadable covers it',
  'too-many-problems': 'needs 201 problems in one file; test/unit/documents covers the cap',
  'too-many-findings': 'needs more than 5,000 findings in one file; test/robustness/bounded-findings covers the cap',
  'csv-too-many-columns': 'needs a row of more than 2,048 cells; test/robustness/hostile-import covers the budget',
};

for (const entry of catalogue) {
  test(`docs/rules/${entry.id}.md: its examples fire and stay silent as they say`, () => {
    const page = readPage(entry.id);
    const why = NOT_REPRODUCIBLE_BY_INPUT[entry.id];
    if (why) {
      // the page says so instead of showing an example that would not fire
      assert.equal(page.fires.length, 0, `no fires example for an id no input can trigger (${why})`);
      assert.match(page.markdown, /## Examples\n/);
      return;
    }
    assert.ok(page.fires.length > 0, 'the page has an "Example that fires"');
    assert.ok(page.silent.length > 0, 'the page has an "Example that does not fire"');
    for (const example of page.fires) {
      const { ids, severities } = idsFor(example);
      assert.ok(ids.includes(entry.id), `fires example should report ${entry.id}; got [${ids.join(', ')}]\n${example.text}`);
      assert.equal(severities.get(entry.id), entry.defaultSeverity, 'at the catalogue severity');
    }
    for (const example of page.silent) {
      const { ids } = idsFor(example);
      assert.ok(!ids.includes(entry.id), `does-not-fire example reports ${entry.id}\n${example.text}`);
    }
  });
}
