// Compiles the ICD-10-CM list at build time: HCPCS_ICD10 (a CDC order or codes file, its zip, or a
// folder of fiscal-year releases) -> the JSON file named by argv[2], without titles, and beside it
// the titles (ICD10_TITLES_FILE: only hover and completion read them) and the summary. ICD-10-CM is
// public domain, so the package may carry it. Prints one line. Called by scripts/build.mjs when
// HCPCS_ICD10 is set.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ICD10_SUMMARY_FILE, ICD10_TITLES_FILE, describe, loadIcd10Path } from '../server/src/node/icd10-store';
import { icd10Summary, splitTitles } from '../server/src/codeset/icd10';

function main(): number {
  const started = performance.now();
  const path = process.env.HCPCS_ICD10;
  const out = process.argv[2];
  if (!path || !out) {
    console.error('usage: HCPCS_ICD10=<ICD-10-CM file or folder> node compile-icd10.js <out.json>');
    return 2;
  }
  const loaded = loadIcd10Path(path);
  if (!loaded.ok) {
    console.error(`compile-icd10: ${loaded.error}`);
    return 1;
  }
  const { list, titles } = splitTitles(loaded.index!);
  const json = JSON.stringify(list);
  writeFileSync(out, json);
  writeFileSync(join(dirname(out), ICD10_TITLES_FILE), JSON.stringify(titles));
  // what the list holds, so a run names it without reading it (node/icd10-store.ts loadBuiltIcd10Lazily)
  writeFileSync(join(dirname(out), ICD10_SUMMARY_FILE), `${JSON.stringify(icd10Summary(loaded.codes, Buffer.byteLength(json)))}\n`);
  const ms = (performance.now() - started).toFixed(0);
  console.log(`compile-icd10: ${describe(loaded.codes)}; ${(json.length / 1048576).toFixed(2)} MB (titles apart) in ${ms} ms -> ${out}`);
  return 0;
}

process.exit(main());
