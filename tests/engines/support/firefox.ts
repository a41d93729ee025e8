// Firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi. Without WebGL (headless,
// with WebGL switched off as on a blocklisted GPU: headless Firefox still finds Mesa when a display
// is there) it takes the no-GPU path; with a window (under xvfb-run) it has WebGL through Mesa. No
// WebGPU on Linux either way. Each page is its own browser context, so it starts with empty storage.

import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import type { EngineName, EnginePage } from './engine-page.ts';
import { ScriptedPage, scriptable } from './scripted-page.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

class FirefoxPage extends ScriptedPage {
  constructor(
    readonly engine: EngineName,
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    super(scriptable(page));
  }

  async upload(selector: string, file: string): Promise<void> {
    const input = await this.page.$(selector);
    if (input === null) throw new Error(`no ${selector}`);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
  }

  async type(selector: string, text: string): Promise<void> {
    await this.page.type(selector, text);
  }

  async click(selector: string): Promise<void> {
    await this.page.click(selector);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

export interface FirefoxBrowser {
  open(): Promise<EnginePage>;
  close(): Promise<void>;
}

/** `webgl`: a windowed Firefox (needs a display: run under xvfb-run) rather than a headless one. */
export async function launchFirefox(webgl: boolean): Promise<FirefoxBrowser> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !webgl,
    extraPrefsFirefox: { 'intl.accept_languages': 'zh-CN', ...(webgl ? {} : { 'webgl.disabled': true }) },
  });
  return {
    async open() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return new FirefoxPage(webgl ? 'firefox-webgl' : 'firefox', context, page);
    },
    close: () => browser.close(),
  };
}
