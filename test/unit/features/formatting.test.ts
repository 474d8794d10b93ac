// X12 formatting loses nothing: only the blanks and line breaks after a segment terminator change.
// Proven on hand-written rows (delimiters, several interchanges, CR/LF/CRLF, BOM, damaged envelopes),
// on every X12 file in ../shared/samples and the generated bench files, and by a fuzz test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, formatX12, lineBreakOf, type FormatOptions } from '../../../server/src/features/formatting';
import { generate837p } from '../../../bench/generate/index';
import { isa, x12_837p } from '../../support/x12';
import { samplesDir } from '../../support/paths';
import { fuzzParams } from '../../support/fuzz';
import { reasons } from '../../support/needs';

const LINES: FormatOptions = { layout: 'lines' };
const JOIN: FormatOptions = { layout: 'join' };

/** the oracle, independent of the formatter: drop every run of blanks that follows a terminator */
function withoutGaps(text: string, terminators: string[]): string {
  const cls = terminators.map((t) => t.replace(/[\\\]^-]/g, '\\$&')).join('');
  return text.replace(new RegExp(`([${cls}])[ \\t\\r\\n]+(?=[^ \\t\\r\\n])`, 'g'), '$1');
}

/** the helper every row goes through: format, prove nothing but gaps changed, return the result */
function check(text: string, terminators: string[], options: FormatOptions = LINES): { out: string; reason?: string } {
  const result = formatX12(text, options);
  const out = applyEdits(text, result.edits);
  assert.equal(withoutGaps(out, terminators), withoutGaps(text, terminators), 'only gaps after terminators changed');
  for (const e of result.edits) assert.match(text.slice(e.range.start, e.range.end), /^[ \t\r\n]*$/, 'an edit replaces blanks only');
  assert.equal(applyEdits(out, formatX12(out, options).edits), out, 'formatting twice changes nothing more');
  return { out, reason: result.reason };
}

const body = ['CLM*A1*100***11:B:1*Y*A*Y*Y', 'LX*1', 'SV1*HC:J9035:JZ*100*UN*10***1', 'DTP*472*D8*20251101'];
const tight = x12_837p(body, { newline: '' });

const rows: { name: string; text: string; terminators?: string[]; options?: FormatOptions; expect: (out: string, reason?: string) => void }[] = [
  {
    name: 'one line becomes one segment per line (LF when the file has no break)',
    text: tight,
    expect: (out) => {
      assert.equal(out.split('\n').length, tight.split('~').length - 1);
      assert.ok(out.startsWith(isa() + '\nGS*'));
    },
  },
  {
    name: 'already one per line: no edit',
    text: x12_837p(body),
    expect: (out) => assert.equal(out, x12_837p(body)),
  },
  {
    name: 'CRLF kept',
    text: x12_837p(body, { newline: '\r\n' }).replace('~\r\nGS', '~GS').replace('~\r\nST', '~ST'),
    expect: (out) => {
      assert.equal(out, x12_837p(body, { newline: '\r\n' }));
      assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/);
    },
  },
  {
    name: 'CR alone kept',
    text: x12_837p(body, { newline: '\r' }).replace('~\rGS', '~GS'),
    expect: (out) => assert.equal(out, x12_837p(body, { newline: '\r' })),
  },
  {
    name: 'BOM kept',
    text: '\uFEFF' + tight,
    expect: (out) => assert.ok(out.startsWith('\uFEFFISA*') && out.includes('~\nGS*')),
  },
  {
    name: 'other delimiters (| ! ^ and segment terminator ?)',
    text: x12_837p(body, { element: '|', component: '!', segment: '?', newline: '' }),
    terminators: ['?'],
    expect: (out) => assert.equal(out + '\n', x12_837p(body, { element: '|', component: '!', segment: '?', newline: '\n' })),
  },
  {
    name: 'blank gaps become line breaks; | elements',
    text: x12_837p(['NTE*ADD*A*B'], { element: '|', newline: '  ' }),
    expect: (out) => assert.ok(out.includes('\nNTE|ADD|A|B~\n')),
  },
  {
    name: 'several interchanges, each with its own delimiters, none dropped',
    text: tight + x12_837p(body, { element: '|', segment: '!', component: '>', newline: '' }),
    terminators: ['~', '!'],
    expect: (out) => {
      assert.equal((out.match(/^ISA/gm) ?? []).length, 2);
      assert.equal((out.match(/^IEA/gm) ?? []).length, 2);
      assert.ok(out.includes('IEA*1*000000001~\nISA|'));
      assert.ok(out.includes('\nGS|HC'));
    },
  },
  {
    name: 'CUR stays CUR (segment ids never touched)',
    text: x12_837p(['CUR*85*USD', ...body], { newline: '' }),
    expect: (out) => assert.ok(out.includes('\nCUR*85*USD~\n')),
  },
  {
    name: 'blanks inside a segment, before its terminator, stay',
    text: x12_837p(['NTE*ADD*TWO  SPACES  ', ...body], { newline: ' ' }),
    expect: (out) => assert.ok(out.includes('NTE*ADD*TWO  SPACES  ~\n')),
  },
  {
    name: 'trailing blanks at the end of the file stay',
    text: tight + '\n\n',
    expect: (out) => assert.ok(out.endsWith('IEA*1*000000001~\n\n')),
  },
  {
    name: 'join: everything on one line',
    text: x12_837p(body, { newline: '\r\n' }),
    options: JOIN,
    expect: (out) => assert.equal(out, x12_837p(body, { newline: '' }) + '\r\n'),
  },
  {
    name: 'indent by loop',
    text: tight,
    options: { layout: 'lines', indent: '  ' },
    expect: (out) => {
      assert.ok(out.includes('\n  GS*'));
      assert.ok(out.includes('\n    ST*'));
      assert.ok(out.includes('\n      HL*1'));
      assert.ok(out.includes('\n        CLM*'));
      assert.ok(out.includes('\n          LX*1'));
      assert.ok(out.includes('\n            SV1*'));
      assert.ok(out.includes('\n    SE*'));
      assert.ok(out.includes('\nIEA*'));
    },
  },
  {
    name: 'range: only the gaps inside the range change',
    text: tight,
    options: { layout: 'lines', range: { start: 0, end: tight.indexOf('ST*') + 1 } },
    expect: (out) => assert.equal(out, tight.replace('~GS', '~\nGS').replace('~ST', '~\nST')),
  },
  {
    name: 'damaged ISA: nothing changes, and the answer says why',
    text: 'ISA*00*short~GS*HC*X~ST*837*1~SE*1*1~',
    expect: (out, reason) => {
      assert.equal(out, 'ISA*00*short~GS*HC*X~ST*837*1~SE*1*1~');
      assert.match(reason ?? '', /ISA segment at offset 0 is damaged/);
    },
  },
  {
    name: 'a damaged second ISA: nothing changes at all',
    text: tight + 'ISA*00*short~GS*HC*X~',
    expect: (out, reason) => {
      assert.equal(out, tight + 'ISA*00*short~GS*HC*X~');
      assert.match(reason ?? '', /damaged/);
    },
  },
  {
    name: 'no ISA at the start: nothing changes',
    text: 'GS*HC*X~ST*837*1~',
    expect: (out, reason) => {
      assert.equal(out, 'GS*HC*X~ST*837*1~');
      assert.match(reason ?? '', /does not start with an ISA/);
    },
  },
  {
    name: 'segments ended by line breaks: left as they are',
    text: x12_837p(body, { segment: '\n', newline: '' }),
    terminators: ['\n'],
    expect: (out, reason) => {
      assert.equal(out, x12_837p(body, { segment: '\n', newline: '' }));
      assert.match(reason ?? '', /already one per line/);
    },
  },
  { name: 'empty text', text: '', expect: (out, reason) => assert.equal(out + (reason ?? ''), '') },
];

for (const row of rows) {
  test(`formatting: ${row.name}`, () => {
    const { out, reason } = check(row.text, row.terminators ?? ['~'], row.options ?? LINES);
    row.expect(out, reason);
  });
}

test('formatting: above maxEdits the gaps become one span edit with the same result', () => {
  const { text } = generate837p({ seed: 7, targetBytes: 200_000 });
  const joined = applyEdits(text, formatX12(text, JOIN).edits);
  const edits = formatX12(joined, LINES).edits;
  assert.ok(edits.length > 2000);
  const one = formatX12(joined, { ...LINES, maxEdits: 2000 }).edits;
  assert.equal(one.length, 1);
  assert.deepEqual(one[0]!.range, { start: edits[0]!.range.start, end: edits.at(-1)!.range.end });
  assert.equal(applyEdits(joined, one), applyEdits(joined, edits));
  assert.equal(formatX12(joined, { ...LINES, maxEdits: edits.length }).edits.length, edits.length, 'at the limit: one edit per gap');
});

/** the terminators a file's ISAs declare (the character after ISA16) */
function declaredTerminators(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/ISA(.)/g)) {
    const el = m[1]!;
    let count = 0;
    for (let i = m.index! + 3; i < text.length && i < m.index! + 200; i++) {
      if (text[i] === el && ++count === 16) {
        found.add(text[i + 2]!);
        break;
      }
    }
  }
  return [...found];
}

function x12Files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return x12Files(p);
    return /\.(edi|837|835|x12)$/i.test(name) ? [p] : [];
  });
}

test('formatting: every X12 sample keeps every byte but the gaps, as lines, joined and back', (t) => {
  const dir = samplesDir();
  if (!dir) return t.skip(reasons.samples);
  const files = x12Files(dir);
  assert.ok(files.length >= 10, `X12 samples found: ${files.length}`);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const terminators = declaredTerminators(text);
    const lines = check(text, terminators, LINES).out;
    const joined = check(text, terminators, JOIN).out;
    assert.equal(check(joined, terminators, { ...LINES, eol: lineBreakOf(text) }).out, lines, `${file}: join then format = format`);
    check(text, terminators, { layout: 'lines', indent: '\t' });
    if (!terminators.includes('\n')) {
      const segments = withoutGaps(text, terminators).split(terminators[0]!).filter((s) => s.trim()).length;
      assert.ok(lines.split(/\r\n|\r|\n/).filter((l) => l.trim()).length >= segments, `${file}: one segment per line`);
    }
  }
});

test('formatting: the generated bench files keep every byte but the gaps; 10 MB well under a second', () => {
  for (const [seed, size] of [[1, 300_000], [2, 1_000_000]] as const) {
    const { text } = generate837p({ seed, targetBytes: size });
    const joined = check(text, ['~'], JOIN).out;
    assert.equal(check(joined, ['~'], LINES).out, text, 'the generator writes one segment per line, LF');
  }
  const { text } = generate837p({ seed: 3, targetBytes: 10 * 1024 * 1024 });
  const joined = applyEdits(text, formatX12(text, JOIN).edits);
  const started = process.hrtime.bigint();
  const result = formatX12(joined, { ...LINES, maxEdits: 2000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(applyEdits(joined, result.edits), text);
  assert.ok(ms < 3000, `10 MB formatted in ${ms.toFixed(0)} ms`); // the 1 s goal is measured in the report; CI machines vary
});

// Fuzz: random delimiters, segments, gaps, BOM and several interchanges.
const DELIMS = ['*', '|', '~', '^', ':', '!', '?', '>', '<', '+', "'", '@', '#', '\u001d', '\u001c'];
const GAPS = ['', '\n', '\r\n', '\r', ' ', '  \n', '\n\t', '\r\n  '];
const interchange = fc
  .tuple(fc.shuffledSubarray(DELIMS, { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom('GS', 'ST', 'HL', 'CLM', 'LX', 'SV1', 'CUR', 'NTE', 'SE'), fc.array(fc.stringMatching(/^[A-Z0-9 .]{0,6}$/), { maxLength: 4 }), fc.constantFrom(...GAPS)), { maxLength: 12 }), fc.constantFrom(...GAPS))
  .map(([[el, comp, rep, seg], segments, afterIsa]) => {
    const d = { element: el!, component: comp!, repetition: rep!, segment: seg! };
    const parts = [isa(d), afterIsa];
    for (const [id, elements, gap] of segments) parts.push([id, ...elements].join(el!) + seg! + gap);
    parts.push(`IEA${el}1${el}000000001${seg}`);
    return { text: parts.join(''), terminator: seg! };
  });

test('formatting fuzz: only gaps change, idempotent, join and format round-trip', () => {
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.tuple(interchange, fc.constantFrom(...GAPS)), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '\t', '  '), (bom, xs, indent) => {
      const text = (bom ? '\uFEFF' : '') + xs.map(([x, gap]) => x.text + gap).join('');
      const terminators = [...new Set(xs.map(([x]) => x.terminator))];
      const lines = check(text, terminators, { layout: 'lines', indent }).out;
      const joined = check(text, terminators, JOIN).out;
      assert.equal(check(joined, terminators, { layout: 'lines', indent, eol: lineBreakOf(text) }).out, lines);
      assert.equal(lines.startsWith('\uFEFF'), bom);
    }),
    fuzzParams(300),
  );
});
