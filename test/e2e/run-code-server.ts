// Runs the extension integration suite inside a running code-server, the offline stand-in for
// @vscode/test-electron: the workbench URL's `payload` carries extensionDevelopmentPath and
// extensionTestsPath (as VS Code's own browser integration tests do); the Node extension host
// runs the suite and the workbench reports its result through window.codeAutomationExit.
// Usage: node out/test/e2e/run-code-server.js --host 127.0.0.1:PORT --dev /abs/repo
//          --tests /abs/repo/out/test/e2e/suite --folder /abs/workspace [--timeout-ms 180000]
import { format } from 'node:util';
import { args, launchChromium, required } from './browser';

// workbench chatter that says nothing about the suite
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore)/;

async function main(): Promise<number> {
  const opts = args(process.argv.slice(2));
  const host = required(opts, 'host');
  const remote = (p: string): string => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(required(opts, 'dev'))],
    ['extensionTestsPath', remote(required(opts, 'tests'))],
    ['skipWelcome', 'true'],
  ]);
  const url = `http://${host}/?folder=${encodeURIComponent(required(opts, 'folder'))}&payload=${encodeURIComponent(payload)}`;
  const limitMs = Number(opts['timeout-ms'] ?? 180_000);

  const started = Date.now();
  const browser = await launchChromium();
  let counts: { passed: number; failed: number } | undefined;
  try {
    const page = await browser.newPage();
    let finish!: (code: number | 'timeout') => void;
    const exited = new Promise<number | 'timeout'>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown[]) => {
      // the extension host forwards console.log's arguments unformatted ('%s' and values)
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      const m = /extension suite: (\d+) passed, (\d+) failed/.exec(text);
      if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
      if (NOISE.test(text)) return;
      console.log(type === 'log' || type === 'info' ? text : `[${type}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('pageerror', (e) => console.log('[workbench error]', e.message.slice(0, 300)));
    await page.goto(url);
    const timer = setTimeout(() => finish('timeout'), limitMs);
    const code = await exited;
    clearTimeout(timer);
    console.log(`extension host exit code: ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code === 'timeout') console.log(`FAIL: the suite did not finish within ${limitMs} ms`);
    const c = counts ?? { passed: 0, failed: 1 };
    // a crash before mocha counted anything is still a failure
    if (code !== 0 && c.failed === 0) c.failed = 1;
    console.log(`${c.passed} passed, ${c.failed} failed`);
    return code === 0 && c.failed === 0 && c.passed > 0 ? 0 : 1;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.stack ?? String(e));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
