// The browser's memory as the operating system counts it: PSS (proportional set size, each shared
// page split among its sharers) summed over every process of a browser launched for this alone.
// Measured: the empty browser (one blank tab), the app opened and ready, and the peak while a
// sticker is made (sampled every 50 ms), then after it. Linux only (/proc).
//
// Driven through puppeteer-core attached to the page alone: no DevTools agent runs in the workers,
// where the models load, and no request is intercepted (Playwright's routing would pass every
// response through DevTools), so what is counted is the app's memory, not the driver's.

import { readFileSync, readdirSync } from 'node:fs';
import puppeteer, { TargetType, type Page, type Target } from 'puppeteer-core';
import { fixture } from '../browser/support/fixtures.ts';
import { CHROMIUM_PATH } from '../browser/support/chromium.ts';

const MB = 2 ** 20;

/** Parent pid of every process, read from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: ") S ppid ...".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(entry), ppid);
    } catch {
      // The process ended while being read.
    }
  }
  return map;
}

function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** PSS in MB of every process below `roots` (this Node process's browsers). */
function browserPss(known: Set<number>): number {
  const tree = parents();
  const below = new Set<number>();
  for (const [pid] of tree) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = tree.get(p)) {
      if (p === process.pid && pid !== process.pid && !known.has(pid)) below.add(pid);
    }
  }
  let kib = 0;
  for (const pid of below) kib += pssKiB(pid);
  return (kib * 1024) / MB;
}

export interface MemoryReport {
  emptyBrowserMB: number;
  openedMB: number;
  stickerPeakMB: number;
  afterStickerMB: number;
  /** Opening the app, and the sticker's peak, over the empty browser. */
  openingAddsMB: number;
  stickerPeakAddsMB: number;
}

const round = (mb: number) => Math.round(mb);

/** puppeteer types a dedicated worker as 'other' (so is a tab): the app's are its *.worker-<hash>.js files. */
const isWorker = (target: Target) =>
  target.type() === TargetType.SERVICE_WORKER || target.type() === TargetType.SHARED_WORKER || /\/[\w-]+\.worker-[\w-]+\.js$/u.test(target.url());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The finished sticker's src, or the error's text. */
async function stickerOrError(page: Page): Promise<{ src: string } | { error: string }> {
  const handle = await page.waitForFunction(
    () => {
      const error = document.querySelector<HTMLElement>('[data-testid="error-message"]');
      if (error !== null) return { error: error.innerText };
      const img = document.querySelector<HTMLImageElement>('[data-testid="result-image"]');
      return img !== null && img.complete ? { src: img.src } : null;
    },
    { timeout: 90_000, polling: 100 },
  );
  return (await handle.jsonValue()) as { src: string } | { error: string };
}

/** `others`: processes to leave out (browsers the rest of the bench keeps open). */
export async function browserMemoryBench(appUrl: string): Promise<MemoryReport> {
  const others = new Set(parents().keys());
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
    // The page only: see the top of this file.
    targetFilter: (target) => !isWorker(target),
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await pause(2000);
    const empty = browserPss(others);
    await page.goto(`${appUrl}?face=cpu`);
    await page.waitForFunction(() => /已就绪|is ready/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 60_000 });
    await pause(2000);
    const opened = browserPss(others);
    let peak = opened;
    const sampler = setInterval(() => (peak = Math.max(peak, browserPss(others))), 50);
    const input = await page.$(byTestId('photo-input'));
    if (input === null) throw new Error('memory bench: no photo input');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(fixture('faces/grace_hopper.jpg'));
    await page.type(byTestId('prompt-input'), '开心大笑');
    await page.type(byTestId('caption-input'), '今天也要开心');
    await page.click(byTestId('generate-button'));
    const done = await stickerOrError(page);
    clearInterval(sampler);
    if ('error' in done) throw new Error(`memory bench: ${done.error}`);
    await pause(2000);
    const after = browserPss(others);
    return {
      emptyBrowserMB: round(empty),
      openedMB: round(opened),
      stickerPeakMB: round(peak),
      afterStickerMB: round(after),
      openingAddsMB: round(opened - empty),
      stickerPeakAddsMB: round(peak - empty),
    };
  } finally {
    await browser.close();
  }
}
