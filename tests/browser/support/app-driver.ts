// Drives the app the way a person does, through the stable data-testid hooks.

import type { Page } from 'playwright-core';
import type { UploadFile } from './fixtures.ts';
import { jobStateInPage } from '../../support/job-state.ts';

export async function openApp(page: Page, baseUrl: string, query = 'face=cpu'): Promise<void> {
  await page.goto(`${baseUrl}?${query}`);
  await page.getByTestId('generate-button').waitFor();
}

export async function makeSticker(page: Page, photo: UploadFile, words: { prompt?: string; caption?: string } = {}): Promise<void> {
  await page.getByTestId('photo-input').setInputFiles(photo);
  if (words.prompt !== undefined) await page.getByTestId('prompt-input').fill(words.prompt);
  if (words.caption !== undefined) await page.getByTestId('caption-input').fill(words.caption);
  await page.getByTestId('generate-button').click();
}

export type Outcome = { kind: 'result'; src: string } | { kind: 'error'; text: string; code: string; detail: string };

/** Waits for the job to end: the finished sticker (new src, exports ready) or an error message. */
export async function outcome(page: Page, previousSrc: string | null = null, timeoutMs = 90_000): Promise<Outcome> {
  const handle = await page
    .waitForFunction(
      (prev) => {
        const error = document.querySelector<HTMLElement>('[data-testid="error-message"]');
        if (error !== null)
          return { kind: 'error', text: error.querySelector('p')?.innerText ?? '', code: error.dataset.code ?? '', detail: error.dataset.detail ?? '' };
        // The finished sticker (the still shown while its exports are made is a canvas, "still-image").
        const img = document.querySelector<HTMLImageElement>('[data-testid="result-image"]');
        if (img !== null && img.complete && img.src !== prev) return { kind: 'result', src: img.src };
        return null;
      },
      previousSrc,
      { timeout: timeoutMs, polling: 100 },
    )
    .catch(async (error: unknown) => {
      // Says where the job stood, so that a job that never ends names its stage.
      const state = await page.evaluate(jobStateInPage).catch((unread: unknown) => `unreadable (${String(unread)})`);
      throw new Error(`${String(error)}; ${state}`);
    });
  return (await handle.jsonValue()) as Outcome;
}

/** The bytes behind an <img>'s blob: URL, as base64. */
export async function imageBytes(page: Page, src: string): Promise<string> {
  return page.evaluate(async (url) => {
    const buffer = await (await fetch(url)).arrayBuffer();
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, src);
}
