// UI test of the code-server workbench in headless chromium, with the extension installed from
// the .vsix: open the .837 fixture, read the status bar, the J7507 hover, the Problems panel and
// the quick-fix menu on the line missing JZ. Optionally writes docs/images screenshots.
// Usage: node out/test/e2e/ui.js --host 127.0.0.1:PORT --folder /abs/workspace [--shots DIR]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { args, launchChromium, required } from './browser';

const opts = args(process.argv.slice(2));
const host = required(opts, 'host');
const folder = required(opts, 'folder');
const shots = opts.shots;
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let passed = 0;
let failed = 0;
/** one named check; a failure is counted and reported, and the next checks still run */
async function check(name: string, fn: () => Promise<string | void>): Promise<boolean> {
  try {
    const note = await fn();
    passed++;
    console.log(`ok - ${name}${note ? `: ${note}` : ''} (${elapsed()})`);
    return true;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${(e as Error).message.split('\n')[0]} (${elapsed()})`);
    return false;
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name) });
}

/** the on-screen rectangle of `needle` inside the first editor line that contains `lineText` */
async function textBox(page: Page, lineText: string, needle: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    ([lineText, needle]) => {
      // runs in the page; this project compiles without the DOM lib, hence the loose types
      /* eslint-disable @typescript-eslint/no-explicit-any */
      const doc: any = (globalThis as any).document;
      const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
      for (const line of doc.querySelectorAll('.editor-instance .view-lines .view-line')) {
        const text = line.textContent ?? '';
        if (!text.includes(lineText)) continue;
        // walk the line's text nodes to the needle's characters and measure them
        const start = text.indexOf(lineText) + lineText.indexOf(needle);
        const walker = doc.createTreeWalker(line, SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent?.length ?? 0;
          if (start < seen + len) {
            const range = doc.createRange();
            range.setStart(node, start - seen);
            range.setEnd(node, Math.min(len, start - seen + needle.length));
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          seen += len;
        }
      }
      return null;
    },
    [lineText, needle] as const,
  );
  if (!box) throw new Error(`no editor line shows ${lineText}`);
  return box;
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-line', { hasText: 'ISA*' }).first().waitFor({ timeout: 30_000 });
}

/** retries the hover (first moves can land before the extension host is ready) */
async function hoverOver(page: Page, point: { x: number; y: number }, wanted: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover', { hasText: wanted }).first();
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.mouse.move(point.x, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    if (await hover.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) return hover;
    // keyboard fallback: caret on the code, then Ctrl+K Ctrl+I (editor.action.showHover)
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    if (await hover.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) return hover;
  }
  throw new Error(`no hover containing ${JSON.stringify(wanted)} appeared`);
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.log('[workbench error]', e.message.slice(0, 200)));
    await page.goto(`http://${host}/?folder=${encodeURIComponent(folder)}`);

    const opened = await check('workbench opens claim.837', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await openFile(page, 'claim.837');
    });
    if (!opened) return;

    await check('the installed extension activates on .837 and the status bar names the release', async () => {
      const item = page.locator('.statusbar-item', { hasText: /HCPCS \S/ }).first();
      await item.waitFor({ timeout: 45_000 });
      return JSON.stringify((await item.textContent())?.trim());
    });

    await check('hover on J7507 shows the descriptor and the billing unit', async () => {
      const hover = await hoverOver(page, await textBox(page, 'SV1*HC:J7507', 'J7507'), 'Tacrolimus');
      const text = (await hover.textContent()) ?? '';
      for (const part of ['Tacrolimus, immediate release, oral, 1 mg', '1 unit = 1 mg']) {
        if (!text.includes(part)) throw new Error(`hover lacks ${JSON.stringify(part)}: ${text.slice(0, 300)}`);
      }
      await screenshot(page, 'hover.png');
      return JSON.stringify(text.slice(0, 120));
    });
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 795);

    await check('Problems panel lists the missing JZ and the terminated code', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      for (const rule of ['missing-jw-jz', 'code-not-effective']) {
        await rows.filter({ hasText: rule }).first().waitFor({ timeout: 30_000 });
      }
      await screenshot(page, 'problems.png');
      return JSON.stringify(await rows.allTextContents());
    });

    await check('the quick-fix menu on the J9035 line offers "Add JZ"', async () => {
      const point = await textBox(page, 'SV1*HC:J9035', 'J9035');
      const menu = page.locator('.action-widget .monaco-list-row', { hasText: /^\s*Add JZ/ }).first();
      for (let attempt = 0; attempt < 5; attempt++) {
        await page.mouse.click(point.x, point.y);
        await page.keyboard.press('Control+.');
        if (await menu.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) break;
        await page.keyboard.press('Escape');
      }
      await menu.waitFor({ state: 'visible', timeout: 1_000 });
      await page.mouse.move(5, 795);
      await screenshot(page, 'quickfix.png');
      const items = await page.locator('.action-widget .monaco-list-row').allTextContents();
      await page.keyboard.press('Escape');
      return JSON.stringify(items);
    });
  } finally {
    await browser.close();
  }
}

main()
  .catch((e: Error) => {
    failed++;
    console.log(`not ok - ui test crashed: ${e.message}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  });
