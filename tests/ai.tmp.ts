import { startAppServer } from './browser/support/app-server.ts';
import { launchChromium, openPage } from './browser/support/chromium.ts';
import { fixtureFile } from './browser/support/fixtures.ts';
import { makeSticker, openApp, outcome } from './browser/support/app-driver.ts';
import { chooseAi, loadAiModels } from './browser/support/ai-driver.ts';
const server = await startAppServer();
const browser = await launchChromium();
const { page, context } = await openPage(browser);
await openApp(page, server.url, `face=cpu&ai=${process.argv[2] ?? 'webgpu'}`);
await chooseAi(page, { seed: 7, steps: 2 });
let t = Date.now();
await loadAiModels(page);
console.log('loaded', Date.now() - t);
let prev: string | null = null;
for (const words of ['开心大笑', '惊讶', 'laugh with sunglasses']) {
  t = Date.now();
  await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: words });
  const o = await outcome(page, prev); prev = o.kind === 'result' ? o.src : null;
  const timings = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid^="timing-"]')).map((e) => `${e.getAttribute('data-testid')}=${Number(e.getAttribute('data-ms')).toFixed(0)}`).join(' '));
  console.log(words, o.kind, Date.now() - t, timings, await page.getByTestId('redraw-report').getAttribute('data-step-ms'));
}
await context.close(); await browser.close(); await server.close();
