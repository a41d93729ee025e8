// The 熊猫头 style: the face set into the panda head drawn by the app, as black ink on white. Checked
// from the sticker's pixels: the face slot is two-tone (grey values near black or white, both
// present), the ears are black, the head around the face is white, the corners transparent.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { storedDraftField } from './support/stored-draft.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp, outcome } from './support/app-driver.ts';

const session = useSession();

interface PandaStats {
  slotPixels: number;
  twoTone: number;
  ink: number;
  earLum: number;
  cheekLum: number;
  cornerAlpha: number;
}

function measure(page: Page, src: string): Promise<PandaStats> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data, width } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const at = (x: number, y: number) => {
      const i = 4 * (Math.round(y) * width + Math.round(x));
      return { r: data[i]!, g: data[i + 1]!, b: data[i + 2]!, a: data[i + 3]! };
    };
    const lum = (p: { r: number; g: number; b: number }) => 0.299 * p.r + 0.587 * p.g + 0.114 * p.b;
    // The face slot between and below the eye targets (0.405/0.595, 0.46 of the side).
    let slotPixels = 0;
    let twoTone = 0;
    let ink = 0;
    for (let y = 0.44 * width; y < 0.62 * width; y++) {
      for (let x = 0.4 * width; x < 0.6 * width; x++) {
        const p = at(x, y);
        slotPixels++;
        const grey = Math.max(Math.abs(p.r - p.g), Math.abs(p.g - p.b)) < 10;
        const l = lum(p);
        if (grey && (l < 70 || l > 190)) twoTone++;
        if (l < 70) ink++;
      }
    }
    return {
      slotPixels,
      twoTone: twoTone / slotPixels,
      ink: ink / slotPixels,
      earLum: lum(at(0.2 * width, 0.2 * width)),
      cheekLum: lum(at(0.17 * width, 0.5 * width)),
      cornerAlpha: at(2, 2).a,
    };
  }, src);
}

describe('熊猫头 style', () => {
  for (const photo of ['faces/grace_hopper.jpg', 'faces/astronaut.png']) {
    it(`sets ${photo}'s face into the panda head as black ink on white`, async () => {
      const { page, context } = await openPage(session.browser);
      await openApp(page, session.server.url);
      await page.getByTestId('photo-input').setInputFiles(fixtureFile(photo));
      await page.getByTestId('style-select').selectOption('panda');
      await page.getByTestId('prompt-input').fill('开心大笑');
      await page.getByTestId('caption-input').fill('就这？');
      await page.getByTestId('generate-button').click();
      const done = await outcome(page);
      expect(done.kind).toBe('result');
      const stats = await measure(page, done.kind === 'result' ? done.src : '');
      // Feathered edges of the cut and anti-aliased ink are the few mid-grey pixels.
      expect(stats.twoTone).toBeGreaterThan(0.9);
      expect(stats.ink).toBeGreaterThan(0.05);
      expect(stats.ink).toBeLessThan(0.5);
      expect(stats.earLum).toBeLessThan(40);
      expect(stats.cheekLum).toBeGreaterThan(230);
      expect(stats.cornerAlpha).toBe(0);
      await context.close();
    });
  }

  it('keeps the style across a reload', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('style-select').selectOption('panda');
    await expect.poll(() => storedDraftField(page, 'style')).toBe('panda');
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    await expect.poll(() => page.getByTestId('style-select').inputValue()).toBe('panda');
    await context.close();
  });
});
