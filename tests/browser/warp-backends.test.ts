// The expression warp on each GPU path gives the same sticker: WebGPU and Canvas 2D against WebGL2.

import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();

async function stickerWith(backend: string): Promise<{ backend: string | null; png: string }> {
  const { page, context } = await openPage(session.browser);
  await openApp(page, session.server.url, `face=cpu&warp=${backend}`);
  await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心大笑', caption: ' ' });
  const done = await outcome(page);
  if (done.kind !== 'result') throw new Error(`${backend}: ${done.code} ${done.detail}`);
  const png = await imageBytes(page, done.src);
  const ran = await page.getByTestId('timing-warp').getAttribute('data-backend');
  await context.close();
  return { backend: ran, png };
}

/** Mean absolute RGBA difference of two same-sized PNGs, decoded in a browser page. */
async function meanDifference(a: string, b: string): Promise<number> {
  const page = await session.browser.newPage();
  const diff = await page.evaluate(
    async ([x, y]) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = [await pixels(x), await pixels(y)];
      let sum = 0;
      for (let i = 0; i < p.length; i++) sum += Math.abs(p[i]! - q[i]!);
      return sum / p.length;
    },
    [a, b] as const,
  );
  await page.close();
  return diff;
}

describe('warp backends agree', () => {
  it('WebGPU and Canvas 2D draw what WebGL2 draws (mean difference under 2 of 255)', async () => {
    const webgl2 = await stickerWith('webgl2');
    const webgpu = await stickerWith('webgpu');
    const canvas2d = await stickerWith('canvas2d');
    expect([webgl2.backend, webgpu.backend, canvas2d.backend]).toEqual(['webgl2', 'webgpu', 'canvas2d-affine']);
    expect(await meanDifference(webgl2.png, webgpu.png)).toBeLessThan(2);
    expect(await meanDifference(webgl2.png, canvas2d.png)).toBeLessThan(2);
  });
});
