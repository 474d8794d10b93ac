// Compiles the full CMS index at build time: HCPCS_RELEASE (a release file: .zip, .txt, .xlsx or
// .csv, or a folder of releases) and optionally HCPCS_ASP (one ASP quarter folder or a folder of
// quarter folders) -> the JSON file named by argv[2]. Prints one line. Called by scripts/build.mjs
// when HCPCS_RELEASE is set.
import { writeFileSync } from 'node:fs';
import { compileFrom } from '../server/src/node/codeset-store';
import { indexJson, type CompiledIndex, type CompiledIndexSet } from '../server/src/codeset/index';

function main(): number {
  const started = performance.now();
  const releasePath = process.env.HCPCS_RELEASE;
  const out = process.argv[2];
  if (!releasePath || !out) {
    console.error('usage: HCPCS_RELEASE=<release file or folder> [HCPCS_ASP=<folder>] node compile-index.js <out.json>');
    return 2;
  }
  const compiled = compileFrom(releasePath, process.env.HCPCS_ASP);
  if (!compiled.ok) {
    console.error(`compile-index: ${compiled.error}`);
    return 1;
  }
  for (const note of compiled.notes) console.error(`compile-index: ${note}`);
  const json = indexJson(compiled.index);
  writeFileSync(out, json);
  const ms = (performance.now() - started).toFixed(0);
  console.log(`compile-index: ${describe(compiled.index)}; ${(json.length / 1048576).toFixed(2)} MB in ${ms} ms -> ${out}`);
  return 0;
}

function describe(index: CompiledIndex | CompiledIndexSet): string {
  const releases = 'releases' in index ? index.releases : [index];
  const asp = 'releases' in index ? index.asp : index.asp ? [index.asp] : [];
  const r = releases.map((x) => `${x.release.label} [${x.release.id}] from ${x.release.source}: ${x.release.codeCount} codes, ${x.release.modifierCount} modifiers, ${x.drugs.length} drug codes`);
  const a = asp.map((q) => `${q.label}: ${q.prices.length} prices, ${q.ndc.length} NDC rows`);
  return [...r, ...a].join('; ');
}

process.exit(main());
