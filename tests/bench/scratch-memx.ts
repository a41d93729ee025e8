import { readFileSync } from 'node:fs';
import { launchChromium } from '../browser/support/chromium.ts';
import { startAppServer } from '../browser/support/app-server.ts';
const server = await startAppServer({ plugins: [{ name: 'x', configurePreviewServer(s) { s.middlewares.use((req, res, next) => {
  if (req.url === '/__w__.mjs') { res.setHeader('Content-Type', 'text/javascript'); return res.end(readFileSync('/tmp/memx/worker.mjs')); }
  if (req.url === '/__face__.jpg') { res.setHeader('Content-Type', 'image/jpeg'); return res.end(readFileSync('/work/shared/fixtures/faces/grace_hopper.jpg')); }
  if (req.url === '/__blank__.html') { res.setHeader('Content-Type', 'text/html'); return res.end('<!doctype html><title>x</title>'); }
  next(); }); } }] });
const browser = await launchChromium({ args: ['--js-flags=--expose-gc'] });
const page = await (await browser.newContext()).newPage();
const { readdirSync } = await import('node:fs');
function parents(){const m=new Map<number,number>();for(const e of readdirSync('/proc')){if(!/^\d+$/.test(e))continue;try{const st=readFileSync(`/proc/${e}/stat`,'utf8');m.set(Number(e),Number(st.slice(st.lastIndexOf(')')+2).split(' ')[1]));}catch{}}return m;}
function pss(): number { let kib = 0; const t=parents(); for (const [pid] of t) { let p:number|undefined=pid; let mine=false; while(p!==undefined&&p>1){ if(p===process.pid&&pid!==process.pid){mine=true;break;} p=t.get(p);} if(!mine) continue; const e=String(pid); try { const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8'); if (!cmd.includes('chromium')) continue; kib += Number(/^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${e}/smaps_rollup`, 'utf8'))?.[1] ?? 0); } catch {} } return Math.round(kib / 1024); }
await page.goto(server.url + '__blank__.html'); await page.waitForTimeout(1500);
const base = pss(); console.log('blank page', base);
await page.evaluate(() => { (window as any).ws = []; (window as any).cmd = (i: number, c: string) => new Promise((r) => { const w = (window as any).ws[i] ??= new Worker('/__w__.mjs', { type: 'module' }); w.onmessage = (e: MessageEvent) => r(e.data); w.postMessage(c); }); });
const steps = (process.env.STEPS ?? '0:prefetch,0:landmarker,0:detect,1:segmenter,1:segment').split(',');
for (const s of steps) { const [i, c] = s.split(':'); const r = await page.evaluate(([i, c]) => (window as any).cmd(Number(i), c), [i, c]); await page.waitForTimeout(1500); console.log(s, r, '+' + (pss() - base)); }
const cdp = await browser.newBrowserCDPSession();
const events: any[] = []; cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' } as any);
await cdp.send('Tracing.requestMemoryDump' as any, { levelOfDetail: 'detailed' }); await cdp.send('Tracing.end'); await done;
for (const d of events.filter((e) => e.ph === 'v' && e.args?.dumps?.allocators?.partition_alloc)) { const ad = d.args.dumps.allocators; const rows = Object.keys(ad).filter((k) => /^(partition_alloc\/allocated_objects\/partitions\/[a-z_]+(\/buckets\/directMap_\d+)?|malloc\/allocated_objects\/partitions\/allocator\/buckets\/directMap_\d+|[a-z_]+)$/.test(k)).map((k) => [k, parseInt(ad[k].attrs?.size?.value ?? '0', 16) / 1048576] as const).filter(([, s]) => s > 1.5); console.log(d.pid, rows.map(([k, s]) => k.replace('allocated_objects/partitions/', '') + '=' + s.toFixed(1)).join(', ')); }
await browser.close(); await server.close(); process.exit(0);
