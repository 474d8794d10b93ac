// Writes the CMS excerpt the tests use when the full release is not beside the repository
// (test/fixtures/cms/): the release rows of every code whose first four characters a test, a docs page
// or the core set names, all Level II modifiers, and the ASP rows of the codes named exactly. HCPCS Level II only:
// CPT (numeric) rows are never copied. Usage, once per new release or new test code:
//   node scripts/make-test-excerpt.mjs /path/HCPC2025_OCT_ANWEB.csv /path/asp/2025-10
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [releasePath, aspDir] = process.argv.slice(2);
if (!releasePath || !aspDir) {
  console.error('usage: node scripts/make-test-excerpt.mjs RELEASE.csv ASP_DIR');
  process.exit(2);
}
const out = join(root, 'test/fixtures/cms');
mkdirSync(join(out, 'asp'), { recursive: true });

/** raw records of a CSV text (quoted cells may hold line breaks), each with its first three fields */
function records(text) {
  const out = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if ((c === '\n' || i === text.length) && !quoted) {
      const raw = text.slice(start, i).replace(/\r$/, '');
      if (raw.length || i < text.length) out.push(raw);
      start = i + 1;
    }
  }
  return out.map((raw) => ({ raw, fields: raw.split(',', 3).map((f) => f.trim().replace(/^"|"$/g, '')) }));
}

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'cms' ? [] : walk(p)) : [p];
  });
}

const mentioned = new Set();
const exact = new Set();
for (const file of [...walk(join(root, 'test')), ...walk(join(root, 'docs/rules')), ...walk(join(root, 'data'))]) {
  for (const m of readFileSync(file, 'latin1').matchAll(/\b[A-V][0-9]{4}\b/g)) {
    mentioned.add(m[0].slice(0, 4));
    exact.add(m[0]);
  }
}
const isLevel2 = (code) => /^[A-V][0-9]{4}$/.test(code);

const release = records(readFileSync(releasePath, 'utf8'));
const kept = release.filter((r, i) => i === 0 || r.fields[2] === '7' || (isLevel2(r.fields[0]) && mentioned.has(r.fields[0].slice(0, 4))));
writeFileSync(join(out, 'HCPC2025_OCT_ANWEB.excerpt.csv'), kept.map((r) => r.raw).join('\n') + '\n');

// ASP files are Windows-1252 with CRLF: read and write as latin1 so the bytes stay as CMS wrote them
for (const name of ['asp_pricing.csv', 'asp_crosswalk.csv']) {
  const rows = records(readFileSync(join(aspDir, name), 'latin1'));
  const header = rows.findIndex((r) => /^(HCPCS Code|_\d{4}_CODE)$/i.test(r.fields[0]));
  // the title and "Effective ..." lines name the quarter; the notes in between are left out
  const preamble = rows.slice(0, header).filter((r, i) => i === 0 || /^"?\s*Effective /.test(r.raw));
  // drug rows of the codes named exactly (prefix neighbours are for completion, which needs no ASP)
  const body = rows.slice(header + 1).filter((r) => isLevel2(r.fields[0]) && exact.has(r.fields[0]));
  const trim = (raw) => raw.replace(/,+$/, '');
  writeFileSync(join(out, 'asp', name), [...preamble, rows[header], ...body].map((r) => trim(r.raw)).join('\r\n') + '\r\n', 'latin1');
  console.log(`${name}: ${body.length} rows`);
}
console.log(`release: ${kept.length - 1} rows from ${mentioned.size} four-character prefixes`);
