// Compiles the full CMS index at build time: HCPCS_RELEASE (a release file: .zip, .txt, .xlsx or
// .csv) and optionally HCPCS_ASP (a folder with asp_pricing.csv and asp_crosswalk.csv) -> the
// JSON file named by argv[2]. Prints one line. Called by scripts/build.mjs when HCPCS_RELEASE is set.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importRelease } from '../server/src/codeset/import/release';
import { importAsp, type AspData } from '../server/src/codeset/import/asp';
import { compileIndex } from '../server/src/codeset/index';

function main(): number {
  const started = performance.now();
  const releasePath = process.env.HCPCS_RELEASE;
  const out = process.argv[2];
  if (!releasePath || !out) {
    console.error('usage: HCPCS_RELEASE=<release file> [HCPCS_ASP=<folder>] node compile-index.js <out.json>');
    return 2;
  }
  const imported = importRelease(readFileSync(releasePath), basename(releasePath));
  if (!imported.ok) {
    console.error(`compile-index: ${imported.error}`);
    return 1;
  }
  let asp: AspData | undefined;
  const aspDir = process.env.HCPCS_ASP;
  if (aspDir) {
    const read = (name: string): Buffer | undefined => (existsSync(join(aspDir, name)) ? readFileSync(join(aspDir, name)) : undefined);
    const result = importAsp(read('asp_pricing.csv'), read('asp_crosswalk.csv'));
    if (!result.ok) {
      console.error(`compile-index: ${result.error}`);
      return 1;
    }
    asp = result.asp;
  }
  const index = compileIndex(imported.release, asp);
  const json = JSON.stringify(index);
  writeFileSync(out, json);
  const r = index.release;
  const ms = (performance.now() - started).toFixed(0);
  console.log(
    `compile-index: ${r.label} [${r.id}] from ${r.source}: ${r.codeCount} codes, ${r.modifierCount} modifiers, ${index.drugs.length} drug codes` +
      `${index.asp ? `, ${index.asp.label}: ${index.asp.prices.length} prices, ${index.asp.ndc.length} NDCs` : ''}; ${(json.length / 1048576).toFixed(2)} MB in ${ms} ms -> ${out}`,
  );
  return 0;
}

process.exit(main());
