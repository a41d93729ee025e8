// Inside WeChat's in-app browser: a real Android WeChat user agent in a Chromium started without
// WebGPU (no adapter in the page or its workers, as assumed there), on a 360×640 phone.
// The app takes the weak-phone path by itself: MediaPipe on the CPU, the warp on WebGL2, the text
// encoder on wasm with one thread, the AI gate deciding as a weak phone, so the AI stage goes to
// the real fallback server (server/app.ts behind the app's origin, as `npm start` proxies it) and a
// sticker comes back. It shows the long-press hint and a dismissible "在浏览器打开" hint, and
// registers no service worker.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { chooseAi } from './support/ai-driver.ts';
import { seriousViolations } from './support/axe.ts';

/** What WeChat 8 on Android sends (Tencent's XWeb Chromium). */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
const AI_TEST_MS = 240_000;

let api: FastifyInstance;
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  const config = { ...loadConfig({ BIAOQING_MODELS: 'fixtures' }), dataDir: mkdtempSync(path.join(tmpdir(), 'biaoqing-wechat-')) };
  api = await buildApp(config);
  app = await startAppServer({ api: await api.listen({ host: '127.0.0.1', port: 0 }) });
  // Without --enable-unsafe-webgpu this Chromium has navigator.gpu but no adapter, in the page and its
  // workers: no WebGPU, as assumed in WeChat. (--disable-blink-features=WebGPU does not remove it.)
  browser = await launchChromium({ webgpu: false });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await api?.close();
});

/** Records the init message each worker gets from the page (the worker still gets it). */
async function recordWorkerInits(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const inits: unknown[] = [];
    Object.assign(window, { __inits: inits });
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'init') inits.push(structuredClone(message));
      return (post as (m: unknown, t?: unknown) => void).call(this, message, transfer);
    };
  });
}

interface InitOptions {
  faceDelegate?: string;
  warpBackend?: string;
  ai?: { assumeWeak: string | null; singleThreadWasm: boolean };
  encoder?: string;
  device?: string;
  singleThreadWasm?: boolean;
}

const workerInits = async (page: Page): Promise<InitOptions[]> =>
  (await page.evaluate(() => (window as unknown as { __inits: { options: unknown }[] }).__inits)).map((m) => m.options as InitOptions);

/** Whether a WebGPU adapter can be had in the page and in a worker it starts. */
const gpuAdapters = (page: Page) =>
  page.evaluate(async () => {
    const probe = async () => {
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      return gpu === undefined ? false : (await gpu.requestAdapter()) !== null;
    };
    const source = URL.createObjectURL(new Blob([`(${probe.toString()})().then((found) => postMessage(found))`], { type: 'text/javascript' }));
    const worker = new Worker(source);
    const inWorker = await new Promise<boolean>((resolve) => (worker.onmessage = (e: MessageEvent<boolean>) => resolve(e.data)));
    worker.terminate();
    return { page: await probe(), worker: inWorker };
  });

describe('inside WeChat’s in-app browser', () => {
  it('makes a sticker on the CPU path, with the long-press and open-in-browser hints, and no service worker', async () => {
    const { page, context, pageErrors, offMachineRequests } = await openPage(browser, { userAgent: WECHAT_UA, context: PHONE });
    await recordWorkerInits(page);
    // No pins in the URL but the bundled test encoder: the app decides by itself.
    await openApp(page, app.url, 'encoder=clip-text-fixture');
    expect(await gpuAdapters(page)).toEqual({ page: false, worker: false });

    const hint = page.getByRole('complementary', { name: /在浏览器打开/u });
    await expect(hint.innerText()).resolves.toMatch(/「···」.*「在浏览器打开」/su);
    expect(await page.getByTestId('open-in-browser-hint').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心' });
    expect((await outcome(page)).kind).toBe('result');
    expect(await page.getByTestId('wechat-save-hint').innerText()).toBe('长按图片保存 / 发送给朋友');
    expect(await page.locator('a[download]').count()).toBe(0);

    // The text encoder's worker starts only for words understood by a guess.
    expect((await workerInits(page)).find((o) => o.encoder !== undefined)).toBeUndefined();
    await page.getByTestId('prompt-input').fill('my cheeks are burning');
    await expect.poll(async () => (await workerInits(page)).some((o) => o.encoder !== undefined)).toBe(true);

    // What the engine asked the workers for, and what they report they ran on.
    const inits = await workerInits(page);
    expect(inits.find((o) => o.faceDelegate !== undefined)).toMatchObject({
      faceDelegate: 'cpu',
      warpBackend: 'webgl2',
      ai: { assumeWeak: 'wechat', singleThreadWasm: true },
    });
    expect(inits.find((o) => o.encoder !== undefined)).toMatchObject({ device: 'wasm', singleThreadWasm: true });
    await page.getByTestId('diagnostics').locator('summary').click();
    expect(await page.getByTestId('timing-detect-face').getAttribute('data-backend')).toBe('mediapipe-wasm-cpu');
    expect(await page.getByTestId('timing-warp').getAttribute('data-backend')).toBe('webgl2');
    expect(await page.getByTestId('gpu-none').count()).toBe(1);
    await expect.poll(() => page.getByTestId('text-encoder-report').getAttribute('data-device'), { timeout: 60_000 }).toBe('wasm');

    expect(await page.evaluate(async () => (navigator.serviceWorker === undefined ? 0 : (await navigator.serviceWorker.getRegistrations()).length))).toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();

    // Dismissed from the keyboard: focus moves on to a control, and it stays away after a reload.
    await page.getByTestId('open-in-browser-dismiss').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('open-in-browser-hint').count()).toBe(0);
    expect(await page.evaluate(() => ['INPUT', 'BUTTON', 'SELECT', 'A', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''))).toBe(true);
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    expect(await page.getByTestId('open-in-browser-hint').count()).toBe(0);

    expect(offMachineRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it(
    'sends the AI style to the fallback server and gets the sticker back',
    async () => {
      const { page, context } = await openPage(browser, { userAgent: WECHAT_UA, context: PHONE });
      const modelRequests: string[] = [];
      const uploads: string[] = [];
      context.on('request', (r) => {
        if (r.url().includes('/models/fixtures/diffusion/')) modelRequests.push(r.url());
        if (new URL(r.url()).pathname === '/api/upload') uploads.push(r.url());
      });
      await openApp(page, app.url, '');
      await chooseAi(page, { seed: 77, steps: 1 });
      const status = page.getByTestId('ai-status');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
      expect(await status.getAttribute('data-provider')).toBe('server');
      expect(await status.getAttribute('data-reason')).toBe('no-webgpu');
      await expect(page.getByTestId('ai-server').innerText()).resolves.toMatch(/在服务器上生成.*512×512/u);
      expect(await page.getByTestId('ai-download').count()).toBe(0);

      await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心大笑' });
      const done = await outcome(page, null, 180_000);
      expect(done.kind).toBe('result');
      await expect(page.getByTestId('redraw-info').innerText()).resolves.toMatch(/在服务器上生成.*77/u);
      expect(await page.getByTestId('wechat-save-hint').count()).toBe(1);
      expect(uploads).toHaveLength(1);
      expect(modelRequests).toEqual([]);
      await context.close();
    },
    AI_TEST_MS,
  );

  it('outside WeChat the same browser shows no open-in-browser hint and decides the AI stage by the device', async () => {
    const { page, context } = await openPage(browser, { context: PHONE });
    await openApp(page, app.url, '');
    expect(await page.getByTestId('open-in-browser-hint').count()).toBe(0);
    await page.getByTestId('style-select').selectOption('ai');
    // The test networks run on this CPU when the gate asks the device itself.
    await expect.poll(() => page.getByTestId('ai-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('needs-download');
    await context.close();
  });
});
