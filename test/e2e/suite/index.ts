// Extension integration suite entry (extensionTestsPath): VS Code's extension host calls run().
// Works the same under @vscode/test-electron and inside code-server (payload trick, see run-code-server.ts).
import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // esbuild writes one bundle per spec next to this file; the order of the names is the run order
  const specs = readdirSync(__dirname).filter((n) => n.endsWith('.e2e.js')).sort();
  for (const name of specs) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      // the host runner reads this exact line to report counts
      console.log(`extension suite: ${passed} passed, ${failed} failed`);
      if (failed > 0 || passed === 0) reject(new Error(`${failed} extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
