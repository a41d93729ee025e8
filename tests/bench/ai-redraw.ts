// The AI redraw on the fixture networks (the build's BIAOQING_MODELS=fixtures), or another set the
// build bundles (real-set.ts), per provider: cold
// model load (fresh profile: fetched, verified, stored, sessions made), warm load (a reload: from
// IndexedDB), per-step UNet time (a step that is not the last includes its preview's decode), and
// the whole redraw stage. The model store's own throughput and heap are in model-store.ts.

import type { Browser, Page } from 'playwright-core';
import { makeSticker, openApp, outcome } from '../browser/support/app-driver.ts';
import { openPage } from '../browser/support/chromium.ts';
import { fixtureFile } from '../browser/support/fixtures.ts';
import { chooseAi, loadAiModels } from '../browser/support/ai-driver.ts';
import { summarize, type Summary } from './stats.ts';

const PHOTO = fixtureFile('faces/grace_hopper.jpg');

export interface AiBench {
  coldLoadMs: number;
  warmLoadMs: number;
  /** The worker's own figure: first file request to sessions ready. */
  engineLoadMs: { cold: number; warm: number };
  stepMs: Summary;
  redrawStageMs: Summary;
}

async function engineLoadMs(page: Page): Promise<number> {
  const text = await page.getByTestId('ai-ready').textContent();
  return Number(/(\d+(\.\d+)?)/u.exec(text ?? '')?.[1] ?? Number.NaN) * 1000;
}

/** `query`: more of the app's URL parameters (?models=sdxs-512 for the real set). */
export async function aiRedraw(browser: Browser, url: string, provider: 'webgpu' | 'wasm', runs: number, query = ''): Promise<AiBench> {
  const { page, context } = await openPage(browser);
  await openApp(page, url, `face=cpu&ai=${provider}${query === '' ? '' : `&${query}`}`);
  await chooseAi(page, { seed: 1, steps: 2 });
  let began = performance.now();
  await loadAiModels(page);
  const coldLoadMs = performance.now() - began;
  const coldEngine = await engineLoadMs(page);

  const steps: number[] = [];
  const stage: number[] = [];
  let src: string | null = null;
  for (let i = 0; i <= runs; i++) {
    await makeSticker(page, PHOTO, { prompt: '开心大笑' });
    const done = await outcome(page, src, 300_000);
    if (done.kind !== 'result') throw new Error(`AI bench: ${done.code} ${done.detail}`);
    src = done.src;
    if (i === 0) continue; // the first run compiles the kernels
    const report = page.getByTestId('redraw-report');
    steps.push(...(JSON.parse((await report.getAttribute('data-step-ms')) ?? '[]') as number[]));
    stage.push(Number(await page.getByTestId('timing-redraw').getAttribute('data-ms')));
  }

  await page.reload();
  await page.getByTestId('generate-button').waitFor();
  await chooseAi(page, { seed: 1, steps: 2 });
  began = performance.now();
  await loadAiModels(page);
  const warmLoadMs = performance.now() - began;
  const warmEngine = await engineLoadMs(page);
  await context.close();
  return { coldLoadMs, warmLoadMs, engineLoadMs: { cold: coldEngine, warm: warmEngine }, stepMs: summarize(steps), redrawStageMs: summarize(stage) };
}
