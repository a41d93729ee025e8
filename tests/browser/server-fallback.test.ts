// The AI stage on the fallback server, end to end: the real Fastify server (fixture networks on
// onnxruntime-node) behind the app's origin as `npm start` proxies it, and the built app in
// Chromium. A device the capability gate finds weak (?gate=weak) gets its sticker from the server
// with the same progress and result card as a local run, and the same pixels as this device's own
// wasm run for the seed; a user on a capable device can choose the server; a cancel stops the
// server's job too; the server's refusals read like local errors; a server that is down is said plainly.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page, Request } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { countedDiffusion, modelCalls } from '../server/support/harness.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { chooseAi, loadAiModels, meanAbsDiff, pixels, recordSteps, redrawSteps } from './support/ai-driver.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

const PHOTO = fixtureFile('faces/grace_hopper.jpg');
/** onnxruntime-node on the CPU and onnxruntime-web's wasm: the same networks, sums in another order. */
const ENGINE_TOLERANCE = 1.5;
const AI_TEST_MS = 300_000;
const REDRAW_MS = 120_000;

let api: FastifyInstance;
let app: AppServer;
let browser: Browser;
/** While set, the server's UNet runs wait for it: a test holds a job in the middle of its redraw. */
let hold: { reached: () => void; release: Promise<void> } | null = null;

beforeAll(async () => {
  const config = { ...loadConfig({ BIAOQING_MODELS: 'fixtures' }), dataDir: mkdtempSync(path.join(tmpdir(), 'biaoqing-e2e-')) };
  const held = async (run: string): Promise<void> => {
    if (run !== 'predictNoise' || hold === null) return;
    hold.reached();
    await hold.release;
  };
  api = await buildApp(config, { loadDiffusion: countedDiffusion(undefined, held) });
  app = await startAppServer({ api: await api.listen({ host: '127.0.0.1', port: 0 }) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await api?.close();
});

/** The API calls the page (its worker included) makes, in order, without the origin. */
function apiCalls(page: Page): { calls: string[]; uploads: Request[] } {
  const seen = { calls: [] as string[], uploads: [] as Request[] };
  page.context().on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (!pathname.startsWith('/api/') && pathname !== '/healthz') return;
    seen.calls.push(`${r.method()} ${pathname.replace(/[\w-]{22}/u, ':id')}`);
    if (pathname === '/api/upload') seen.uploads.push(r);
  });
  return seen;
}

async function sticker(page: Page, words: string): Promise<string> {
  await makeSticker(page, PHOTO, { prompt: words });
  const done = await outcome(page, null, REDRAW_MS);
  if (done.kind !== 'result') throw new Error(`expected a sticker, got ${done.code}: ${done.detail}`);
  return done.src;
}

/** The PNG inside a multipart upload body: from its signature to the closing boundary. */
function uploadedPng(body: Buffer): Buffer {
  const start = body.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return body.subarray(start);
}

describe('AI redraw on the fallback server', () => {
  it(
    'sends a weak device’s AI stage to the server and gets the same sticker this device’s wasm makes',
    async () => {
      const { page, context, pageErrors, offMachineRequests } = await openPage(browser);
      const seen = apiCalls(page);
      const modelRequests: string[] = [];
      context.on('request', (r) => {
        if (r.url().includes('/models/fixtures/diffusion/')) modelRequests.push(r.url());
      });
      await openApp(page, app.url, 'face=cpu&gate=weak');
      await chooseAi(page, { seed: 4321, steps: 2 });
      const status = page.getByTestId('ai-status');
      await expect.poll(() => status.getAttribute('data-state')).toBe('ready');
      expect(await status.getAttribute('data-provider')).toBe('server');
      expect(await status.getAttribute('data-reason')).toBe('no-webgpu');
      await expect(page.getByTestId('ai-server').textContent()).resolves.toMatch(/512×512.*72 小时后自动删除/u);
      expect(await page.getByTestId('ai-download').count()).toBe(0);

      await recordSteps(page);
      const fromServer = await sticker(page, '开心大笑');
      const steps = await redrawSteps(page);
      expect(steps.at(-1)).toEqual([4, 4]);
      steps.forEach(([done], i) => {
        if (i > 0) expect(done).toBeGreaterThanOrEqual(steps[i - 1]![0]);
      });
      await expect(page.getByTestId('redraw-info').textContent()).resolves.toMatch(/在服务器上生成.*4321.*2 步/u);
      expect(seen.calls).toEqual([
        'GET /healthz',
        'GET /healthz',
        'POST /api/upload',
        'POST /api/generate',
        'GET /api/jobs/:id/events',
        'GET /api/download/:id',
      ]);
      // Only the aligned face square left the device, as a 512×512 PNG.
      const png = uploadedPng(seen.uploads[0]!.postDataBuffer()!);
      expect(parseImageHeader(new Uint8Array(png))).toMatchObject({ width: 512, height: 512 });
      expect(modelRequests).toEqual([]);
      // The server ran the AI: the sticker files are kept for offline use, onnxruntime-web's wasm is not.
      const kept = page.getByTestId('offline-indicator');
      await expect.poll(() => kept.getAttribute('data-offline-ready'), { timeout: 60_000 }).toBe('stickers');
      await page.waitForTimeout(3000); // time enough to copy 27 MB here, had it been asked for
      expect(await kept.getAttribute('data-offline-ready')).toBe('stickers');
      expect(await page.evaluate(async () => (await (await caches.open('biaoqing-ai')).keys()).length)).toBe(0);

      const local = await openPage(browser);
      await openApp(local.page, app.url, 'face=cpu&ai=wasm');
      await chooseAi(local.page, { seed: 4321, steps: 2 });
      await loadAiModels(local.page);
      const onDevice = await sticker(local.page, '开心大笑');
      expect(meanAbsDiff(await pixels(page, fromServer), await pixels(local.page, onDevice))).toBeLessThan(ENGINE_TOLERANCE);

      expect(offMachineRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
      await local.context.close();
    },
    AI_TEST_MS,
  );

  it(
    'lets a user on a capable device choose the server, remembers it, and says the server’s refusals like local errors',
    async () => {
      const { page, context } = await openPage(browser);
      await openApp(page, app.url, 'face=cpu');
      await chooseAi(page, { seed: 5, steps: 1 });
      const status = page.getByTestId('ai-status');
      await expect.poll(() => status.getAttribute('data-state')).toBe('needs-download');
      await page.getByTestId('ai-device').selectOption('server');
      await expect.poll(() => status.getAttribute('data-provider')).toBe('server');
      expect(await status.getAttribute('data-reason')).toBe('pinned-server');
      expect(await status.getAttribute('data-state')).toBe('ready');
      const made = await sticker(page, 'surprised');
      await expect(page.getByTestId('redraw-report').getAttribute('data-provider')).resolves.toBe('server');

      // A word on the server's list: refused before the model, said as on the device, words kept.
      await page.getByTestId('prompt-input').fill('surprised nude');
      await page.getByTestId('generate-button').click();
      const refused = await outcome(page, made, REDRAW_MS);
      expect(refused).toMatchObject({ kind: 'error', code: 'CONTENT_REJECTED' });
      expect(refused.kind === 'error' && refused.text).toMatch(/内容不符合规范/u);
      await expect(page.getByTestId('prompt-input').inputValue()).resolves.toBe('surprised nude');

      await page.reload();
      await page.getByTestId('generate-button').waitFor();
      await page.getByTestId('style-select').selectOption('ai');
      await expect(page.getByTestId('ai-device').inputValue()).resolves.toBe('server');
      await expect.poll(() => page.getByTestId('ai-status').getAttribute('data-provider')).toBe('server');
      await context.close();
    },
    AI_TEST_MS,
  );

  it(
    'cancels the server’s job when the user cancels, and the next sticker still comes',
    async () => {
      const { page, context } = await openPage(browser);
      const jobIds: string[] = [];
      context.on('request', (r) => {
        const id = /\/api\/jobs\/([\w-]{22})$/u.exec(new URL(r.url()).pathname)?.[1];
        if (r.method() === 'DELETE' && id !== undefined) jobIds.push(id);
      });
      await openApp(page, app.url, 'face=cpu&ai=server');
      await chooseAi(page, { seed: 11, steps: 2 });
      await expect.poll(() => page.getByTestId('ai-status').getAttribute('data-state')).toBe('ready');
      let reached = (): void => undefined;
      const atUnet = new Promise<void>((resolve) => {
        reached = resolve;
      });
      let release = (): void => undefined;
      hold = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
      try {
        await makeSticker(page, PHOTO, { prompt: '惊讶' });
        await atUnet;
        await page.getByTestId('cancel-button').click();
        expect(await outcome(page, null, REDRAW_MS)).toMatchObject({ kind: 'error', code: 'ABORTED' });
        await expect.poll(() => jobIds.length).toBe(1);
        const runsAtCancel = modelCalls.count;
        release();
        // The server's job ends ABORTED at its next network run, and runs nothing after it.
        const status = async () => (await (await fetch(`${app.url}api/jobs/${jobIds[0]}`)).json()) as { state: string; error?: { code: string } };
        await expect.poll(status).toMatchObject({ state: 'failed', error: { code: 'ABORTED' } });
        expect(modelCalls.count).toBeLessThanOrEqual(runsAtCancel + 1);
      } finally {
        hold = null;
        release();
      }
      await makeSticker(page, PHOTO, { prompt: '惊讶' });
      expect((await outcome(page, null, REDRAW_MS)).kind).toBe('result');
      await context.close();
    },
    AI_TEST_MS,
  );

  it(
    'says plainly when the device is weak and the server cannot be reached',
    async () => {
      // An app origin whose /api leads nowhere: a port that was just closed.
      const closed = await buildApp({ ...loadConfig({ BIAOQING_MODELS: 'fixtures' }), dataDir: mkdtempSync(path.join(tmpdir(), 'biaoqing-e2e-')) });
      const address = await closed.listen({ host: '127.0.0.1', port: 0 });
      await closed.close();
      const orphan = await startAppServer({ api: address });
      const { page, context } = await openPage(browser);
      await openApp(page, orphan.url, 'face=cpu&gate=weak');
      await page.getByTestId('style-select').selectOption('ai');
      const status = page.getByTestId('ai-status');
      await expect.poll(() => status.getAttribute('data-state')).toBe('unavailable');
      await expect(page.getByTestId('ai-error').getAttribute('data-code')).resolves.toBe('SERVER_UNREACHABLE');
      await expect(page.getByTestId('ai-error').textContent()).resolves.toMatch(/生成服务器也连不上/u);
      await makeSticker(page, PHOTO, { prompt: '惊讶' });
      expect(await outcome(page, null, REDRAW_MS)).toMatchObject({ kind: 'error', code: 'SERVER_UNREACHABLE' });
      await context.close();
      await orphan.close();
    },
    AI_TEST_MS,
  );
});
