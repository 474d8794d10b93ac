// Builds the .vsix with @vscode/vsce (bundled: no node_modules inside) and prints its size.
import { execFileSync } from 'node:child_process';
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.argv[2] ?? join(root, `${name}-${version}.vsix`);
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
  { cwd: root, stdio: 'inherit' },
);
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
