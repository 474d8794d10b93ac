// Runs the same extension suite under desktop VS Code via @vscode/test-electron, for machines
// that can download VS Code (this project's CI cannot: it uses run-code-server.ts instead).
// Usage: npm run build && node out/test/e2e/run-electron.js
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../support/paths';

async function main(): Promise<number> {
  // a throwaway copy of the fixture workspace: the suite edits files and may write settings
  const tmp = mkdtempSync(join(tmpdir(), 'hcpcs-e2e-electron-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(repoRoot, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3', // what code-server 4.100.3 runs, so both hosts see the same API
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out/test/e2e/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(tmp, 'user')],
    });
    return 0;
  } catch (e) {
    console.error(`extension suite failed under VS Code desktop: ${(e as Error).message}`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
