// The platform exports, downloaded as a user does and checked from their bytes against the
// platforms' rules (docs/product-facts.md): WeChat 240×240 GIF ≤ 500 KB looping forever,
// WhatsApp 512×512 WebP ≤ 100 KB (≤ 500 KB animated), Telegram 512 px ≤ 512 KB.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { parseGif } from '../support/parse-gif.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

const session = useSession();
const KB = 1024;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

/**
 * Mean |Laplacian| of the luminance over white, for the 1024 file and for the 512 file enlarged to
 * 1024 by the browser: a sticker redrawn at 1024 has crisper caption and outline edges than an
 * enlargement; and the mean difference between the two, which stays small if they are the same picture.
 */
async function compareHd(page: Page, large: Uint8Array, small: Uint8Array): Promise<{ largeEdges: number; enlargedEdges: number; meanDiff: number }> {
  return page.evaluate(
    async ([largeB64, smallB64]) => {
      const grey = async (b64: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
        const canvas = new OffscreenCanvas(1024, 1024);
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, 1024, 1024);
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(bitmap, 0, 0, 1024, 1024);
        const d = ctx.getImageData(0, 0, 1024, 1024).data;
        const out = new Float32Array(1024 * 1024);
        for (let i = 0; i < out.length; i++) out[i] = 0.299 * d[4 * i]! + 0.587 * d[4 * i + 1]! + 0.114 * d[4 * i + 2]!;
        return out;
      };
      const edges = (g: Float32Array) => {
        let sum = 0;
        for (let y = 1; y < 1023; y++)
          for (let x = 1; x < 1023; x++) {
            const i = y * 1024 + x;
            sum += Math.abs(4 * g[i]! - g[i - 1]! - g[i + 1]! - g[i - 1024]! - g[i + 1024]!);
          }
        return sum / (1022 * 1022);
      };
      const a = await grey(largeB64);
      const b = await grey(smallB64);
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff += Math.abs(a[i]! - b[i]!);
      return { largeEdges: edges(a), enlargedEdges: edges(b), meanDiff: diff / a.length };
    },
    [Buffer.from(large).toString('base64'), Buffer.from(small).toString('base64')] as const,
  );
}

describe('exports to each platform’s rules', () => {
  it('still sticker: a one-frame WeChat GIF, a small WhatsApp WebP, a Telegram PNG', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心大笑' });
    expect((await outcome(page)).kind).toBe('result');

    const wechat = await download(page, 'export-wechat');
    expect(wechat.name).toMatch(/-wechat\.gif$/);
    expect(wechat.bytes.byteLength).toBeLessThanOrEqual(500 * KB);
    expect(parseGif(wechat.bytes)).toMatchObject({ version: 'GIF89a', width: 240, height: 240, frames: 1, loopCount: 0 });

    const whatsapp = await download(page, 'export-whatsapp');
    expect(whatsapp.bytes.byteLength).toBeLessThanOrEqual(100 * KB);
    expect(parseImageHeader(whatsapp.bytes)).toEqual({ format: 'webp', width: 512, height: 512, animated: false });

    const telegram = await download(page, 'export-telegram');
    expect(telegram.bytes.byteLength).toBeLessThanOrEqual(512 * KB);
    expect(parseImageHeader(telegram.bytes)).toMatchObject({ width: 512, height: 512 });
    await context.close();
  });

  it('HD files: PNG and WebP at 512 and 1024, the 1024 redrawn rather than enlarged', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '得意', caption: '高清无码 HD' });
    expect((await outcome(page)).kind).toBe('result');
    const files: Record<string, Uint8Array> = {};
    for (const [format, size] of [
      ['png', 512],
      ['webp', 512],
      ['png', 1024],
      ['webp', 1024],
    ] as const) {
      const file = await download(page, `export-hd-${format}-${size}`);
      expect(file.name).toMatch(new RegExp(`-${size}\\.${format}$`));
      expect(parseImageHeader(file.bytes)).toEqual({ format, width: size, height: size, animated: false });
      files[`${format}${size}`] = file.bytes;
    }
    const hd = await compareHd(page, files.png1024!, files.png512!);
    expect(hd.meanDiff).toBeLessThan(6);
    expect(hd.largeEdges).toBeGreaterThan(hd.enlargedEdges * 1.15);
    await context.close();
  });

  it('animated sticker: a looping 12-frame WeChat GIF under 500 KB and an animated WhatsApp WebP', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('animate-toggle').check();
    await makeSticker(page, fixtureFile('faces/astronaut.png'), { prompt: '生气' });
    expect((await outcome(page)).kind).toBe('result');
    await page.getByTestId('animation-image').waitFor();

    const wechat = await download(page, 'export-wechat');
    expect(wechat.bytes.byteLength).toBeLessThanOrEqual(500 * KB);
    const gif = parseGif(wechat.bytes);
    expect(gif).toMatchObject({ width: 240, height: 240, loopCount: 0 });
    expect(gif.frames).toBeGreaterThanOrEqual(6);
    expect(gif.delaysMs.reduce((a, b) => a + b, 0)).toBe(12 * 90);
    expect(Number(await page.getByTestId('export-wechat').getAttribute('data-bytes'))).toBe(wechat.bytes.byteLength);

    const whatsapp = await download(page, 'export-whatsapp');
    expect(whatsapp.bytes.byteLength).toBeLessThanOrEqual(500 * KB);
    expect(parseImageHeader(whatsapp.bytes)).toEqual({ format: 'webp', width: 512, height: 512, animated: true });
    await context.close();
  });
});
