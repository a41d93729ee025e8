// The AI redraw end to end in Chromium on the fixture networks models/fixtures/diffusion builds
// (real ONNX networks with the hosted SDXS files' signatures): WebGPU (SwiftShader here) and wasm
// agree, the seed repeats, progress only rises, a cancel stops within one step and leaves no GPU
// tensor behind, and a second visit loads from IndexedDB without a download. The same networks in
// the other common layout (?models=fixtures-alt) give the same sticker.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { chooseAi, loadAiModels, meanAbsDiff, pixels, recordSteps, redrawSteps } from './support/ai-driver.ts';

const session = useSession();
const PHOTO = fixtureFile('faces/grace_hopper.jpg');

/** Mean |Δ| (0–255) allowed between the providers: float sums in another order, through 4 networks. */
const PROVIDER_TOLERANCE = 1.5;
/** Between the two fixture layouts: the same networks, one with float16 weights and tensors (0.05 on onnxruntime-node). */
const LAYOUT_TOLERANCE = 0.5;
/** A different seed or no redraw at all must move the picture by clearly more than that. */
const DIFFERENT = 4;
/** SwiftShader's WebGPU takes ~25 s for a two-step redraw on 2 cores (most of it compiling kernels once). */
const AI_TEST_MS = 400_000;
const REDRAW_MS = 200_000;

async function redraw(page: Page, words: string, previous: string | null = null): Promise<string> {
  await makeSticker(page, PHOTO, { prompt: words });
  const done = await outcome(page, previous, REDRAW_MS);
  if (done.kind !== 'result') throw new Error(`expected a sticker, got ${done.code}: ${done.detail}`);
  return done.src;
}

async function setSeed(page: Page, seed: number): Promise<void> {
  await page.getByTestId('ai-seed').fill(String(seed));
  await page.getByTestId('ai-seed').dispatchEvent('change');
}

async function gpuTensorsLeft(page: Page): Promise<string | null> {
  return page.getByTestId('ai-status').getAttribute('data-gpu-tensors');
}

describe('AI redraw on the fixture networks', () => {
  it(
    'downloads once, redraws on WebGPU with rising progress, frees its GPU tensors, and loads from IndexedDB next time',
    async () => {
      const { page, context, pageErrors, offMachineRequests } = await openPage(session.browser);
      const modelRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/models/fixtures/diffusion/')) modelRequests.push(r.url());
      });
      await openApp(page, session.server.url, 'face=cpu&ai=webgpu');
      await chooseAi(page, { seed: 7, steps: 2 });
      const status = page.getByTestId('ai-status');
      await expect.poll(() => status.getAttribute('data-state')).toBe('needs-download');
      expect(await status.getAttribute('data-provider')).toBe('webgpu');
      await expect(page.getByTestId('ai-test-banner').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('ai-download').textContent()).resolves.toMatch(/\d+(\.\d)? MB/u);
      await loadAiModels(page);
      expect(modelRequests).toHaveLength(4);

      await recordSteps(page);
      // An English word the lexicon does not know makes the prompt new: its hidden states come from
      // the text encoder on the GPU, not from the cache.
      await redraw(page, 'laugh wearing sunglasses');
      const steps = await redrawSteps(page);
      expect(steps.length).toBeGreaterThanOrEqual(2);
      steps.forEach(([done, total], i) => {
        expect(total).toBe(4); // encode, 2 steps, decode
        if (i > 0) expect(done).toBeGreaterThan(steps[i - 1]![0]);
      });
      expect(steps.at(-1)).toEqual([4, 4]);
      await expect(page.getByTestId('redraw-info').textContent()).resolves.toMatch(/7.*2.*sunglasses/u);
      await expect.poll(() => gpuTensorsLeft(page), { timeout: 120_000 }).toBe('0');

      await page.reload();
      await page.getByTestId('generate-button').waitFor();
      await chooseAi(page, { seed: 7, steps: 2 });
      await expect.poll(() => status.getAttribute('data-state')).toBe('needs-download');
      await expect(page.getByTestId('ai-download').textContent()).resolves.not.toMatch(/MB/u);
      await loadAiModels(page);
      expect(modelRequests).toHaveLength(4);
      expect(offMachineRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    AI_TEST_MS,
  );

  it(
    'gives the same sticker on WebGPU and wasm for a seed, and another for another seed',
    async () => {
      const gpu = await openPage(session.browser);
      await openApp(gpu.page, session.server.url, 'face=cpu&ai=webgpu');
      await chooseAi(gpu.page, { seed: 1234, steps: 1 });
      await loadAiModels(gpu.page);
      const onGpu = await redraw(gpu.page, '惊讶');
      const a = await pixels(gpu.page, onGpu);
      await setSeed(gpu.page, 1235);
      const otherSeed = await pixels(gpu.page, await redraw(gpu.page, '惊讶', onGpu));
      await gpu.page.getByTestId('style-select').selectOption('photo');
      const photoStyle = await pixels(gpu.page, await redraw(gpu.page, '惊讶', null));

      const cpu = await openPage(session.browser);
      await openApp(cpu.page, session.server.url, 'face=cpu&ai=wasm');
      await chooseAi(cpu.page, { seed: 1234, steps: 1 });
      await expect.poll(() => cpu.page.getByTestId('ai-status').getAttribute('data-provider')).toBe('wasm');
      await loadAiModels(cpu.page);
      const b = await pixels(cpu.page, await redraw(cpu.page, '惊讶'));

      const providers = meanAbsDiff(a, b);
      expect(providers).toBeLessThan(PROVIDER_TOLERANCE);
      expect(meanAbsDiff(a, otherSeed)).toBeGreaterThan(DIFFERENT);
      expect(meanAbsDiff(a, photoStyle)).toBeGreaterThan(DIFFERENT);
      await gpu.context.close();
      await cpu.context.close();
    },
    AI_TEST_MS,
  );

  it(
    'runs the other common layout (int32 ids, int64 timestep, float16 tensors, `latent`, [0, 1] images, unscaled latents) to the same sticker',
    async () => {
      const stickers: number[][] = [];
      for (const models of ['fixtures', 'fixtures-alt']) {
        const { page, context, pageErrors } = await openPage(session.browser);
        await openApp(page, session.server.url, `face=cpu&ai=wasm&models=${models}`);
        await chooseAi(page, { seed: 1234, steps: 1 });
        await expect.poll(() => page.getByTestId('ai-status').getAttribute('data-provider')).toBe('wasm');
        await loadAiModels(page);
        stickers.push(await pixels(page, await redraw(page, '惊讶')));
        expect(pageErrors).toEqual([]);
        await context.close();
      }
      // The other layout's weights and tensors are float16, its VAE's conventions settled by the self-check.
      expect(meanAbsDiff(stickers[0]!, stickers[1]!)).toBeLessThan(LAYOUT_TOLERANCE);

      // Its float16 tensors need shader-f16 on WebGPU, which SwiftShader lacks: the gate says so and runs it on wasm.
      const { page, context } = await openPage(session.browser);
      await openApp(page, session.server.url, 'face=cpu&ai=webgpu&models=fixtures-alt');
      await chooseAi(page, { seed: 1234, steps: 1 });
      const status = page.getByTestId('ai-status');
      await expect.poll(() => status.getAttribute('data-reason')).toBe('no-shader-f16');
      await expect(status.getAttribute('data-provider')).resolves.toBe('wasm');
      await context.close();
    },
    AI_TEST_MS,
  );

  it(
    'stops within one step when cancelled, and frees its GPU tensors',
    async () => {
      const { page, context } = await openPage(session.browser);
      await openApp(page, session.server.url, 'face=cpu&ai=webgpu');
      await chooseAi(page, { seed: 99, steps: 3 });
      await loadAiModels(page);
      await recordSteps(page);
      await makeSticker(page, PHOTO, { prompt: 'crying under heavy rain' });
      await page.getByTestId('redraw-preview').waitFor({ timeout: 90_000 });
      const atCancel = (await redrawSteps(page)).at(-1)![0];
      await page.getByTestId('cancel-button').click();
      const done = await outcome(page, null, REDRAW_MS);
      expect(done).toMatchObject({ kind: 'error', code: 'ABORTED' });
      const last = (await redrawSteps(page)).at(-1)!;
      expect(last[1]).toBe(5); // encode, 3 steps, decode
      expect(last[0]).toBeLessThanOrEqual(atCancel + 1);
      expect(last[0]).toBeLessThan(5);
      await expect.poll(() => gpuTensorsLeft(page), { timeout: 120_000 }).toBe('0');
      // The models stay loaded: the next sticker needs no reload.
      await makeSticker(page, PHOTO, { prompt: 'crying under heavy rain' });
      expect((await outcome(page, null, REDRAW_MS)).kind).toBe('result');
      await context.close();
    },
    AI_TEST_MS,
  );
});
