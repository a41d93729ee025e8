// Installable: the manifest's fields and files (icons and screenshots at the sizes they declare, a
// maskable icon), the service worker in control after a reload, Chromium's own installability
// check, and what it keeps: the app shell at once, the sticker files after the first sticker,
// onnxruntime-web only once the AI ran, never a model file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { CHROMIUM_PATH, openPage } from './support/chromium.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { fixtureFile } from './support/fixtures.ts';
import { precachedPaths, serviceWorkerInControl } from './support/service-worker.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

const session = useSession();
/** Long enough for Chromium's install offer to come before the UI's code has run. */
const UI_CODE_DELAY_MS = 3000;
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

interface ImageResource {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
  form_factor?: string;
  label?: string;
}

interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: ImageResource[];
  screenshots: ImageResource[];
  translations: { en: { name: string; short_name: string } };
}

/** A file as the page would get it, resolved against `base`, with its PNG's real size. */
async function pngSize(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const header = parseImageHeader(new Uint8Array(await response.body()));
  expect(header.format, url).toBe('png');
  return `${header.width}x${header.height}`;
}

describe('installable app', () => {
  it('links a manifest whose fields, icons and screenshots are all there at the sizes it declares', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
    const response = await page.request.get(manifestUrl);
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as WebManifest;

    expect(manifest.name).toMatch(/^表情/u);
    expect(manifest.short_name).toBe('表情');
    expect(manifest.translations.en.name).toMatch(/BiaoQing/u);
    expect(manifest.lang).toBe('zh-CN');
    expect(manifest.display).toBe('standalone');
    // start_url and scope are relative, so they hold under any base the app is served from.
    const origin = new URL(session.server.url).origin;
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(`${origin}/`);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(`${origin}/`);
    // The browser's bar and splash match the page: the theme colour is the page's, the background the page's --bg (styles/page.css).
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(manifest.theme_color);
    expect(manifest.background_color).toBe(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()));

    for (const image of [...manifest.icons, ...manifest.screenshots]) {
      expect(await pngSize(page, new URL(image.src, manifestUrl).href), image.src).toBe(image.sizes);
      expect(image.type).toBe('image/png');
    }
    const any = manifest.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes('any')).map((i) => i.sizes);
    expect(any).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.find((i) => i.purpose === 'maskable')?.sizes).toBe('512x512');
    expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of manifest.screenshots) expect(shot.label?.length ?? 0).toBeGreaterThan(0);
    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').evaluate((link: HTMLLinkElement) => link.href);
    expect(await pngSize(page, appleIcon)).toBe('180x180');
    await context.close();
  });

  it('is controlled by its service worker after a reload, keeps the shell at once and the sticker files after the first sticker, but no model', async () => {
    const { page, context, offMachineRequests, pageErrors } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await serviceWorkerInControl(page);
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    expect(await serviceWorkerInControl(page)).toBe(`${new URL(session.server.url).origin}/sw.js`);

    const shell = await precachedPaths(page, 'install');
    const entry = await page.locator('script[type="module"][src]').first().getAttribute('src');
    const styles = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(shell).toEqual(
      expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', new URL(entry!, session.server.url).pathname, ...styles]),
    );
    // Nothing the first sticker has not used yet: it would compete with the sticker for the network.
    expect(shell.filter((p) => p.endsWith('.wasm') || p.endsWith('.woff2'))).toEqual([]);

    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心', caption: '离线' });
    expect((await outcome(page)).kind).toBe('result');
    await expect.poll(() => page.getByTestId('offline-indicator').getAttribute('data-offline-ready'), { timeout: 60_000 }).toBe('stickers');
    const paths = await precachedPaths(page);
    expect(paths.filter((p) => /^\/mediapipe\/[\d.]+\/vision_wasm_module_internal\.(?:wasm|js)$/u.test(p))).toHaveLength(2);
    expect(
      paths.some((p) => p.endsWith('.woff2')),
      'the caption fonts',
    ).toBe(true);
    expect(
      paths.some((p) => /^\/assets\/ort-wasm.*\.wasm$/u.test(p)),
      'onnxruntime-web’s wasm, before the AI ran',
    ).toBe(false);
    expect(paths.filter((p) => p.startsWith('/models/'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.map') || p === '/sw.js')).toEqual([]);
    expect(offMachineRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('registers no service worker in WeChat’s in-app browser', async () => {
    const { page, context, pageErrors } = await openPage(session.browser, { userAgent: WECHAT_UA });
    await openApp(page, session.server.url);
    // The app registers after the load event; by the time the face model is ready it would have.
    await page
      .getByTestId('notice')
      .filter({ hasText: /已就绪/u })
      .waitFor({ timeout: 60_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(await page.getByTestId('update-banner').getAttribute('data-state')).toBe('none');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('passes Chromium’s own installability check and offers the install button', async () => {
    // A profile on disk: Chromium never installs from an incognito context, which is what browser.newContext() makes.
    const profile = mkdtempSync(path.join(os.tmpdir(), 'biaoqing-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox'], locale: 'zh-CN' });
    try {
      // The UI's code arrives late, as on a slow link: Chromium offers to install (beforeinstallprompt,
      // ~0.2 s after opening here) before that code has run, and the offer must not be lost.
      await context.route(/\/start-ui-[\w-]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, UI_CODE_DELAY_MS));
        await route.continue();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await openApp(page, session.server.url);
      // The app shows its own button for the offer, named for screen readers.
      const button = page.getByRole('button', { name: '安装到桌面' });
      await button.waitFor();
      expect(await button.getAttribute('data-testid')).toBe('install-button');
      // What installing needs: the manifest's fields and icons, a controlling service worker with a fetch handler.
      await serviceWorkerInControl(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
      await button.click();
      // The offer is used up by the browser's dialog, so the button goes.
      await button.waitFor({ state: 'detached' });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
