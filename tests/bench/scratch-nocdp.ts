import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { startAppServer } from '../browser/support/app-server.ts';
const steps = (process.env.STEPS ?? '0:prefetch,0:landmarker,0:detect,1:segmenter,1:segment');
const auto = `<!doctype html><script type=module>
const ws=[];const cmd=(i,c)=>new Promise(r=>{const w=ws[i]??=new Worker('/__w__.mjs',{type:'module'});w.onmessage=e=>r(e.data);w.postMessage(c);});
await new Promise(r=>setTimeout(r,4000));
for (const s of ${JSON.stringify(steps)}.split(',')) { const [i,c]=s.split(':'); await cmd(Number(i),c); await new Promise(r=>setTimeout(r,4000)); }
</script>`;
const server = await startAppServer({ plugins: [{ name: 'x', configurePreviewServer(s) { s.middlewares.use((req, res, next) => {
  if (req.url === '/__w__.mjs') { res.setHeader('Content-Type', 'text/javascript'); return res.end(readFileSync('/tmp/memx/worker.mjs')); }
  if (req.url === '/__face__.jpg') { res.setHeader('Content-Type', 'image/jpeg'); return res.end(readFileSync('/work/shared/fixtures/faces/grace_hopper.jpg')); }
  if (req.url === '/__auto__.html') { res.setHeader('Content-Type', 'text/html'); return res.end(auto); }
  next(); }); } }] });
function parents(){const m=new Map<number,number>();for(const e of readdirSync('/proc')){if(!/^\d+$/.test(e))continue;try{const st=readFileSync(`/proc/${e}/stat`,'utf8');m.set(Number(e),Number(st.slice(st.lastIndexOf(')')+2).split(' ')[1]));}catch{}}return m;}
function pss(root: number): number { let kib = 0; const t=parents(); for (const [pid] of t) { let p:number|undefined=pid; let mine=false; while(p!==undefined&&p>1){ if(p===root){mine=true;break;} p=t.get(p);} if(!mine) continue; try { kib += Number(/^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0); } catch {} } return Math.round(kib / 1024); }
const child = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--no-first-run', '--user-data-dir=/tmp/memx/profile-' + Date.now(), server.url + '__auto__.html'], { stdio: 'ignore' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
await sleep(3500); const base = pss(child.pid!); console.log('page open', base);
for (const s of steps.split(',')) { await sleep(4000); console.log(s, '+' + (pss(child.pid!) - base)); }
child.kill(); await server.close(); process.exit(0);
