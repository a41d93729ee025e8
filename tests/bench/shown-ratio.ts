// Click → sticker shown, against MediaPipe's bare face landmarker on the same photo, in one browser
// run: the harness tab decodes the photo and finds its faces (CPU delegate, landmarks only, as the
// app asks), the app tab makes a sticker of it (CPU delegate) from the click on 生成 until the
// sticker is on screen. Runs alternate between the tabs; the ratio is of the medians.

import type { Browser, Page } from 'playwright-core';
import { LandmarkHarness } from '../browser/support/harness.ts';
import { fixtureFile, type UploadFile } from '../browser/support/fixtures.ts';
import { openApp, outcome } from '../browser/support/app-driver.ts';
import { openPage } from '../browser/support/chromium.ts';
import { summarize, type Summary } from './stats.ts';

/** One way of reaching 生成, against the bare landmarker's runs beside it. */
export interface ShownCase {
  clickToShownMs: Summary;
  ratio: number;
  /** The worker's own time for each stage before the sticker is shown, median ms. */
  stagesBeforeShownMs: Record<string, number>;
}

export interface ShownRatio {
  faces: number;
  bareLandmarkerMs: Summary;
  /** 生成 on the photo the last sticker was made of (other words, style or caption: its decode, faces and person are kept). */
  samePhoto: ShownCase;
  /** 生成 at once after choosing a photo the app has not seen. */
  newPhoto: ShownCase;
  /**
   * 生成 after choosing a photo the app has not seen and then typing the words, as a user does: the
   * app looks at the photo while the words are typed (a second here; people take longer).
   */
  newPhotoThenWords: ShownCase;
}

/** How long the words take to type in the newPhotoThenWords case. */
const TYPING_MS = 1000;

/** One click → shown: its time, and the worker's own time for each stage before it. */
interface Shown {
  ms: number;
  stages: Record<string, number>;
}

/** The stages the still waits for, in order (its PNG is encoded after it is shown). */
const BEFORE_SHOWN = ['decode', 'detect-face', 'expression', 'warp', 'segment', 'align', 'compose'] as const;

/** two_faces.png scaled to 2560 px wide, as a phone's photo of two people, JPEG. */
async function twoFacesLarge(page: Page): Promise<UploadFile> {
  const small = fixtureFile('faces/two_faces.png');
  const base64 = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    const canvas = new OffscreenCanvas(2560, Math.round((2560 * bitmap.height) / bitmap.width));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, small.buffer.toString('base64'));
  return { name: 'two-faces-2560.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

/** Clicks 生成 and resolves, by the page's clock, when the new sticker is decoded and on screen. */
async function clickToShown(page: Page): Promise<Shown> {
  const before = await page
    .getByTestId('result-image')
    .getAttribute('src')
    .catch(() => null);
  const ms = await page.evaluate(async (previous) => {
    const start = performance.now();
    document.querySelector<HTMLButtonElement>('[data-testid="generate-button"]')?.click();
    for (;;) {
      await new Promise((frame) => requestAnimationFrame(frame));
      const error = document.querySelector<HTMLElement>('[data-testid="error-message"]');
      if (error !== null) throw new Error(error.innerText);
      // The still, drawn from its pixels the moment it is composed, or (were it missed) the finished sticker.
      if (document.querySelector('[data-testid="still-image"]') !== null) return performance.now() - start;
      const img = document.querySelector<HTMLImageElement>('[data-testid="result-image"]');
      if (img !== null && img.src !== previous && img.complete && img.naturalWidth > 0) return performance.now() - start;
    }
  }, before);
  await outcome(page, before); // the job's exports too, before the next run
  const stages: Record<string, number> = {};
  for (const stage of BEFORE_SHOWN) {
    const stageMs = await page.getByTestId(`timing-${stage}`).getAttribute('data-ms');
    if (stageMs !== null && stageMs !== '') stages[stage] = Number(stageMs);
  }
  return { ms, stages };
}

/** The photo with `n` written after its end: other bytes (so the app has not seen it), the same picture. */
function unseen(photo: UploadFile, n: number): UploadFile {
  return { ...photo, buffer: Buffer.concat([photo.buffer, Buffer.from(`\n${n}`)]) };
}

function summarizeCase(bare: Summary, runs: Shown[]): ShownCase {
  const shown = summarize(runs.map((r) => r.ms));
  const stageMs: Record<string, number[]> = {};
  for (const run of runs) for (const [stage, ms] of Object.entries(run.stages)) (stageMs[stage] ??= []).push(ms);
  return {
    clickToShownMs: shown,
    ratio: Math.round((shown.median / bare.median) * 10) / 10,
    stagesBeforeShownMs: Object.fromEntries(Object.entries(stageMs).map(([stage, ms]) => [stage, summarize(ms).median])),
  };
}

export async function shownRatioBench(browser: Browser, appUrl: string, runs: number): Promise<Record<string, ShownRatio>> {
  const harness = await LandmarkHarness.open(browser, appUrl);
  const { page, context } = await openPage(browser);
  await openApp(page, appUrl, 'face=cpu');
  await page
    .getByTestId('notice')
    .filter({ hasText: /已就绪|is ready/ })
    .waitFor({ timeout: 60_000 });
  await page.getByTestId('prompt-input').fill('开心大笑');
  const photos: Record<string, UploadFile> = {
    '512 px, one face': fixtureFile('faces/astronaut.png'),
    '2560 px, two faces': await twoFacesLarge(harness.page),
  };
  const report: Record<string, ShownRatio> = {};
  let chosen = 0;
  for (const [label, photo] of Object.entries(photos)) {
    const base64 = photo.buffer.toString('base64');
    const bare = () =>
      harness.page.evaluate(
        ([b, t]) => (window as unknown as { bareDetect: (b: string, t: string) => Promise<{ ms: number; faces: number }> }).bareDetect(b, t),
        [base64, photo.mimeType] as const,
      );
    await page.getByTestId('photo-input').setInputFiles(photo);
    await bare(); // warm-up, each side
    await clickToShown(page);
    const bareMs: number[] = [];
    const runsOf = { newPhoto: [] as Shown[], newPhotoThenWords: [] as Shown[], samePhoto: [] as Shown[] };
    let faces = 0;
    // Alternating: the bare landmarker, then one way of reaching 生成, for each way in turn.
    for (let i = 0; i < runs; i++) {
      for (const way of ['newPhoto', 'newPhotoThenWords', 'samePhoto'] as const) {
        const run = await bare();
        faces = run.faces;
        bareMs.push(run.ms);
        if (way !== 'samePhoto') await page.getByTestId('photo-input').setInputFiles(unseen(photo, ++chosen));
        if (way === 'newPhotoThenWords') {
          await page.getByTestId('prompt-input').fill(i % 2 === 0 ? '开心' : '开心大笑');
          await page.waitForTimeout(TYPING_MS);
        }
        runsOf[way].push(await clickToShown(page));
      }
    }
    const bareSummary = summarize(bareMs);
    report[label] = {
      faces,
      bareLandmarkerMs: bareSummary,
      samePhoto: summarizeCase(bareSummary, runsOf.samePhoto),
      newPhoto: summarizeCase(bareSummary, runsOf.newPhoto),
      newPhotoThenWords: summarizeCase(bareSummary, runsOf.newPhotoThenWords),
    };
  }
  await context.close();
  await harness.close();
  return report;
}
