// WeChat's in-app browser on iOS is the system's WebKit with MicroMessenger in its user agent:
// MiniBrowser with that user agent must take the WeChat path (long-press save, the open-in-browser
// note, no service worker, the AI style sent to the fallback server rather than downloaded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../browser/support/app-server.ts';
import { fixture } from '../browser/support/fixtures.ts';
import { testId, type EnginePage } from './support/engine-page.ts';
import { choose, makeSticker, openApp, waitFor } from './support/app-journey.ts';
import { openWebKit } from './support/webkit.ts';

const WECHAT_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323b) NetType/WIFI Language/zh_CN';

let app: AppServer;
let page: EnginePage;

beforeAll(async () => {
  app = await startAppServer();
  page = await openWebKit({ userAgent: WECHAT_IOS });
  await openApp(page, app.url, '');
});

afterAll(async () => {
  await page?.close();
  await app?.close();
});

describe('WeChat on iOS (WebKit with a MicroMessenger user agent)', () => {
  it('makes the sticker for long-press saving, with the open-in-browser note and no downloads', async () => {
    expect(await page.run(() => navigator.userAgent)).toContain('MicroMessenger');
    expect(await page.run((sel) => document.querySelectorAll(sel).length, testId('open-in-browser-hint'))).toBe(1);
    const done = await makeSticker(page, fixture('faces/grace_hopper.jpg'), { prompt: '开心' });
    expect(done).toMatchObject({ kind: 'result' });
    // In the browser's language (MiniBrowser's is English here).
    expect(await page.run((sel) => document.querySelector<HTMLElement>(sel)?.innerText ?? null, testId('wechat-save-hint'))).toMatch(
      /长按图片保存|Long-press the image to save/u,
    );
    expect(await page.run(() => document.querySelectorAll('a[download]').length)).toBe(0);
    expect(await page.run(async () => ('serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0))).toBe(0);
  });

  it('sends the AI style to the fallback server: nothing to download', async () => {
    await choose(page, 'style-select', 'ai');
    const status = await waitFor(
      page,
      'the AI panel',
      (sel) => {
        const el = document.querySelector<HTMLElement>(sel);
        return el === null || el.dataset.state === 'checking'
          ? null
          : { state: el.dataset.state, reason: el.dataset.reason ?? null, code: el.dataset.code ?? null };
      },
      [testId('ai-status')],
      60_000,
    );
    // No server runs in this test: the panel says it cannot be reached, and offers no download.
    console.log('WeChat iOS AI panel:', status);
    expect(status.state).toBe('unavailable');
    expect(await page.run((sel) => document.querySelectorAll(sel).length, testId('ai-download'))).toBe(0);
  });
});
