// The app shell: the JavaScript that opens the page (the entry, the UI it imports once the sticker
// worker has started, and their static imports; gzip-compressed as a server would send it), and the
// time to interactive (navigation start until the generate button is on screen and enabled), cold
// (a fresh browser context: no service worker, empty HTTP cache) and from the service worker's
// cache (one context, its service worker in control, a new navigation each run).

import { readFileSync } from 'node:fs';
import { appShellFiles } from '../../scripts/pwa/precache-list.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../browser/support/chromium.ts';
import { serviceWorkerInControl } from '../browser/support/service-worker.ts';
import { summarize, type Summary } from './stats.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Navigation start until the generate button can be pressed, by the page's own clock. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="generate-button"]');
      return button !== null && !button.disabled && button.offsetParent !== null ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

export interface AppShellReport {
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  timeToInteractiveMs: { cold: Summary; serviceWorker: Summary };
}

export async function appShellBench(browser: Browser, baseUrl: string, runs: number): Promise<AppShellReport> {
  const files = appShellFiles(dist).filter((file) => file.endsWith('.js'));
  const bytes = files.map((f) => readFileSync(path.join(dist, f)));
  const url = `${baseUrl}?face=cpu`;

  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { page, context } = await openPage(browser);
    cold.push(await timeToInteractive(page, url));
    await context.close();
  }

  const { page, context } = await openPage(browser);
  await timeToInteractive(page, url);
  await serviceWorkerInControl(page);
  const fromServiceWorker: number[] = [];
  for (let i = 0; i < runs; i++) fromServiceWorker.push(await timeToInteractive(page, url));
  await context.close();

  return {
    files,
    jsBytes: bytes.reduce((sum, b) => sum + b.byteLength, 0),
    jsGzipBytes: bytes.reduce((sum, b) => sum + gzipSync(b).byteLength, 0),
    timeToInteractiveMs: { cold: summarize(cold), serviceWorker: summarize(fromServiceWorker) },
  };
}
