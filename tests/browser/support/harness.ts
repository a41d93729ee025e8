// Independent measurement of an image: size, alpha, and MediaPipe landmarks (see harness/landmarks.html).

import type { Browser, Page } from 'playwright-core';

export interface Measured {
  width: number;
  height: number;
  transparentFraction: number;
  corners: number[];
  faces: { points: { x: number; y: number }[]; blendshapes: Record<string, number> }[];
}

export class LandmarkHarness {
  /** The harness's Chromium page: other measurements of images run in it too. */
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, baseUrl: string): Promise<LandmarkHarness> {
    const page = await browser.newPage();
    await page.goto(new URL('__harness__/landmarks.html', baseUrl).href);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
    return new LandmarkHarness(page);
  }

  measure(base64: string, type: string): Promise<Measured> {
    return this.page.evaluate(([b, t]) => (window as unknown as { measure: (b: string, t: string) => Promise<Measured> }).measure(b, t), [
      base64,
      type,
    ] as const);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
