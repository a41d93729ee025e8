import puppeteer from 'puppeteer-core';
import { startAppServer } from '../browser/support/app-server.ts';
import { fixture } from '../browser/support/fixtures.ts';
const server = await startAppServer();
const browser = await puppeteer.launch({ browser: 'chrome', executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--no-first-run', ...(process.env.ARGS ? process.env.ARGS.split(' ') : [])], targetFilter: (t) => !['webworker','service_worker','shared_worker'].includes(t.type() as string) });
const cdp = await browser.target().createCDPSession();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function dump(label: string) {
  const events: any[] = [];
  const on = (e: any) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', on);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' } as any);
  await cdp.send('Tracing.requestMemoryDump' as any, { levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end'); await done; cdp.off('Tracing.dataCollected', on);
  console.log('=== ' + label);
  for (const d of events.filter((e) => e.ph === 'v' && e.args?.dumps?.allocators)) {
    const ad = d.args.dumps.allocators; const sz = (k: string) => parseInt(ad[k]?.attrs?.size?.value ?? '0', 16) / 1048576;
    const keys = Object.keys(ad).filter((k) => /^(partition_alloc\/allocated_objects\/partitions\/[a-z_]+|malloc\/allocated_objects\/partitions\/allocator\/buckets\/directMap_\d+|partition_alloc\/allocated_objects\/partitions\/[a-z_]+\/buckets\/directMap_\d+|v8\/(workers|main)\/heap|[a-z_]+|webgl\/[^/]+|canvas\/[^/]+\/[^/]+)$/.test(k));
    const rows = keys.map((k) => [k.replace('allocated_objects/partitions/', '').replace('/buckets/', '/'), sz(k)] as const).filter(([, s]) => s > 1.9).sort((a, b) => b[1] - a[1]);
    if (rows.length) console.log(d.pid, rows.map(([k, s]) => k + '=' + s.toFixed(1)).join(', '));
  }
}
const page = await browser.newPage();
await page.goto(server.url + '?face=cpu');
await page.waitForFunction(() => /已就绪|is ready/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 60000 });
await pause(2000); await dump('opened');
const input = await page.$('[data-testid="photo-input"]'); await (input as any).uploadFile(fixture('faces/grace_hopper.jpg'));
await pause(5000); await dump('photo chosen');
await page.type('[data-testid="prompt-input"]', '开心大笑'); await page.type('[data-testid="caption-input"]', '今天也要开心'); await page.click('[data-testid="generate-button"]');
await page.waitForFunction(() => { const i = document.querySelector<HTMLImageElement>('[data-testid="result-image"]'); return i !== null && i.complete; }, { timeout: 90000 });
await dump('sticker'); await pause(3000); await dump('after 3 s');
await browser.close(); await server.close(); process.exit(0);
