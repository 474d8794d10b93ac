// Regenerates data/core/codeset.json, the small core set shipped when no CMS release is loaded,
// from the CMS release and ASP files plus the hand-picked list in data/core/core-codes.json.
// Run by hand after changing the list or moving to a newer release:
//   npx esbuild scripts/make-core-set.ts --bundle --platform=node --outfile=out/scripts/make-core-set.js
//   node out/scripts/make-core-set.js            (HCPCS_RELEASE / HCPCS_ASP override the ../shared files)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importRelease } from '../server/src/codeset/import/release';
import { importAsp, type AspData } from '../server/src/codeset/import/asp';
import { compileIndex } from '../server/src/codeset/index';
import { monthYear } from '../server/src/codeset/import/release-name';

interface CoreList {
  families: string[];
  codes: string[];
  modifiers: string[];
}

function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6 && !existsSync(join(dir, 'data', 'core', 'core-codes.json')); i++) dir = resolve(dir, '..');
  return dir;
}

function main(): number {
  const root = repoRoot();
  const shared = process.env.HCPCS_SHARED ?? resolve(root, '..', 'shared'); // as test/support/paths.ts
  const releasePath = process.env.HCPCS_RELEASE ?? join(shared, 'cms/hcpcs/2025-10/HCPC2025_OCT_ANWEB.csv');
  const aspDir = process.env.HCPCS_ASP ?? join(shared, 'cms/asp/2025-10');
  const list: CoreList = JSON.parse(readFileSync(join(root, 'data/core/core-codes.json'), 'utf8'));

  const imported = importRelease(readFileSync(releasePath), basename(releasePath));
  if (!imported.ok) {
    console.error(imported.error);
    return 1;
  }
  const release = imported.release;
  const wanted = new Set(list.codes);
  const codes = release.codes.filter((c) => wanted.has(c.code) || list.families.some((f) => c.code.startsWith(f)));
  const modifiers = release.modifiers.filter((m) => list.modifiers.includes(m.code));
  const missing = [...list.codes.filter((c) => !codes.some((r) => r.code === c)), ...list.modifiers.filter((m) => !modifiers.some((r) => r.code === m))];
  if (missing.length > 0) {
    console.error(`not in ${basename(releasePath)}: ${missing.join(', ')}`);
    return 1;
  }

  let asp: AspData | undefined;
  const read = (name: string): Buffer | undefined => (existsSync(join(aspDir, name)) ? readFileSync(join(aspDir, name)) : undefined);
  const aspRead = importAsp(read('asp_pricing.csv'), read('asp_crosswalk.csv'));
  if (aspRead.ok) {
    const kept = new Set(codes.map((c) => c.code));
    // an NDC keeps every code CMS maps it to (55513-0002-04: J0881 and J0882), as in the full index
    const ndcs = new Set(aspRead.asp.crosswalk.filter((x) => kept.has(x.code)).map((x) => x.ndc));
    asp = { ...aspRead.asp, prices: aspRead.asp.prices.filter((p) => kept.has(p.code)), crosswalk: aspRead.asp.crosswalk.filter((x) => ndcs.has(x.ndc)), problems: [] };
  }

  const index = compileIndex({ ...release, codes, modifiers, problems: [] }, asp, {
    kind: 'core',
    label: `HCPCS Level II core set (${codes.length} codes, ${modifiers.length} modifiers; facts from the ${monthYear(release.id)} CMS release)`,
  });
  const out = join(root, 'data/core/codeset.json');
  const json = JSON.stringify(index);
  writeFileSync(out, json + '\n');
  console.log(`${out}: ${codes.length} codes, ${modifiers.length} modifiers, ${index.asp?.prices.length ?? 0} ASP prices, ${index.asp?.ndc.length ?? 0} NDCs, ${(json.length / 1024).toFixed(0)} KB`);
  return 0;
}

process.exit(main());
