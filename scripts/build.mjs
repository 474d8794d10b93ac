// Bundles the extension client, the language server, the CLI, the tests and the benchmark with esbuild.
// Type checking is tsc's job (npm run build runs it first); this only transpiles and bundles.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
// data/guidance/*.md become one bundled module, so the server needs no files beside it.
const guidancePlugin = {
  name: 'virtual-guidance',
  setup(b) {
    b.onResolve({ filter: /^virtual:guidance$/ }, () => ({ path: 'guidance', namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => {
      const dir = join(root, 'data/guidance');
      const files = {};
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) files[name] = readFileSync(join(dir, name), 'utf8');
      return { contents: JSON.stringify(files), loader: 'json', watchFiles: Object.keys(files).map((n) => join(dir, n)) };
    });
  },
};
// server/src/checks/rules/*.ts become the rule registry: a new rule is a new file, no list to edit.
// The module maps file name (= rule id, tested) to the rule; checks/index.ts orders them.
const rulesPlugin = {
  name: 'virtual-rules',
  setup(b) {
    const dir = join(root, 'server/src/checks/rules');
    b.onResolve({ filter: /^virtual:rules$/ }, () => ({ path: 'rules', namespace: 'virtual-rules', pluginData: { dir } }));
    b.onLoad({ filter: /.*/, namespace: 'virtual-rules' }, () => {
      const names = readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).sort();
      const imports = names.map((n, i) => `import r${i} from ${JSON.stringify(join(dir, n))};`).join('\n');
      const entries = names.map((n, i) => `  ${JSON.stringify(n.replace(/\.ts$/, ''))}: r${i},`).join('\n');
      return { contents: `${imports}\nexport default {\n${entries}\n};\n`, loader: 'ts', resolveDir: dir, watchDirs: [dir] };
    });
  },
};
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [guidancePlugin, rulesPlugin] };
const shipped = { ...common, minify: true, keepNames: true };

function listTs(dir) {
  const out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'fixtures') out.push(...listTs(p)); }
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** dist/types/**.d.ts for the library entry (tsc, alongside the bundles) */
function libraryTypes() {
  return new Promise((resolve, reject) => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    execFile(process.execPath, [tsc, '-p', join(root, 'tsconfig.lib.json')], (error, stdout) => (error ? reject(new Error(`library types: ${stdout || error.message}`)) : resolve()));
  });
}

mkdirSync(join(root, 'dist'), { recursive: true });
const results = await Promise.allSettled([
  // shipped bundles are minified (names kept for readable stack traces); tests are not
  build({ ...shipped, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/client.js'), external: ['vscode'] }),
  build({ ...shipped, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server.js') }),
  build({ ...shipped, entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(root, 'dist/cli.js') }),
  // the library (package.json "exports"): the pure service for Node callers, and its type declarations
  build({ ...shipped, entryPoints: [join(root, 'server/src/index.ts')], outfile: join(root, 'dist/lib.js') }),
  libraryTypes(),
  // tests and bench: one bundle per file, same tree under out/
  ...[...listTs(join(root, 'test')), ...listTs(join(root, 'bench'))].map((file) =>
    build({
      ...common,
      entryPoints: [file],
      outfile: join(root, 'out', relative(root, file).replace(/\.ts$/, '.js')),
      external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
    }),
  ),
]);
// keep going past one broken entry so the others are still written; fail at the end
const failed = results.filter((r) => r.status === 'rejected');
for (const f of failed) console.error(String(f.reason?.message ?? f.reason));

// The catalogue's ids go into the schema and package.json lists (written only when they changed).
if (!failed.length) {
  const sync = join(root, 'out/scripts/sync-catalogue.js');
  await build({ ...common, entryPoints: [join(root, 'scripts/sync-catalogue.ts')], outfile: sync });
  execFileSync(process.execPath, [sync, root], { stdio: 'inherit' });
}

// The full CMS index is compiled at build time only when the CMS files are pointed to
// (HCPCS_RELEASE, optionally HCPCS_ASP); they are never committed. Without them the
// extension ships the hand-written core set from data/.
if (process.env.HCPCS_RELEASE) {
  const script = join(root, 'out/scripts/compile-index.js');
  await build({ ...common, entryPoints: [join(root, 'scripts/compile-index.ts')], outfile: script });
  execFileSync(process.execPath, [script, join(root, 'dist/codeset.json')], { stdio: 'inherit' });
}

// ICD-10-CM (public domain) is compiled in the same way when HCPCS_ICD10 points to the CDC files
if (process.env.HCPCS_ICD10) {
  const script = join(root, 'out/scripts/compile-icd10.js');
  await build({ ...common, entryPoints: [join(root, 'scripts/compile-icd10.ts')], outfile: script });
  execFileSync(process.execPath, [script, join(root, 'dist/icd10cm.json')], { stdio: 'inherit' });
}

if (failed.length) process.exit(1);
