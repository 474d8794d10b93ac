// UI test of the code-server workbench in headless chromium, with the extension installed from
// the .vsix: open the .837 fixture, read the status bar, the J7507 hover, the Problems panel and
// the quick-fix menu on the line missing JZ, formatting, Fix All and the look-up quick pick.
// Optionally writes docs/images screenshots.
// Usage: node out/test/e2e/ui.js --host 127.0.0.1:PORT --folder /abs/workspace [--shots DIR]
//          [--artifacts DIR (screenshots of failures)]
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { args, launchChromium, required } from './browser';

const opts = args(process.argv.slice(2));
const host = required(opts, 'host');
const folder = required(opts, 'folder');
const shots = opts.shots;
/** where a failing check leaves a screenshot of the moment */
const artifacts = opts.artifacts;
let currentPage: Page | undefined;
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
    if (artifacts && currentPage) {
      const file = join(artifacts, `ui-fail-${failed}.png`);
      await currentPage.screenshot({ path: file }).then(() => console.log(`  screenshot: ${file}`), () => undefined);
    }
    return false;
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name) });
}

/** resolves when the element's fade-in (and any other finite animation on or around it) is over */
async function settled(target: Locator): Promise<void> {
  await target.evaluate(async (el: any) => {
    const box = el.closest('.monaco-resizable-hover, .action-widget, .monaco-hover') ?? el;
    const animations = [...box.getAnimations({ subtree: true })]
      .concat(box.parentElement ? [...box.parentElement.getAnimations()] : [])
      .filter((a: any) => a.effect?.getTiming?.().iterations !== Infinity);
    await Promise.all(animations.map((a: any) => a.finished.catch(() => undefined)));
  });
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

/** Ctrl+G to the 1-based line of the fixture that contains needle (reveals it in the editor) */
async function goToLine(page: Page, file: string, needle: string, separator = '\n'): Promise<void> {
  const line = readFileSync(join(folder, file), 'utf8').split(separator).findIndex((l) => l.includes(needle)) + 1;
  if (line === 0) throw new Error(`${file} has no ${needle}`);
  // the editor must have focus (the Problems panel may have it)
  await page.locator('.editor-instance .view-line').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`); // the go-to-line prefix; fill() replaces what Ctrl+G typed
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-line', { hasText: needle }).first().waitFor({ timeout: 10_000 });
}

/** retries the hover (first moves can land before the extension host is ready) */
async function hoverOver(page: Page, where: () => Promise<{ x: number; y: number }>, wanted: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover', { hasText: wanted }).first();
  for (let attempt = 0; attempt < 10; attempt++) {
    // measured again each time: a code lens or inlay hints that arrive later move the text
    const point = await where();
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

/** runs a command by its title from the command palette (F1: Alt/Shift chords open the browser's menus) */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    currentPage = page;
    page.on('pageerror', (e) => console.log('[workbench error]', e.message.slice(0, 200)));
    await page.goto(`http://${host}/?folder=${encodeURIComponent(folder)}`);

    const opened = await check('workbench opens claim.837', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await openFile(page, 'claim.837');
    });
    if (!opened) return;

    await check('the installed extension activates on .837 and its language status names the release', async () => {
      // the {} language status entry of the status bar; its hover lists the HCPCS item
      const entry = page.locator('[id="status.languageStatus"]').first();
      await entry.waitFor({ timeout: 45_000 });
      const item = page.locator('.monaco-hover', { hasText: /HCPCS \S/ }).first();
      for (let attempt = 0; attempt < 20; attempt++) {
        await entry.hover();
        if (await item.waitFor({ state: 'visible', timeout: 1_500 }).then(() => true, () => false)) break;
        await page.mouse.move(640, 400);
      }
      await item.waitFor({ state: 'visible', timeout: 1_000 });
      const text = (await item.textContent())?.trim();
      await page.mouse.move(640, 400);
      return JSON.stringify(text);
    });

    await check('hover on J7507 shows the descriptor and the billing unit', async () => {
      const hover = await hoverOver(page, () => textBox(page, 'SV1*HC:J7507', 'J7507'), 'Tacrolimus');
      const text = (await hover.textContent()) ?? '';
      for (const part of ['Tacrolimus, immediate release, oral, 1 mg', 'Billing unit: 1 unit = 1 mg']) {
        if (!text.includes(part)) throw new Error(`hover lacks ${JSON.stringify(part)}: ${text.slice(0, 300)}`);
      }
      await settled(hover);
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
      await goToLine(page, 'claim.837', 'SV1*HC:J9035');
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
      await settled(menu);
      await screenshot(page, 'quickfix.png');
      const items = await page.locator('.action-widget .monaco-list-row').allTextContents();
      await page.keyboard.press('Escape');
      return JSON.stringify(items);
    });

    await check('Format Document lays a one-line claim out one segment per line', async () => {
      await page.keyboard.press('Escape');
      await openFile(page, 'one-line.837');
      await page.locator('.editor-instance .view-line').first().click();
      await runCommand(page, 'Format Document');
      await page.locator('.editor-instance .view-line', { hasText: /^GS\*HC\*/ }).first().waitFor({ timeout: 15_000 });
      await screenshot(page, 'formatting.png');
    });

    await check('Fix All removes both duplicated modifiers', async () => {
      await page.locator('.editor-instance .view-line').first().click();
      await runCommand(page, 'Fix All');
      // formatted, the file is one segment per line (the code lenses push the J7507 line out of view)
      await goToLine(page, 'one-line.837', 'SV1*HC:J7507:KX', '~');
      // KX once, whatever the inlay hints write after it (the descriptor, the dose)
      await page.locator('.editor-instance .view-line', { hasText: /SV1\*HC:J7507:KX(?!:)/ }).first().waitFor({ timeout: 15_000 });
      const twice = await page.locator('.editor-instance .view-line', { hasText: ':KX:KX' }).count();
      if (twice) throw new Error('KX is still there twice');
    });

    await check('"HCPCS: Look up code…" finds J7507 by drug name, with its status', async () => {
      await runCommand(page, 'HCPCS: Look up code');
      await page.locator('.quick-input-widget input').fill('tacrolimus');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'J7507' }).first();
      await row.waitFor({ timeout: 15_000 });
      await settled(row);
      await screenshot(page, 'lookup.png');
      const text = (await row.textContent()) ?? '';
      if (!/active/.test(text)) throw new Error(`no status in ${text}`);
      await page.keyboard.press('Escape');
      return JSON.stringify(text.slice(0, 120));
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
