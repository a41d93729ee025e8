// The update flow: the server starts serving a changed sw.js (a new version); the open app offers
// it; agreed to while a sticker is being made, it waits: the page reloads only after the sticker
// is shown, then runs under the new service worker with the photo and words still there. Agreed
// to while idle, it reloads at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp } from './support/app-driver.ts';
import { serviceWorkerInControl } from './support/service-worker.ts';

const builtWorker = fileURLToPath(new URL('../../dist/sw.js', import.meta.url));
/** Which version of sw.js the server hands out; 1 is the build's own. */
let version = 1;

/**
 * Version N > 1 is the build's sw.js plus an answer on /__sw-version, so the page can ask which
 * worker controls it (the build's own has no such route: the server says 404).
 */
function versionedWorker(): Plugin {
  return {
    name: 'test-versioned-service-worker',
    // Ahead of the app's own file serving (its brotli copy of sw.js would answer first).
    enforce: 'pre',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/sw.js' || version === 1) return next();
        const route = `self.addEventListener('fetch', (e) => { if (new URL(e.request.url).pathname === '/__sw-version') e.respondWith(new Response('${version}')); });`;
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(`${readFileSync(builtWorker, 'utf8')}\n${route}\n`);
      });
    },
  };
}

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  server = await startAppServer({ plugins: [versionedWorker()] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function controllingVersion(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/__sw-version');
    return response.ok ? response.text() : `HTTP ${response.status}`;
  });
}

/** Page loads (new documents) from now on, each with the time it started by the page's clock. */
function countLoads(page: Page): number[] {
  const loads: number[] = [];
  page.on(
    'load',
    () =>
      void page
        .evaluate(() => performance.timeOrigin)
        .then(
          (t) => loads.push(t),
          () => undefined,
        ),
  );
  return loads;
}

describe('app update', () => {
  it('offers a new version, waits for the running sticker, then reloads under the new worker with nothing lost', async () => {
    version = 1;
    const { page, context, pageErrors } = await openPage(browser);
    await openApp(page, server.url);
    await serviceWorkerInControl(page);
    expect(await controllingVersion(page)).toBe('HTTP 404');
    expect(await page.getByTestId('update-banner').getAttribute('data-state')).toBe('none');

    version = 2;
    await page.reload(); // The browser checks sw.js on navigation and installs the new one beside the old.
    const banner = page.getByTestId('update-banner');
    await expect.poll(() => banner.getAttribute('data-state'), { timeout: 60_000 }).toBe('waiting');
    expect(await banner.textContent()).toMatch(/有新版本/u);
    expect(await controllingVersion(page)).toBe('HTTP 404');

    // When the sticker shows, the page writes the time down where a reload keeps it.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="result-image"]') === null) return;
        sessionStorage.setItem('result-shown-at', String(Date.now()));
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    const loads = countLoads(page);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶', caption: '更新也不怕' });
    await page.getByTestId('cancel-button').waitFor();
    await page.getByTestId('update-button').click();
    expect(await banner.getAttribute('data-state')).toBe('deferred');
    expect(await banner.textContent()).toMatch(/表情做完后就更新/u);
    expect(await page.getByTestId('generate-button').getAttribute('aria-busy')).toBe('true');
    expect(loads).toEqual([]);

    await expect.poll(() => loads.length, { timeout: 120_000 }).toBe(1);
    await page.getByTestId('generate-button').waitFor();
    const shownAt = Number(await page.evaluate(() => sessionStorage.getItem('result-shown-at')));
    expect(shownAt, 'the sticker was shown before the reload').toBeGreaterThan(0);
    expect(loads[0]!).toBeGreaterThan(shownAt);
    expect(await controllingVersion(page)).toBe('2');
    expect(await page.getByTestId('update-banner').getAttribute('data-state')).toBe('none');
    // The draft and the history came through the reload.
    await page.getByTestId('photo-preview').waitFor();
    expect(await page.getByTestId('prompt-input').inputValue()).toBe('惊讶');
    expect(await page.getByTestId('caption-input').inputValue()).toBe('更新也不怕');
    await page.getByTestId('history-item').first().waitFor();

    // Agreed to while idle: the new version takes over and the page reloads straight away.
    version = 3;
    await page.reload();
    await expect.poll(() => banner.getAttribute('data-state'), { timeout: 60_000 }).toBe('waiting');
    const before = loads.length;
    await page.getByTestId('update-button').click();
    await expect.poll(() => loads.length, { timeout: 60_000 }).toBe(before + 1);
    await page.getByTestId('generate-button').waitFor();
    expect(await controllingVersion(page)).toBe('3');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
