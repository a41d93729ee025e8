// `npm run pwa:screenshots`: the install dialog's screenshots (public/screenshots/), taken of the
// built app (dist/, served as `npm start` serves it) with a finished sticker, at a phone's 360×640
// ("narrow") and a desktop's 1280×800 ("wide"), the sizes public/manifest.webmanifest declares.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../../tests/browser/support/app-server.ts';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { fixtureFile } from '../../tests/browser/support/fixtures.ts';
import { makeSticker, openApp, outcome } from '../../tests/browser/support/app-driver.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'public/screenshots');
const SHOTS = [
  { file: 'narrow.png', width: 360, height: 640 },
  { file: 'wide.png', width: 1280, height: 800 },
];

mkdirSync(outDir, { recursive: true });
const server = await startAppServer();
const browser = await launchChromium();
for (const shot of SHOTS) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: shot.width, height: shot.height } });
  const page = await context.newPage();
  await openApp(page, server.url);
  await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心大笑', caption: '今天也要开心' });
  const done = await outcome(page);
  if (done.kind !== 'result') throw new Error(`no sticker for the screenshot: ${done.text}`);
  // On a phone the sticker is below the form: show it, as the first thing a user wants to see.
  if (shot.width < 760) await page.getByTestId('result-image').evaluate((img) => img.scrollIntoView({ block: 'center' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outDir, shot.file) });
  console.log(`public/screenshots/${shot.file}`);
  await context.close();
}
await browser.close();
await server.close();
