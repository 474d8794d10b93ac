// One reader for rule settings: the editor's hcpcs.rules and .hcpcsrc.json "rules" accept the same
// ids (every catalogue id, reader problems included) and read each value the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingIds } from '../../../server/src/checks/catalogue';
import { parseConfig } from '../../../server/src/checks/config';
import { settingsFromEditor } from '../../../server/src/settings';

const fromEditor = (id: string, value: unknown) => settingsFromEditor({ rules: { [id]: value } }).rules[id];
const fromFile = (id: string, value: unknown) => {
  const parsed = parseConfig(JSON.stringify({ rules: { [id]: value } }));
  return { setting: parsed.settings.rules?.[id], problems: parsed.problems.map((p) => p.message) };
};

const valid: [value: unknown, expected: unknown][] = [
  ['off', { enabled: false }],
  ['on', { enabled: true }],
  ['error', { enabled: true, severity: 'error' }],
  ['hint', { enabled: true, severity: 'hint' }],
  [true, { enabled: true }],
  [false, { enabled: false }],
  [{ enabled: false }, { enabled: false }],
  [{ severity: 'information' }, { enabled: true, severity: 'information' }],
];

for (const id of findingIds) {
  test(`${id}: both settings sources accept it and read every value form alike`, () => {
    for (const [value, expected] of valid) {
      const file = fromFile(id, value);
      assert.deepEqual(file.problems, [], `${JSON.stringify(value)} in .hcpcsrc.json`);
      assert.deepEqual(file.setting, expected, `.hcpcsrc.json ${JSON.stringify(value)}`);
      assert.deepEqual(fromEditor(id, value), expected, `hcpcs.rules ${JSON.stringify(value)}`);
    }
  });
}

const invalid: [value: unknown, message: RegExp][] = [
  ['warn', /did you mean "warning"/],
  [3, /must be "off", "on", a severity/],
  [[], /must be "off", "on", a severity/],
  [null, /must be "off", "on", a severity/],
];

for (const [value, message] of invalid) {
  test(`value ${JSON.stringify(value)}: neither source makes a setting of it; the file says why`, () => {
    const file = fromFile('missing-kx', value);
    assert.equal(file.setting, undefined);
    assert.match(file.problems.join('\n'), message);
    assert.equal(fromEditor('missing-kx', value), undefined);
  });
}

test('an unknown id is a problem in .hcpcsrc.json, with a suggestion', () => {
  assert.match(fromFile('x12-damaged-isb', 'off').problems.join('\n'), /Unknown rule id "x12-damaged-isb" \(did you mean "x12-damaged-isa"\?\)/);
});
