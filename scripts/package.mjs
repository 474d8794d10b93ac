// Builds the .vsix with @vscode/vsce (bundled: no node_modules inside), then prints its size and
// the code set it carries. `--clean-build` (npm run package) empties dist/ and builds first, so the
// .vsix never ships a dist/codeset.json an earlier build left; without it (the e2e runner) dist/
// is packed as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const clean = args.includes('--clean-build');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = args.find((a) => !a.startsWith('--')) ?? join(root, `${name}-${version}.vsix`);
if (clean) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
  { cwd: root, stdio: 'inherit' },
);
const index = join(root, 'dist/codeset.json');
let carries = 'the built-in core set only (data/); set HCPCS_RELEASE (and HCPCS_ASP) before packaging to ship a full CMS release';
if (existsSync(index)) {
  try {
    // the index text laid out in parts (server/src/codeset/index-text.ts) is one JSON value too
    const { releases, asp } = JSON.parse(readFileSync(index, 'utf8'));
    const { release } = releases[releases.length - 1];
    const also = [releases.length > 1 ? `${releases.length} releases` : '', ...asp.map((q) => q.label)].filter(Boolean).join(', ');
    carries = `${release.label}${also ? ` with ${also}` : ''}: ${release.codeCount} codes, ${release.modifierCount} modifiers (dist/codeset.json, ${(statSync(index).size / 1024).toFixed(0)} KiB)`;
  } catch (error) {
    carries = `dist/codeset.json, which could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
}
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
console.log(`code set carried: ${carries}`);
const icd10 = join(root, 'dist/icd10cm.json');
const titles = join(root, 'dist/icd10cm.titles.json');
const kib = (file) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
console.log(`ICD-10-CM carried: ${existsSync(icd10) ? `dist/icd10cm.json, ${kib(icd10)}${existsSync(titles) ? `, titles in dist/icd10cm.titles.json, ${kib(titles)}` : ''}` : 'none; set HCPCS_ICD10 before packaging to ship one'}`);
