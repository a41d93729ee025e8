// What the Playwright (Chromium) and puppeteer (Firefox) pages share: both navigate, reload and
// evaluate a script's source the same way; they differ in how they choose files, type and click.

import { pageScript, type EngineName, type EnginePage } from './engine-page.ts';

export interface Scriptable {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  /** Evaluates an expression, awaiting the promise it gives. */
  evaluate(expression: string): Promise<unknown>;
}

export abstract class ScriptedPage implements EnginePage {
  abstract readonly engine: EngineName;
  constructor(private readonly scriptable: Scriptable) {}

  async goto(url: string): Promise<void> {
    await this.scriptable.goto(url);
  }

  async reload(): Promise<void> {
    await this.scriptable.reload();
  }

  async run<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    return (await this.scriptable.evaluate(`${pageScript(fn as (...a: never[]) => unknown)}(...${JSON.stringify(args)})`)) as R;
  }

  abstract upload(selector: string, file: string): Promise<void>;
  abstract type(selector: string, text: string): Promise<void>;
  abstract click(selector: string): Promise<void>;
  abstract close(): Promise<void>;
}

/** A page object as a Scriptable (its evaluate takes a string among its overloads). */
export function scriptable(page: {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}): Scriptable {
  return { goto: (url) => page.goto(url), reload: () => page.reload(), evaluate: (expression) => page.evaluate(expression) };
}
