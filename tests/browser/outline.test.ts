// The die-cut edge: its width and colour come from the form, reach the sticker, and survive a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp, outcome } from './support/app-driver.ts';

const session = useSession();

/** The first opaque pixel met going right along the eyes' row (y = 0.36 of the side). */
function edgePixel(page: Page, src: string): Promise<{ r: number; g: number; b: number; x: number }> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const y = Math.round(0.36 * bitmap.height);
    const row = ctx.getImageData(0, y, bitmap.width, 1).data;
    for (let x = 0; x < bitmap.width; x++) {
      // Past the soft shadow: the outline itself, or the face when there is none.
      if (row[4 * x + 3]! > 250) return { r: row[4 * x]!, g: row[4 * x + 1]!, b: row[4 * x + 2]!, x };
    }
    return { r: -1, g: -1, b: -1, x: -1 };
  }, src);
}

describe('outline', () => {
  it('draws the chosen width and colour, none at 0, and keeps them across a reload', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    await page.getByTestId('outline-width').fill('20');
    await page.getByTestId('outline-colour').fill('#ff0000');
    await page.getByTestId('generate-button').click();
    const red = await outcome(page);
    expect(red.kind).toBe('result');
    const edge = await edgePixel(page, red.kind === 'result' ? red.src : '');
    expect(edge.r).toBeGreaterThan(200);
    expect(edge.g).toBeLessThan(60);
    expect(edge.b).toBeLessThan(60);

    await page.getByTestId('outline-width').fill('0');
    await page.getByTestId('generate-button').click();
    const bare = await outcome(page, red.kind === 'result' ? red.src : null);
    const face = await edgePixel(page, bare.kind === 'result' ? bare.src : '');
    // The face itself starts the row now, further in than the red edge did.
    expect(face.x).toBeGreaterThan(edge.x + 10);
    expect(face.r - face.g).toBeLessThan(150);

    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    await expect.poll(() => page.getByTestId('outline-width').inputValue()).toBe('0');
    expect(await page.getByTestId('outline-colour').inputValue()).toBe('#ff0000');
    await context.close();
  });
});
