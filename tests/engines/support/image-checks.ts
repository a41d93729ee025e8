// Measurements of image bytes in the harness's Chromium page: what two stickers differ by, how much
// of a region is colour or dark ink, and an animated WebP's frames (WebCodecs' ImageDecoder).

import type { LandmarkHarness } from '../../browser/support/harness.ts';

/** Mean absolute RGBA difference of two same-sized images, 0–255. */
export function meanDifference(harness: LandmarkHarness, a: Buffer, b: Buffer): Promise<number> {
  return harness.page.evaluate(
    async ([x, y]) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = [await pixels(x), await pixels(y)];
      if (p.length !== q.length) return Infinity;
      let sum = 0;
      for (let i = 0; i < p.length; i++) sum += Math.abs(p[i]! - q[i]!);
      return sum / p.length;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

export interface RegionStats {
  /** Share of the visible pixels whose channels spread by more than 60: colour, not grey. */
  colourfulFraction: number;
  /** Share of the visible pixels darker than 80. */
  darkFraction: number;
}

/** Over the visible (alpha > 128) pixels of a region given in fractions of the image. */
export function imageStats(harness: LandmarkHarness, image: Buffer, region: { x: number; y: number; width: number; height: number }): Promise<RegionStats> {
  return harness.page.evaluate(
    async ([base64, r]) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const [x, y] = [Math.round(r.x * bitmap.width), Math.round(r.y * bitmap.height)];
      const d = ctx.getImageData(x, y, Math.round(r.width * bitmap.width), Math.round(r.height * bitmap.height)).data;
      let visible = 0;
      let colourful = 0;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3]! <= 128) continue;
        visible++;
        const [red, green, blue] = [d[i]!, d[i + 1]!, d[i + 2]!];
        if (Math.max(red, green, blue) - Math.min(red, green, blue) > 60) colourful++;
        if ((red + green + blue) / 3 < 80) dark++;
      }
      return { colourfulFraction: colourful / Math.max(1, visible), darkFraction: dark / Math.max(1, visible) };
    },
    [image.toString('base64'), region] as const,
  );
}

/** An animated WebP's frame count and its first frame's corner alpha. */
export function webpFrames(harness: LandmarkHarness, webp: Buffer): Promise<{ frameCount: number; cornerAlpha: number }> {
  return harness.page.evaluate(async (base64) => {
    const decoder = new ImageDecoder({ data: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), type: 'image/webp' });
    await decoder.tracks.ready;
    const { image } = await decoder.decode({ frameIndex: 0 });
    const ctx = new OffscreenCanvas(image.displayWidth, image.displayHeight).getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    image.close();
    return { frameCount: decoder.tracks.selectedTrack!.frameCount, cornerAlpha: ctx.getImageData(0, 0, 1, 1).data[3]! };
  }, webp.toString('base64'));
}
