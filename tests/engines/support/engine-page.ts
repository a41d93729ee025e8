// One page of the app in one browser engine, driven the way a person does (type, click, choose a
// file), whatever speaks to the engine underneath: Playwright for Chromium, WebDriver BiDi through
// puppeteer-core for Firefox, classic WebDriver through selenium-webdriver for WebKit.

export type EngineName = 'chromium' | 'firefox' | 'firefox-webgl' | 'webkit';

export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Runs `fn` in the page with JSON arguments and returns its (awaited) JSON result. `fn` is sent
   * as source, so it must not use anything from the test's scope.
   */
  run<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** Chooses a file for an <input type=file>. */
  upload(selector: string, file: string): Promise<void>;
  /** Types into an input, after what it holds. */
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export const testId = (id: string): string => `[data-testid="${id}"]`;

/** `fn`'s source, to call in the page. */
export function pageScript(fn: (...args: never[]) => unknown): string {
  return `(${fn.toString()})`;
}
