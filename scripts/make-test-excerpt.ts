// Writes the CMS excerpt the tests use when the full releases are not beside the repository
// (test/fixtures/cms/): for every release, the rows of every code whose first four characters a test,
// a docs page or the core set names, and all Level II modifiers; for every ASP quarter, the rows of
// the codes named exactly. HCPCS Level II only: CPT (numeric) rows are never copied.
// Run once per new release or new test code:
//   npx esbuild scripts/make-test-excerpt.ts --bundle --platform=node --outfile=out/scripts/make-test-excerpt.js
//   node out/scripts/make-test-excerpt.js ../shared/cms/hcpcs ../shared/cms/asp
// Each release excerpt is checked: its records must equal the full release's records of the same codes.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { importRelease } from '../server/src/codeset/import/release';
import { readXlsx } from '../server/src/codeset/import/xlsx';
import { aspFolders, releaseFiles } from '../server/src/node/release-sources';

function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6 && !existsSync(join(dir, 'test', 'support', 'paths.ts')); i++) dir = resolve(dir, '..');
  return dir;
}

const isLevel2 = (code: string): boolean => /^[A-V][0-9]{4}$/.test(code);

interface Row {
  raw: string;
  fields: string[];
}

/** raw records of a CSV text (quoted cells may hold line breaks), each with its first three fields */
function csvRows(text: string): Row[] {
  const out: string[] = [];
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

/** an .xlsx release's rows written as the .csv edition writes them */
function xlsxRows(bytes: Uint8Array): Row[] {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.error);
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return read.rows.map((cells) => ({ raw: cells.map(cell).join(','), fields: cells.slice(0, 3).map((f) => f.trim()) }));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'cms' ? [] : walk(p)) : [p];
  });
}

function main(): number {
  const [hcpcsDir, aspDir] = process.argv.slice(2);
  if (!hcpcsDir || !aspDir) {
    console.error('usage: node out/scripts/make-test-excerpt.js HCPCS_RELEASES_DIR ASP_QUARTERS_DIR');
    return 2;
  }
  const root = repoRoot();
  const out = join(root, 'test/fixtures/cms');

  const mentioned = new Set<string>();
  const exact = new Set<string>();
  for (const file of [...walk(join(root, 'test')), ...walk(join(root, 'docs/rules')), ...walk(join(root, 'data'))]) {
    for (const m of readFileSync(file, 'latin1').matchAll(/\b[A-V][0-9]{4}\b/g)) {
      mentioned.add(m[0].slice(0, 4));
      exact.add(m[0]);
    }
  }

  const releases = releaseFiles(hcpcsDir);
  if (!releases.ok) throw new Error(releases.error);
  rmSync(join(out, 'hcpcs'), { recursive: true, force: true });
  for (const file of releases.value) {
    const bytes = readFileSync(file);
    const full = importRelease(bytes, basename(file));
    if (!full.ok) throw new Error(full.error);
    const rows = extname(file).toLowerCase() === '.xlsx' ? xlsxRows(bytes) : csvRows(bytes.toString('utf8'));
    const header = rows.findIndex((r) => r.fields[0] === 'HCPC');
    const kept = rows.filter((r, i) => i === header || (i > header && (r.fields[2] === '7' || (isLevel2(r.fields[0]) && mentioned.has(r.fields[0].slice(0, 4))))));
    const name = `${basename(file, extname(file))}.excerpt.csv`;
    const dir = join(out, 'hcpcs', full.release.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), kept.map((r) => r.raw).join('\n') + '\n');
    // the excerpt must read back as the full release reads those codes
    const excerpt = importRelease(readFileSync(join(dir, name)), name);
    if (!excerpt.ok) throw new Error(excerpt.error);
    if (excerpt.release.id !== full.release.id) throw new Error(`${name}: release ${excerpt.release.id}, expected ${full.release.id}`);
    const keptCodes = new Set(excerpt.release.codes.map((c) => c.code));
    const same = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(excerpt.release.codes, full.release.codes.filter((c) => keptCodes.has(c.code))) || !same(excerpt.release.modifiers, full.release.modifiers)) {
      throw new Error(`${name}: the excerpt's records differ from the full release's`);
    }
    console.log(`${full.release.id}: ${kept.length - 1} rows (${excerpt.release.codes.length} codes, ${excerpt.release.modifiers.length} modifiers) -> ${name}`);
  }

  const quarters = aspFolders(aspDir);
  if (!quarters.ok) throw new Error(quarters.error);
  rmSync(join(out, 'asp'), { recursive: true, force: true });
  for (const quarter of quarters.value) {
    const dir = join(out, 'asp', basename(quarter.dir));
    mkdirSync(dir, { recursive: true });
    for (const file of [quarter.pricing, quarter.crosswalk]) {
      if (!file) continue;
      // ASP files are Windows-1252 with CRLF: read and write as latin1 so the bytes stay as CMS wrote them
      const rows = csvRows(readFileSync(file, 'latin1'));
      const header = rows.findIndex((r) => /^(HCPCS Code|_\d{4}_CODE)$/i.test(r.fields[0] ?? ''));
      // the title and "Effective ..." lines name the quarter; the notes in between are left out
      const preamble = rows.slice(0, header).filter((r, i) => i === 0 || /^"?\s*Effective /.test(r.raw));
      // drug rows of the codes named exactly (prefix neighbours are for completion, which needs no ASP)
      const body = rows.slice(header + 1).filter((r) => isLevel2(r.fields[0] ?? '') && exact.has(r.fields[0]!));
      const trim = (raw: string) => raw.replace(/,+$/, '');
      writeFileSync(join(dir, basename(file)), [...preamble, rows[header]!, ...body].map((r) => trim(r.raw)).join('\r\n') + '\r\n', 'latin1');
      console.log(`${basename(quarter.dir)}/${basename(file)}: ${body.length} rows`);
    }
  }
  return 0;
}

process.exit(main());
