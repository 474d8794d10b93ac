// Guidance files: parsing (table of header/section cases) and the shipped library's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import files from 'virtual:guidance';
import { GUIDANCE_SECTIONS, loadGuidance, parseGuidanceFile, type GuidanceEntry } from '../../../server/src/features/guidance';

const sections = GUIDANCE_SECTIONS.map((s) => `## ${s}\nText for ${s}.\n`).join('\n');

function checkParse(name: string, text: string, expected: Partial<Pick<GuidanceEntry, 'title' | 'codes' | 'ranges' | 'topics'>> | undefined, problems: RegExp[] = []) {
  const found: string[] = [];
  const entry = parseGuidanceFile(name, text, found);
  if (expected === undefined) assert.equal(entry, undefined, `${name}: expected no entry`);
  else {
    assert.ok(entry, `${name}: expected an entry`);
    for (const [k, v] of Object.entries(expected)) assert.deepEqual((entry as unknown as Record<string, unknown>)[k], v, `${name}: ${k}`);
  }
  assert.equal(found.length, problems.length, `${name}: problems ${JSON.stringify(found)}`);
  problems.forEach((p, i) => assert.match(found[i] ?? '', p, name));
}

const parseRows: [string, string, Parameters<typeof checkParse>[2], RegExp[]?][] = [
  ['codes', `---\ncodes: J7507\ntitle: T\nupdated: 2026-01-01\n---\n${sections}`, { title: 'T', codes: ['J7507'] }],
  ['several codes, lower case', `---\ncodes: j7507, J7508\ntitle: T\n---\n${sections}`, { codes: ['J7507', 'J7508'] }],
  ['range with en dash', `---\nrange: J7500–J7599\ntitle: T\n---\n${sections}`, { ranges: [{ from: 'J7500', to: 'J7599' }] }],
  ['topic', `---\napplies: noc\ntitle: T\n---\n${sections}`, { topics: ['noc'] }],
  ['CRLF and BOM', `\uFEFF---\r\ncodes: J7402\r\ntitle: T\r\n---\r\n${sections.replace(/\n/g, '\r\n')}`, { codes: ['J7402'] }],
  ['no header', `${sections}`, undefined, [/no front-matter/]],
  ['unknown key', `---\ncodes: J7507\nauthor: x\ntitle: T\n---\n${sections}`, { codes: ['J7507'] }, [/unknown header key: author/]],
  ['bad code', `---\ncodes: J75\ntitle: T\n---\n${sections}`, { codes: [] }, [/not a code: J75/, /names no codes/]],
  ['range across letters', `---\nrange: A0001-J0001\ntitle: T\n---\n${sections}`, { ranges: [] }, [/not a range/, /names no codes/]],
  ['unknown topic', `---\napplies: vaccines\ntitle: T\n---\n${sections}`, { topics: [] }, [/unknown topic/, /names no codes/]],
  ['missing section', `---\ncodes: J7507\ntitle: T\n---\n## Clinical context\nx\n`, { codes: ['J7507'] }, GUIDANCE_SECTIONS.slice(1).map((s) => new RegExp(`missing section: ${s}`))],
  ['unknown section', `---\ncodes: J7507\ntitle: T\n---\n${sections}## Pricing\nx\n`, { codes: ['J7507'] }, [/unknown section: Pricing/]],
];
for (const [name, text, expected, problems] of parseRows) test(`parse: ${name}`, () => checkParse(name, text, expected, problems));

test('parse: section bodies are kept in order without their headings', () => {
  const entry = parseGuidanceFile('x.md', `---\ncodes: J7507\ntitle: T\n---\nintro ignored\n${sections}`, []);
  assert.ok(entry);
  assert.deepEqual(Object.keys(entry.sections), [...GUIDANCE_SECTIONS]);
  assert.equal(entry.sections['Common modifiers'], 'Text for Common modifiers.');
});

test('lookup order: specific code, then the narrowest family, then the wider one', () => {
  const lib = loadGuidance({
    'a-wide.md': `---\nrange: J0000-J9999\ntitle: Wide\n---\n${sections}`,
    'b-narrow.md': `---\nrange: J7500-J7599\ntitle: Narrow\n---\n${sections}`,
    'c-code.md': `---\ncodes: J7507\ntitle: Code\n---\n${sections}`,
  });
  assert.deepEqual(lib.forCode('j7507').map((m) => [m.entry.title, m.kind]), [['Code', 'code'], ['Narrow', 'range'], ['Wide', 'range']]);
  assert.deepEqual(lib.forCode('J2357').map((m) => m.entry.title), ['Wide']);
  assert.deepEqual(lib.forCode('A0425'), []);
});

// the shipped files
const library = loadGuidance(files);
test('shipped guidance parses without problems', () => {
  assert.deepEqual(library.problems, []);
  assert.ok(library.entries.length >= 9);
});
const shipped: [string, string][] = [
  ['J7507', 'J7507.md'],
  ['J7520', 'J7520.md'],
  ['J7502', 'J7502.md'],
  ['J7599', 'J7599.md'],
  ['J7402', 'J7402.md'],
  ['J7517', 'immunosuppressives-J7500-J7599.md'],
];
for (const [code, file] of shipped) {
  test(`shipped guidance: ${code} -> ${file} first, with all six sections`, () => {
    const first = library.forCode(code)[0];
    assert.equal(first?.entry.file, file);
    for (const s of GUIDANCE_SECTIONS) assert.ok(first?.entry.sections[s]?.length, `${file}: ${s}`);
  });
}
test('shipped guidance: J7507 also reaches the immunosuppressive family', () => {
  assert.deepEqual(library.forCode('J7507').map((m) => m.entry.file), ['J7507.md', 'immunosuppressives-J7500-J7599.md']);
});
test('shipped guidance: topic files exist for injectables, NOC codes and JW/JZ', () => {
  const topics = library.entries.flatMap((e) => e.topics).sort();
  assert.deepEqual(topics, ['asp-injectable', 'injectable', 'noc']);
});

test('topic order: NOC guidance before the injectable topics when both fit', async () => {
  const { coreSet } = await import('./support');
  const codeset = coreSet();
  const lib = loadGuidance({
    'a-inj.md': `---\napplies: injectable\ntitle: Inj\n---\n${sections}`,
    'b-noc.md': `---\napplies: noc\ntitle: Noc\n---\n${sections}`,
    'c-asp.md': `---\napplies: asp-injectable\ntitle: Asp\n---\n${sections}`,
  });
  assert.deepEqual(lib.forCode('J2357', codeset).map((m) => m.entry.title), ['Asp', 'Inj']);
  assert.deepEqual(lib.forCode('J7507', codeset).map((m) => m.entry.title), [], 'oral drug: no injectable or wastage topics');
  assert.deepEqual(lib.forCode('J3490', codeset).map((m) => m.entry.title)[0], 'Noc');
});
