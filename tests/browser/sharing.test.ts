// How a sticker leaves the app: inside WeChat's in-app browser (downloads fail there) the images
// themselves, to long-press, and no download links anywhere; where the browser can share files, the share
// sheet gets the sticker file itself; elsewhere, downloads.
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';
import { parseGif } from '../support/parse-gif.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

const session = useSession();

/** What WeChat 8 on Android sends (Tencent's XWeb Chromium). */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

describe('sharing', () => {
  it('inside WeChat: the sticker and its GIF shown to long-press, with the hint, and no download links', async () => {
    const { page, context } = await openPage(session.browser, { userAgent: WECHAT_UA });
    await openApp(page, session.server.url);
    await page.getByTestId('animate-toggle').check();
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心' });
    const done = await outcome(page);
    expect(done.kind).toBe('result');
    expect(await page.getByTestId('wechat-save-hint').innerText()).toBe('长按图片保存 / 发送给朋友');
    const result = page.locator('section.result');
    expect(await result.locator('a[download]').count()).toBe(0);
    expect(await page.getByTestId('share-button').count()).toBe(0);
    if (done.kind === 'result') {
      const still = parseImageHeader(Buffer.from(await imageBytes(page, done.src), 'base64'));
      expect(still).toMatchObject({ format: 'png', width: 512, height: 512 });
    }
    const animated = page.getByTestId('animation-image');
    await animated.waitFor();
    const gif = parseGif(Buffer.from(await imageBytes(page, (await animated.getAttribute('src')) ?? ''), 'base64'));
    expect(gif).toMatchObject({ width: 240, height: 240, loopCount: 0 });
    expect(gif.frames).toBeGreaterThan(1);

    // The history and the pack maker offer no downloads there either, and the pack says what to do.
    await expect.poll(() => page.getByTestId('history-item').count()).toBe(1);
    await page.getByTestId('animate-toggle').uncheck();
    await page.getByTestId('pack-size').selectOption('8');
    await page.getByTestId('make-pack').click();
    await expect.poll(() => page.getByTestId('pack-progress').getAttribute('data-done'), { timeout: 90_000 }).toBe('8');
    expect(await page.getByTestId('pack-wechat-hint').innerText()).toContain('在浏览器打开');
    expect(await page.getByTestId('export-pack').count()).toBe(0);
    expect(await page.locator('a[download]').count()).toBe(0);
    await context.close();
  });

  it('in a desktop browser without file sharing: downloads, and no share button', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/astronaut.png'), { prompt: '惊讶' });
    expect((await outcome(page)).kind).toBe('result');
    const canShareFiles = await page.evaluate(
      () => typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File(['x'], 'x.png', { type: 'image/png' })] }),
    );
    expect(await page.getByTestId('share-button').count()).toBe(canShareFiles ? 1 : 0);
    expect(await page.getByTestId('download-link').getAttribute('download')).toMatch(/\.png$/);
    expect(await page.getByTestId('wechat-save-hint').count()).toBe(0);
    await context.close();
  });

  it('where files can be shared: the share sheet gets the sticker file itself', async () => {
    const { page, context } = await openPage(session.browser);
    // Headless Linux Chromium has no OS share sheet; this stands in for it and keeps what it was handed.
    await page.addInitScript(() => {
      const shared: { name: string; type: string; bytes: number[] }[] = [];
      Object.assign(window, { __shared: shared });
      Object.defineProperty(navigator, 'canShare', { value: (data: ShareData) => (data.files ?? []).length > 0 });
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => {
          for (const f of data.files ?? []) shared.push({ name: f.name, type: f.type, bytes: Array.from(new Uint8Array(await f.arrayBuffer())) });
        },
      });
    });
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '生气', caption: '哼' });
    expect((await outcome(page)).kind).toBe('result');
    await page.getByTestId('share-button').click();
    const shared = await page.waitForFunction(() => (window as unknown as { __shared: { name: string; type: string; bytes: number[] }[] }).__shared[0]);
    const file = (await shared.jsonValue()) as { name: string; type: string; bytes: number[] };
    expect(file.type).toBe('image/png');
    expect(file.name).toMatch(/\.png$/);
    expect(parseImageHeader(Uint8Array.from(file.bytes))).toMatchObject({ format: 'png', width: 512, height: 512 });
    await context.close();
  });
});
