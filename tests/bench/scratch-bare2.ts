import puppeteer from 'puppeteer-core';
import { startAppServer } from '../browser/support/app-server.ts';
import { fixture } from '../browser/support/fixtures.ts';
import { readFileSync } from 'node:fs';
const server = await startAppServer({ plugins: [{ name: 'x', configurePreviewServer(s) { s.middlewares.use((req, res, next) => {
  if (req.url === '/__w__.mjs') { res.setHeader('Content-Type', 'text/javascript'); return res.end(readFileSync('/tmp/memx/worker.mjs')); }
  if (req.url === '/__face__.jpg') { res.setHeader('Content-Type', 'image/jpeg'); return res.end(readFileSync('/work/shared/fixtures/faces/grace_hopper.jpg')); }
  if (req.url?.startsWith('/__big__')) { res.setHeader('Content-Type', req.url.includes('wasm') ? 'application/wasm' : 'application/octet-stream'); res.setHeader('Cache-Control', 'max-age=3600'); return res.end(readFileSync('/work/main/dist/mediapipe/1.1.0/vision_wasm_module_internal.wasm')); }
  if (req.url === '/__blank__.html') { res.setHeader('Content-Type', 'text/html'); return res.end('<!doctype html><title>x</title>'); }
  next(); }); } }] });
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
await page.goto(server.url + '__blank__.html'); await pause(1500);
await page.evaluate(() => { (window as any).ws = []; (window as any).cmd = (i: number, c: string) => new Promise((r) => { const w = (window as any).ws[i] ??= new Worker('/__w__.mjs', { type: 'module' }); w.onmessage = (e: MessageEvent) => r(e.data); w.postMessage(c); }); });
if (process.env.WINDOW) { await page.evaluate(async () => { const r = await fetch('/__big__win'); await r.body!.pipeTo(new WritableStream()); }); await pause(1500); }
for (const st of (process.env.STEPS ?? '0:prefetch,0:landmarker,0:detect,1:segmenter,1:segment').split(',')) { const [i, c] = st.split(':'); console.log(st, await page.evaluate((i, c) => (window as any).cmd(Number(i), c), i, c)); await pause(1500); }
if (process.env.TERM0) { await page.evaluate(() => (window as any).ws[0].terminate()); await pause(2000); }
await dump('end');
await browser.close(); await server.close(); process.exit(0);
