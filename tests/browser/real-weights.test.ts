// The real SDXS set as a user first meets it, in a build of test models pointed at it (?models=;
// ?gate=shader-f16 lets the gate offer fp16 weights on this machine's software GPU, which lacks it):
// the panel names the models, their licences and origin and the total size, and the download
// waits for the user's one-time agreement. This machine, like the test browser, has no route to
// the host (every off-machine request is refused), so the download fails with a sentence naming the
// file, and the other styles keep working.

import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();
const PHOTO = fixtureFile('faces/grace_hopper.jpg');

describe('the real AI model set', () => {
  it('is offered with its licences, size and source, asks once, and fails with a sentence when its host cannot be reached', async () => {
    const { page, context, offMachineRequests } = await openPage(session.browser);
    await openApp(page, session.server.url, 'face=cpu&ai=webgpu&gate=shader-f16&models=sdxs-512');
    await page.getByTestId('style-select').selectOption('ai');
    const status = page.getByTestId('ai-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('needs-download');
    await expect(page.getByTestId('ai-test-banner').count()).resolves.toBe(0);

    const consent = page.getByTestId('ai-consent');
    await expect(consent.getByTestId('ai-credit').count()).resolves.toBe(2);
    await expect(consent.getByTestId('ai-credit-license').allTextContents()).resolves.toEqual(['openrail++', 'MIT']);
    const sources = await consent.getByTestId('ai-credit-source').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(sources).toEqual([
      'https://huggingface.co/blinkfy/CVClass-SDXS-ONNX/tree/1fd4b780fb0ead12bbf73f60b90ab2f5d03b53a5',
      'https://huggingface.co/deinferno/taesd-onnx/tree/f99d5f3d1962fe37e321c31bb86214a87a0cde4b',
    ]);
    await expect(consent.getByTestId('ai-consent-total').textContent()).resolves.toContain('0.94 GB');
    const download = page.getByTestId('ai-download');
    await expect(download.isDisabled()).resolves.toBe(true);
    await consent.getByTestId('ai-consent-agree').check();
    await download.click();

    const error = page.getByTestId('ai-error');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('failed');
    await expect(error.getAttribute('data-code')).resolves.toBe('MODEL_DOWNLOAD_FAILED');
    // The first network file the load asks for (the tokenizer comes from this site).
    await expect(error.getAttribute('data-model')).resolves.toBe('sdxs-text-encoder-fp16');
    await expect(error.textContent()).resolves.toMatch(/huggingface\.co/u);
    expect(offMachineRequests.some((url) => url.startsWith('https://huggingface.co/blinkfy/CVClass-SDXS-ONNX/resolve/1fd4b780'))).toBe(true);

    // Agreed once: a later visit does not ask again.
    await page.reload();
    await page.getByTestId('style-select').selectOption('ai');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('needs-download');
    await expect(page.getByTestId('ai-consent').count()).resolves.toBe(0);
    await expect(download.isDisabled()).resolves.toBe(false);

    // Every other style still works.
    await page.getByTestId('style-select').selectOption('photo');
    await makeSticker(page, PHOTO, { prompt: '开心' });
    expect((await outcome(page)).kind).toBe('result');
    await context.close();
  }, 240_000);
});
