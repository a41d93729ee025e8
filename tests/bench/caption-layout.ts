// Captions in the real app: how long the worker takes to load the bundled caption fonts (each
// sample a fresh browser context, so a fresh worker and an empty HTTP cache), and how long the
// align stage takes per caption — the caption's fitting and wrapping, measured with the bundled
// fonts, is nearly all of it (the rest is one similarity transform and a 36-point mask).

import type { Browser } from 'playwright-core';
import { makeSticker, openApp, outcome } from '../browser/support/app-driver.ts';
import { openPage } from '../browser/support/chromium.ts';
import { fixtureFile } from '../browser/support/fixtures.ts';
import { summarize, type Summary } from './stats.ts';

const CAPTIONS = {
  short: '开心',
  'two lines': '今天也是元气满满的一天',
  'three lines': '今天也是元气满满的一天，打工人打工魂，打工都是人上人，明天继续加油吧',
  english: 'I give up on everything today',
  emoji: '笑死我了😂😂👍🏽❤️',
};
const PHOTO = fixtureFile('faces/grace_hopper.jpg');

export async function captionLayout(browser: Browser, url: string, runs: number): Promise<{ fontLoadMs: Summary; alignMsPerCaption: Record<string, Summary> }> {
  const fontLoad: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    const { page, context } = await openPage(browser);
    await openApp(page, url);
    await makeSticker(page, PHOTO, { caption: CAPTIONS.short });
    if ((await outcome(page)).kind !== 'result') throw new Error('caption bench: no sticker');
    fontLoad.push(Number(await page.getByTestId('caption-font-report').getAttribute('data-ms')));
    await context.close();
  }

  const { page, context } = await openPage(browser);
  await openApp(page, url);
  let src: string | null = null;
  const align: Record<string, Summary> = {};
  for (const [name, caption] of Object.entries(CAPTIONS)) {
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await makeSticker(page, PHOTO, { caption });
      const done = await outcome(page, src);
      if (done.kind !== 'result') throw new Error(`caption bench: ${done.text}`);
      src = done.src;
      // The first run of each caption warms the glyph caches.
      if (i > 0) samples.push(Number(await page.getByTestId('timing-align').getAttribute('data-ms')));
    }
    align[name] = summarize(samples);
  }
  await context.close();
  return { fontLoadMs: summarize(fontLoad), alignMsPerCaption: align };
}
