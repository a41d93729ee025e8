// Drives the AI style: choose it, load the models, set seed/steps/strength, and read what the
// redraw reported. Step progress texts are recorded in the page as they appear, so a test can
// check the order they came in, not only the last one.

import type { Page } from 'playwright-core';

export interface AiSettings {
  seed: number;
  steps: number;
  strength?: number;
}

export async function chooseAi(page: Page, settings: AiSettings): Promise<void> {
  await page.getByTestId('style-select').selectOption('ai');
  await page.getByTestId('ai-status').waitFor({ timeout: 60_000 });
  await page.getByTestId('ai-seed').fill(String(settings.seed));
  await page.getByTestId('ai-seed').dispatchEvent('change');
  await page.getByTestId('ai-steps').selectOption(String(settings.steps));
  if (settings.strength !== undefined) {
    await page.getByTestId('ai-strength').fill(String(settings.strength));
  }
}

/** Presses the download button and waits for the models to be ready. */
export async function loadAiModels(page: Page): Promise<void> {
  await page.getByTestId('ai-download').click();
  await page.locator('[data-testid="ai-status"][data-state="ready"]').waitFor({ timeout: 110_000 });
}

/** Starts recording every AI step-progress text ("AI 重绘：2 / 4") the page shows. */
export async function recordSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __steps: string[] }).__steps = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="step-progress"]')?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The recorded redraw progress as [done, total] pairs, in order. */
export async function redrawSteps(page: Page): Promise<[number, number][]> {
  const texts = await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
  return texts.flatMap((t) => {
    const m = /(?:AI 重绘|AI redraw)\D*(\d+) \/ (\d+)/u.exec(t);
    return m === null ? [] : [[Number(m[1]), Number(m[2])] as [number, number]];
  });
}

/** RGBA of an <img> or data/blob URL, decoded in the page. */
export async function pixels(page: Page, src: string): Promise<number[]> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return Array.from(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data);
  }, src);
}

/** Mean absolute difference per channel value (0–255) between two same-size RGBA arrays. */
export function meanAbsDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`sizes differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}
