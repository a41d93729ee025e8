// The app's user journeys in words every engine driver understands: the same data-testid hooks as
// the Chromium tests, with form values set by typing and choices by the controls' own events.

import { testId, type EnginePage } from './engine-page.ts';
import { jobStateInPage } from '../../support/job-state.ts';
import { errorMessage } from '../../../src/core/errors.ts';

export async function waitFor<A extends unknown[], R>(
  page: EnginePage,
  what: string,
  fn: (...args: A) => R | null | false | Promise<R | null | false>,
  args: A,
  timeoutMs = 90_000,
): Promise<R> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.run(fn, ...args);
    if (value !== null && value !== false) return value as R;
    if (Date.now() > end) throw new Error(`${page.engine}: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function openApp(page: EnginePage, baseUrl: string, query = 'face=cpu'): Promise<void> {
  await page.goto(`${baseUrl}?${query}`);
  await waitFor(page, 'the form', (sel) => document.querySelector(sel) !== null, [testId('generate-button')], 60_000);
}

/** Sets an input's text the way an edit or an IME commit does: the value, then an input event. */
function setValue(page: EnginePage, id: string, text: string): Promise<void> {
  return page.run(
    (sel, value) => {
      const input = document.querySelector<HTMLInputElement>(sel)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    testId(id),
    text,
  );
}

/**
 * Empties an input, then types `text`. WebKitWebDriver drops characters beyond the BMP (emoji)
 * from typed keys; what the keys could not type is then committed at once, as an emoji keyboard does.
 */
export async function fill(page: EnginePage, id: string, text: string): Promise<void> {
  await setValue(page, id, '');
  if (text === '') return;
  await page.type(testId(id), text);
  const typed = await page.run((sel) => document.querySelector<HTMLInputElement>(sel)!.value, testId(id));
  if (typed !== text) await setValue(page, id, text);
}

/** Chooses an option of a <select>, or ticks/unticks a checkbox, with the events a user's choice fires. */
export async function choose(page: EnginePage, id: string, value: string | boolean): Promise<void> {
  await page.run(
    (sel, v) => {
      const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel)!;
      if (typeof v === 'boolean') (control as HTMLInputElement).checked = v;
      else control.value = v;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    },
    testId(id),
    value,
  );
}

export type Outcome = { kind: 'result'; src: string } | { kind: 'error'; code: string; detail: string; text: string };

/** The finished sticker's image (the still shown while its exports are made is a canvas, "still-image"). */
const FINISHED = testId('result-image');

/** The current result image's src, or null. */
export function resultSrc(page: EnginePage): Promise<string | null> {
  return page.run((sel) => document.querySelector<HTMLImageElement>(sel)?.src ?? null, FINISHED);
}

/** A wait's failure, rethrown with where the job stood when it gave up. */
function whereTheJobStood(page: EnginePage): (error: unknown) => Promise<never> {
  return async (error) => {
    throw new Error(`${errorMessage(error)}; ${await page.run(jobStateInPage)}`);
  };
}

/** Waits for the job to end: a new finished sticker, or an error. A timeout says where the job stood. */
export async function outcome(page: EnginePage, previousSrc: string | null, timeoutMs = 120_000): Promise<Outcome> {
  return waitFor(
    page,
    'a sticker or an error',
    (errorSel, imageSel, prev) => {
      const error = document.querySelector<HTMLElement>(errorSel);
      if (error !== null) return { kind: 'error', code: error.dataset.code ?? '', detail: error.dataset.detail ?? '', text: error.innerText };
      const img = document.querySelector<HTMLImageElement>(imageSel);
      if (img !== null && img.complete && img.naturalWidth > 0 && img.src !== prev) return { kind: 'result', src: img.src };
      return null;
    },
    [testId('error-message'), FINISHED, previousSrc] as [string, string, string | null],
    timeoutMs,
  ).catch(whereTheJobStood(page)) as Promise<Outcome>;
}

/**
 * Waits until 生成 has stayed in one place for three polls. A chosen photo's preview, a refusal or the
 * words' understanding can still be moving the form, and WebKit's driver clicks where the button was
 * when it measured it: on a loaded machine that click once landed beside the moved button. Gives up
 * waiting after 5 s (the click's own check then says what happened).
 */
async function buttonAtRest(page: EnginePage): Promise<void> {
  let last = '';
  let still = 0;
  const end = Date.now() + 5_000;
  while (still < 3 && Date.now() < end) {
    const rect = await page.run((sel) => JSON.stringify(document.querySelector(sel)?.getBoundingClientRect()), testId('generate-button'));
    still = rect === last ? still + 1 : 0;
    last = rect;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function makeSticker(page: EnginePage, photo: string | null, words: { prompt?: string; caption?: string } = {}): Promise<Outcome> {
  const before = await resultSrc(page);
  if (photo !== null) await page.upload(testId('photo-input'), photo);
  if (words.prompt !== undefined) await fill(page, 'prompt-input', words.prompt);
  if (words.caption !== undefined) await fill(page, 'caption-input', words.caption);
  await buttonAtRest(page);
  await page.click(testId('generate-button'));
  // A click that started no job would otherwise look like a job that never ends.
  await waitFor(
    page,
    'the click on 生成 to start a job',
    (button, error, image, prev) =>
      document.querySelector(button)?.getAttribute('aria-busy') === 'true' ||
      document.querySelector(error) !== null ||
      (document.querySelector<HTMLImageElement>(image)?.src ?? prev) !== prev,
    [testId('generate-button'), testId('error-message'), FINISHED, before] as [string, string, string, string | null],
    10_000,
  ).catch(whereTheJobStood(page));
  return outcome(page, before);
}

/** The bytes behind a URL the page holds (a blob: URL, or a link's href). */
export async function bytesAt(page: EnginePage, url: string): Promise<Buffer> {
  const base64 = await page.run(async (u) => {
    const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, url);
  return Buffer.from(base64, 'base64');
}

/** The file a download link (by test id) offers: its name and bytes. */
export async function linkFile(page: EnginePage, id: string): Promise<{ name: string; bytes: Buffer }> {
  const link = await waitFor(
    page,
    `the ${id} link`,
    (sel) => {
      const a = document.querySelector<HTMLAnchorElement>(sel);
      return a === null || a.href === '' ? null : { href: a.href, name: a.download };
    },
    [testId(id)],
  );
  return { name: link.name, bytes: await bytesAt(page, link.href) };
}

/** Each stage's backend as the diagnostics list it. */
export function backends(page: EnginePage): Promise<Record<string, string>> {
  return page.run(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-testid^="timing-"]')].map((el) => [
        el.dataset.testid!.slice('timing-'.length),
        el.dataset.backend ?? '',
      ]),
    ),
  );
}
