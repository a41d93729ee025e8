// Chromium through playwright-core, as the rest of the browser tests drive it: here it makes the
// reference sticker the other engines are compared with.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EnginePage } from './engine-page.ts';
import { ScriptedPage, scriptable } from './scripted-page.ts';

class ChromiumPage extends ScriptedPage {
  readonly engine = 'chromium';
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    super(scriptable(page));
  }

  async upload(selector: string, file: string): Promise<void> {
    await this.page.locator(selector).setInputFiles(file);
  }

  async type(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).pressSequentially(text);
  }

  async click(selector: string): Promise<void> {
    await this.page.locator(selector).click();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export async function openChromiumPage(browser: Browser): Promise<EnginePage> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  return new ChromiumPage(context, await context.newPage());
}
