// The finished sticker's pixels, decoded in the page that shows it.

import type { Page } from 'playwright-core';
import { imageBytes } from './app-driver.ts';

export interface Sticker {
  size: number;
  rgba: Uint8Array;
  /** The PNG itself, base64, for the landmark harness. */
  png: string;
}

/** The RGBA pixels of the sticker an <img> shows (straight alpha, no colour conversion). */
export async function stickerPixels(page: Page, src: string): Promise<Sticker> {
  const { size, data } = await page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob(), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const raw = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let binary = '';
    for (let i = 0; i < raw.length; i += 0x8000) binary += String.fromCharCode(...raw.subarray(i, i + 0x8000));
    return { size: bitmap.width, data: btoa(binary) };
  }, src);
  return { size, rgba: new Uint8Array(Buffer.from(data, 'base64')), png: await imageBytes(page, src) };
}
