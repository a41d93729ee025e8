import { launchChromium, openPage } from '../browser/support/chromium.ts';
import { startAppServer } from '../browser/support/app-server.ts';
import { fixtureFile } from '../browser/support/fixtures.ts';
import { makeSticker, openApp, outcome } from '../browser/support/app-driver.ts';
const server = await startAppServer();
const browser = await launchChromium();
const { page } = await openPage(browser);
const cdp = await browser.newBrowserCDPSession();
async function dump(label: string) {
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' } as any);
  await cdp.send('Tracing.requestMemoryDump' as any, { levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  await done;
  const dumps = events.filter((e) => e.ph === 'v' && e.args?.dumps);
  console.log('=== ' + label);
  for (const d of dumps) {
    const ad = d.args.dumps.allocators ?? {};
    const size = (k: string) => { const a = ad[k]; const s = a?.attrs?.effective_size?.value ?? a?.attrs?.size?.value; return s ? parseInt(s, 16) / 1048576 : 0; };
    const top = Object.keys(ad).filter((k) => k.startsWith("partition_alloc") || k.startsWith("malloc"));
    const rows = top.map((k) => [k, size(k)] as const).filter(([, s]) => s > 0.5 && d.args.dumps.allocators["partition_alloc"]).sort((a, b) => b[1] - a[1]);
    const pss = d.args.dumps.process_totals ? parseInt(d.args.dumps.process_totals.resident_set_bytes ?? '0', 16) / 1048576 : 0;
    console.log(`pid ${d.pid} rss ${pss.toFixed(0)}: ` + rows.map(([k, s]) => `${k}=${s.toFixed(1)}`).join(', '));
  }
  cdp.removeAllListeners('Tracing.dataCollected');
}
await openApp(page, server.url, 'face=cpu');
await page.getByTestId('notice').filter({ hasText: /已就绪|is ready/ }).waitFor({ timeout: 60_000 });
await page.waitForTimeout(2000);
await dump('opened');
await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
await page.waitForTimeout(5000);
await dump('photo chosen');
await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心大笑', caption: '今天也要开心' });
await outcome(page);
await dump('sticker shown');
await page.waitForTimeout(3000);
await dump('after 3s');
await browser.close(); await server.close(); process.exit(0);
