import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { STICKER_SIZE } from '../../src/core/sticker-layout.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';
import { LandmarkHarness } from './support/harness.ts';
import { expectEyesOnTargets } from './support/eye-targets.ts';

let server: AppServer;
let browser: Browser;
let harness: LandmarkHarness;
let t: TestPage;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  harness = await LandmarkHarness.open(browser, server.url);
  t = await openPage(browser);
  await openApp(t.page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the first sticker, end to end', () => {
  it('turns a face photo into a transparent PNG with the eyes where the layout puts them', async () => {
    await makeSticker(t.page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心', caption: '我太难了' });
    const done = await outcome(t.page);
    expect(done.kind).toBe('result');
    if (done.kind !== 'result') return;

    const png = await imageBytes(t.page, done.src);
    expect(Buffer.from(png, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const measured = await harness.measure(png, 'image/png');
    expect([measured.width, measured.height]).toEqual([STICKER_SIZE, STICKER_SIZE]);
    // Transparent background: all four corners clear and a large share of the sticker empty.
    expect(measured.corners).toEqual([0, 0, 0, 0]);
    expect(measured.transparentFraction).toBeGreaterThan(0.2);

    // The landmarker, run afresh on the sticker, finds the face with its eyes on the targets.
    expectEyesOnTargets(measured);
    // Cut along the person: the segmenter, loading beside the face model, was there in time.
    expect(await t.page.getByTestId('cutout-note').count()).toBe(0);
  });

  it('shows the still sticker while its animation and exports are still being made, then the same image with them', async () => {
    await t.page.getByTestId('animate-toggle').check();
    // Every image the page shows, in order, with whether it was the still.
    await t.page.evaluate(() => {
      const seen: { src: string; still: boolean; pending: boolean; exports: boolean }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="result-image"]');
        if (img === null || seen.at(-1)?.src === img.src && seen.at(-1)?.still === (img.dataset.state === 'still')) return;
        const pending = document.querySelector('[data-testid="exports-pending"]') !== null;
        seen.push({ src: img.src, still: img.dataset.state === 'still', pending, exports: document.querySelector('[data-testid="export-wechat"]') !== null });
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const before = await t.page.getByTestId('result-image').getAttribute('src');
    await makeSticker(t.page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶', caption: '先看到' });
    const done = await outcome(t.page, before);
    await t.page.getByTestId('animate-toggle').uncheck();
    expect(done.kind).toBe('result');
    const seen = await t.page.evaluate(() => (window as unknown as { seen: { src: string; still: boolean; pending: boolean; exports: boolean }[] }).seen);
    const firstNew = seen.findIndex((s) => s.still);
    expect(seen[firstNew], 'the still, with the exports on their way').toMatchObject({ still: true, pending: true, exports: false });
    expect(seen.at(-1), 'then the finished sticker, the same image').toMatchObject({ src: seen[firstNew]?.src, still: false, pending: false, exports: true });
  });

  it('offers the sticker as a PNG download', async () => {
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByTestId('download-link').click()]);
    expect(download.suggestedFilename()).toMatch(/^biaoqing-.*\.png$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe('PNG');
  });

  it('reports the WebGPU adapter and where each stage ran', async () => {
    await t.page.getByTestId('diagnostics').locator('summary').click();
    await expect.poll(() => t.page.getByTestId('gpu-report').isVisible()).toBe(true);
    expect(await t.page.getByTestId('gpu-max-buffer').innerText()).toMatch(/MiB/);
    expect(await t.page.getByTestId('timing-detect-face').getAttribute('data-backend')).toBe('mediapipe-wasm-cpu');
    expect(Number(await t.page.getByTestId('timing-encode').getAttribute('data-ms'))).toBeGreaterThan(0);
  });

  it('fetched nothing from off this machine', () => {
    expect(t.offMachineRequests).toEqual([]);
  });
});
