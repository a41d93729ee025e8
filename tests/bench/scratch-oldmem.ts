// The browser's memory as the operating system counts it: PSS (proportional set size, each shared
// page split among its sharers) summed over every process of a browser launched for this alone.
// Measured: the empty browser (one blank tab), the app opened and ready, and the peak while a
// sticker is made (sampled every 50 ms), then after it. Linux only (/proc).

import { readFileSync, readdirSync } from 'node:fs';
import { fixtureFile } from '../browser/support/fixtures.ts';
import { launchChromium, openPage } from '../browser/support/chromium.ts';
import { makeSticker, openApp, outcome } from '../browser/support/app-driver.ts';

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

/** `others`: processes to leave out (browsers the rest of the bench keeps open). */
export async function oldMemoryBench(appUrl: string): Promise<MemoryReport> {
  const others = new Set(parents().keys());
  const browser = await launchChromium();
  try {
    const page = process.env.NOROUTE ? await (await browser.newContext({ locale: 'zh-CN' })).newPage() : (await openPage(browser)).page;
    await page.goto('about:blank');
    await page.waitForTimeout(2000);
    const empty = browserPss(others);
    await openApp(page, appUrl, 'face=cpu');
    await page
      .getByTestId('notice')
      .filter({ hasText: /已就绪|is ready/ })
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    const opened = browserPss(others);
    let peak = opened;
    const sampler = setInterval(() => (peak = Math.max(peak, browserPss(others))), 50);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心大笑', caption: '今天也要开心' });
    const done = await outcome(page);
    clearInterval(sampler);
    if (done.kind !== 'result') throw new Error(`memory bench: ${done.text}`);
    await page.waitForTimeout(2000);
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
