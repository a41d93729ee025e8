// The platform exports, downloaded as a user does and checked from their bytes against the
// platforms' rules (../shared/docs/PRODUCT.md): WeChat 240×240 GIF ≤ 500 KB looping forever,
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
