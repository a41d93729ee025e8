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
import { DIFFUSION_SETS } from '../../src/core/diffusion/model-sets.ts';
import { modelEntry } from '../../src/core/models/manifest.ts';

const session = useSession();
const PHOTO = fixtureFile('faces/grace_hopper.jpg');
const SET = DIFFUSION_SETS['sdxs-512'];
/** The first network file the load asks for (the tokenizer comes from this site), at its pinned address. */
const FIRST_FILE = modelEntry(SET.variants[0].files.textEncoder);
const FIRST_URL = FIRST_FILE.url ?? '';

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
    // The pinned revisions the set names (model-sets.ts), as links.
    expect(sources).toEqual(SET.credits.map((c) => c.source));
    expect(sources.every((url) => /\/tree\/[0-9a-f]{40}$/u.test(url))).toBe(true);
    await expect(consent.getByTestId('ai-consent-total').textContent()).resolves.toContain('0.94 GB');
    const download = page.getByTestId('ai-download');
    await expect(download.isDisabled()).resolves.toBe(true);
    await consent.getByTestId('ai-consent-agree').check();
    await download.click();

    const error = page.getByTestId('ai-error');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('failed');
    await expect(error.getAttribute('data-code')).resolves.toBe('MODEL_DOWNLOAD_FAILED');
    await expect(error.getAttribute('data-model')).resolves.toBe(FIRST_FILE.id);
    // The sentence names the host it could not reach; the request (refused here) went to the pinned file.
    await expect(error.textContent()).resolves.toContain(new URL(FIRST_URL).host);
    expect(FIRST_URL).toMatch(/\/resolve\/[0-9a-f]{40}\//u);
    expect(offMachineRequests.some((url) => url.startsWith(FIRST_URL))).toBe(true);

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
