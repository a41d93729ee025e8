// Offline: after one visit that made a sticker (so the face and person models are in IndexedDB),
// the app's own server is shut down and the browser taken offline; a reload still shows the app,
// says it is offline, brings the draft back and makes a sticker with its exports, and what needs
// the network (the text encoder's and the AI models' downloads) says so instead of failing. With
// the AI models stored by an earlier visit, the AI redraw runs offline too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';
import { serviceWorkerInControl } from './support/service-worker.ts';
import { chooseAi, loadAiModels, meanAbsDiff, pixels } from './support/ai-driver.ts';
import { parseGif } from '../support/parse-gif.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

let server: AppServer;
let browser: Browser;
let serverClosed = false;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (!serverClosed) await server?.close();
});

describe('offline', () => {
  it('reloads with no network and no server, shows the offline note and makes a sticker with its exports', async () => {
    const { page, context, offMachineRequests, pageErrors } = await openPage(browser);
    await openApp(page, server.url);
    await serviceWorkerInControl(page);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心', caption: '离线也开心' });
    const first = await outcome(page);
    expect(first.kind).toBe('result');
    await expect.poll(() => page.getByTestId('offline-indicator').getAttribute('data-online')).toBe('true');
    // After the first sticker the service worker keeps the sticker files for offline use.
    await expect.poll(() => page.getByTestId('offline-indicator').getAttribute('data-offline-ready'), { timeout: 60_000 }).toBe('stickers');

    await context.setOffline(true);
    await server.close();
    serverClosed = true;
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    const indicator = page.getByTestId('offline-indicator');
    expect(await indicator.getAttribute('data-online')).toBe('false');
    expect(await indicator.getAttribute('aria-live')).toBe('polite');
    expect(await indicator.textContent()).toMatch(/离线/u);

    // The draft came back from IndexedDB: the photo and the words, ready to go again.
    await page.getByTestId('photo-preview').waitFor();
    expect(await page.getByTestId('prompt-input').inputValue()).toBe('开心');
    await page.getByTestId('generate-button').click();
    const again = await outcome(page);
    if (again.kind === 'error') throw new Error(`offline sticker failed: ${again.code} ${again.detail}`);
    // The caption's font came from the service worker's cache too.
    expect(await page.getByTestId('caption-font-report').getAttribute('data-families')).toBe('BiaoQing Caption');
    const png = parseImageHeader(Buffer.from(await imageBytes(page, again.src), 'base64'));
    expect([png.format, png.width, png.height]).toEqual(['png', 512, 512]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-wechat').click()]);
    const gif = parseGif(new Uint8Array(await readFile(await download.path())));
    expect([gif.width, gif.height]).toEqual([240, 240]);

    // Words understood only by a guess want the text encoder, never downloaded: it says it needs
    // the network, and the guess's alternatives are there meanwhile.
    await page.getByTestId('prompt-input').fill('my cheeks are burning');
    const encoderOffer = page.getByTestId('text-encoder-download');
    await encoderOffer.waitFor();
    expect(await encoderOffer.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="needs-network"][data-feature="encoderDownload"]').textContent()).toMatch(/联网/u);
    expect(await page.getByTestId('expression-suggestion').count()).toBeGreaterThan(0);

    // The AI models were never downloaded: their download needs the network and says so.
    await page.getByTestId('style-select').selectOption('ai');
    const aiDownload = page.getByTestId('ai-download');
    await aiDownload.waitFor();
    expect(await aiDownload.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="needs-network"][data-feature="aiDownload"]').textContent()).toMatch(/联网/u);

    expect(offMachineRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('offline AI redraw', () => {
  it('loads the stored AI models with no network and makes the same AI sticker as online', async () => {
    const online = await startAppServer();
    const { page, context, offMachineRequests, pageErrors } = await openPage(browser);
    await openApp(page, online.url, 'face=cpu&ai=wasm');
    await serviceWorkerInControl(page);
    await chooseAi(page, { seed: 3, steps: 1 });
    await loadAiModels(page);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶' });
    const first = await outcome(page, null, 120_000);
    if (first.kind === 'error') throw new Error(`online AI sticker failed: ${first.code} ${first.detail}`);
    const before = await pixels(page, first.src);
    // The AI ran: onnxruntime-web's wasm is kept for offline use with the sticker files.
    const ready = () =>
      page
        .getByTestId('offline-indicator')
        .getAttribute('data-offline-ready')
        .then((v) => (v ?? '').split(' ').sort().join(' '));
    await expect.poll(ready, { timeout: 60_000 }).toBe('ai stickers');

    await context.setOffline(true);
    await online.close();
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    await chooseAi(page, { seed: 3, steps: 1 });
    // Stored: nothing to download, so loading is allowed offline.
    const load = page.getByTestId('ai-download');
    await expect.poll(() => load.textContent()).not.toMatch(/MB/u);
    expect(await load.isDisabled()).toBe(false);
    await loadAiModels(page);
    await page.getByTestId('photo-preview').waitFor();
    await page.getByTestId('generate-button').click();
    const again = await outcome(page, null, 120_000);
    if (again.kind === 'error') throw new Error(`offline AI sticker failed: ${again.code} ${again.detail}`);
    expect(meanAbsDiff(before, await pixels(page, again.src))).toBeLessThan(0.5);
    expect(offMachineRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
