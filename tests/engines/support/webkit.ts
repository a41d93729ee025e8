// WebKit: Debian's WebKitGTK MiniBrowser (the engine of Safari and of every iOS browser) through
// WebKitWebDriver and selenium-webdriver. MiniBrowser has no headless mode: run under xvfb-run.
// Each page is its own browser session, so it starts with empty storage.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { pageScript, type EnginePage } from './engine-page.ts';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The last lines a process wrote (its children's too: MiniBrowser and its web process inherit the driver's). */
class OutputTail {
  private readonly lines: string[] = [];
  constructor(
    streams: readonly (NodeJS.ReadableStream | null)[],
    private readonly keep = 40,
  ) {
    for (const stream of streams) {
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => {
        this.lines.push(...text.split('\n').filter((line) => line.trim() !== ''));
        this.lines.splice(0, Math.max(0, this.lines.length - this.keep));
      });
    }
  }

  text(): string {
    return this.lines.length === 0 ? '(nothing)' : this.lines.join('\n');
  }
}

async function startDriver(): Promise<{ url: string; process: ChildProcess; output: OutputTail }> {
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputTail([driver.stdout, driver.stderr]);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, process: driver, output };
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill();
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

class WebKitPage implements EnginePage {
  readonly engine = 'webkit';
  constructor(
    private readonly driver: WebDriver,
    private readonly server: ChildProcess,
    private readonly output: OutputTail,
  ) {}

  /** A command; where the session is gone (the web process crashed or hung), what the browser last printed goes with the error. */
  private async command<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'NoSuchSessionError') throw error;
      throw new Error(`${error.message}\nWebKitWebDriver and MiniBrowser last printed:\n${this.output.text()}`, { cause: error });
    }
  }

  async goto(url: string): Promise<void> {
    await this.command(() => this.driver.get(url));
  }

  async reload(): Promise<void> {
    await this.command(() => this.driver.navigate().refresh());
  }

  async run<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => ${pageScript(fn as (...a: never[]) => unknown)}(...arguments[0]))
        .then((ok) => done({ ok: ok === undefined ? null : ok }), (e) => done({ error: String(e && e.stack || e) }));`;
    const answer = (await this.command(() => this.driver.executeAsyncScript(script, args))) as { ok?: R; error?: string };
    if (answer.error !== undefined) throw new Error(`in WebKit: ${answer.error}`);
    return answer.ok as R;
  }

  async upload(selector: string, file: string): Promise<void> {
    await this.command(() => this.driver.findElement(By.css(selector)).sendKeys(file));
  }

  async type(selector: string, text: string): Promise<void> {
    await this.command(() => this.driver.findElement(By.css(selector)).sendKeys(text));
  }

  async click(selector: string): Promise<void> {
    await this.command(() => this.driver.findElement(By.css(selector)).click());
  }

  async close(): Promise<void> {
    await this.driver.quit().catch(() => undefined);
    this.server.kill();
  }
}

/** A fresh MiniBrowser; `userAgent` replaces its user agent (as WeChat's in-app browser has its own). */
export async function openWebKit(options: { userAgent?: string } = {}): Promise<EnginePage> {
  const server = await startDriver();
  const args = ['--automation', ...(options.userAgent === undefined ? [] : [`--user-agent=${options.userAgent}`])];
  try {
    const driver = await new Builder()
      .usingServer(server.url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } })
      .build();
    await driver.manage().setTimeouts({ script: 180_000, pageLoad: 60_000 });
    return new WebKitPage(driver, server.process, server.output);
  } catch (error) {
    server.process.kill();
    throw error;
  }
}
