// Debian's Chromium through playwright-core, with real WebGPU (SwiftShader here) and no traffic
// beyond this machine: every request to a non-local host is aborted and recorded.

import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `args`: extra command-line switches for one test file's browser; `webgpu: false` leaves WebGPU off. */
export function launchChromium(options: { args?: string[]; webgpu?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      ...(options.webgpu === false ? [] : ['--enable-unsafe-webgpu']),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...(options.args ?? []),
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to reach off this machine (always blocked). */
  offMachineRequests: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
}

const LOCAL = /^(blob:|data:|https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/)/;

/** `context`: any other context settings (viewport, reducedMotion, ...). */
export async function openPage(browser: Browser, options: { locale?: string; userAgent?: string; context?: BrowserContextOptions } = {}): Promise<TestPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-CN',
    acceptDownloads: true,
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...options.context,
  });
  const offMachineRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    offMachineRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page, offMachineRequests, pageErrors };
}
