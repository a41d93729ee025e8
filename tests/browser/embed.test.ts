// The app in an iframe on another localhost origin (?embed=1): the example host page
// (examples/embed-host.html, served by its own HTTP server) gets ready, sends a fixture photo and
// receives a real PNG through postMessage; bad messages are answered and change nothing; a host
// not on EMBED_ORIGINS cannot frame the app, and no other window in an allowed host can drive it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { fixture, fixtureFile } from './support/fixtures.ts';
import { imageBytes } from './support/app-driver.ts';
import { answerTo, postFrom, received, recordFrameMessages, recordTopMessages, stickerOf, type PhotoBytes } from './support/embed-host.ts';
import { startExamplesServer, type ExamplesServer } from '../../scripts/examples-server.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

let app: AppServer;
let allowed: ExamplesServer;
let other: ExamplesServer;
let browser: Browser;

beforeAll(async () => {
  // The hosts first: their origins are what the app server is started with.
  allowed = await startExamplesServer(0);
  other = await startExamplesServer(0);
  process.env.EMBED_ORIGINS = allowed.origin;
  app = await startAppServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await allowed?.close();
  await other?.close();
  delete process.env.EMBED_ORIGINS;
});

const appOrigin = () => new URL(app.url).origin;
const hostUrl = (host: ExamplesServer) => `${host.origin}/embed-host.html?app=${encodeURIComponent(`${app.url}?face=cpu`)}`;
const APP_IFRAME = { iframe: '#app' } as const;

function photo(relative: string, as: PhotoBytes['as']): PhotoBytes {
  return { base64: readFileSync(fixture(relative)).toString('base64'), type: relative.endsWith('.png') ? 'image/png' : 'image/jpeg', as };
}

/** The example host page on `host`, recording its messages, with the app's frame once it said ready. */
async function openHost(host: ExamplesServer) {
  const opened = await openPage(browser);
  await recordTopMessages(opened.page);
  await opened.page.goto(hostUrl(host));
  await opened.page.locator('#status[data-state="ready"]').waitFor({ timeout: 60_000 });
  const frame = opened.page.frames().find((f) => f.url().startsWith(app.url) && f.url().includes('embed=1'));
  if (frame === undefined) throw new Error('the app frame is missing');
  return { ...opened, frame };
}

/** A second frame inside the host page, on `origin`: a page the test scripts (a 404 document is enough). */
async function addFrame(page: Page, origin: string): Promise<Frame> {
  const url = `${origin}/intruder-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.onload = () => resolve();
        document.body.append(frame);
      }),
    url,
  );
  const frame = page.frames().find((f) => f.url() === url);
  if (frame === undefined) throw new Error(`frame ${url} missing`);
  return frame;
}

describe('embedding', () => {
  it('serves the allow-list at /embed-config.json and frame-ancestors on HTML only', async () => {
    const html = await fetch(app.url);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(html.headers.get('content-security-policy')).toBe(`frame-ancestors 'self' ${allowed.origin}`);
    const config = await fetch(new URL('embed-config.json', app.url));
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(await config.json()).toEqual({ origins: [allowed.origin] });
    const script = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/u)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(new URL(script!, app.url))).headers.get('content-security-policy')).toBeNull();

    // The panels the compact UI leaves out are there in the full app (so their absence below means something).
    const { page, context } = await openPage(browser);
    await page.goto(`${app.url}?face=cpu`);
    await page.getByTestId('generate-button').waitFor();
    expect(await page.locator('section.history, section.pack, [data-testid="models-panel"], [data-testid="diagnostics"]').count()).toBe(4);
    await context.close();
  });

  it('an allowed host gets ready, sends a photo Blob and receives a real 512×512 PNG; the iframe shows the job', async () => {
    const { page, frame, context, pageErrors } = await openHost(allowed);
    const ready = (await received(page)).filter((m) => m.type === 'biaoqing:ready');
    expect(ready.map((m) => m.origin)).toEqual([appOrigin()]);

    // The compact UI: the form and the result, none of the full app's panels, and no sideways scrolling at 360 px.
    expect(await frame.locator('section.history, section.pack, [data-testid="models-panel"], [data-testid="diagnostics"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="template-select"], [data-testid="caption-placement"], [data-testid="outline-width"]').count()).toBe(0);

    // The example page: a file chosen by the user, posted as a Blob (a File).
    await page.locator('#photo').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    await page.locator('#prompt').fill('开心');
    await page.locator('#generate').click();
    // The job's progress shows in the iframe, as for the user's own button.
    await frame.getByTestId('progress').waitFor();
    const answer = await answerTo(page, 1);
    expect(answer).toMatchObject({
      origin: appOrigin(),
      type: 'biaoqing:result',
      width: 512,
      height: 512,
      format: 'image/png',
      sticker: { type: 'image/png' },
      gif: null,
      webp: null,
    });
    const { base64, decoded } = await stickerOf(page, 1);
    expect(parseImageHeader(Buffer.from(base64, 'base64'))).toMatchObject({ format: 'png', width: 512, height: 512 });
    expect(decoded).toEqual({ width: 512, height: 512 });

    // The host page shows it, from the Blob it was sent.
    const shown = page.locator('#result img');
    await shown.waitFor();
    expect(parseImageHeader(Buffer.from(await imageBytes(page, (await shown.getAttribute('src'))!), 'base64'))).toMatchObject({
      format: 'png',
      width: 512,
      height: 512,
    });

    // The job ran through the app's own form: its photo and words are in the iframe, with the sticker.
    await frame.getByTestId('result-image').waitFor();
    expect(await frame.getByTestId('photo-preview').count()).toBe(1);
    expect(await frame.getByTestId('prompt-input').inputValue()).toBe('开心');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await frame.getByTestId('download-link').isVisible()).toBe(true);
    expect(await frame.locator('[data-testid="export-hd"], .exports').evaluateAll((list) => list.map((e) => (e as HTMLElement).offsetParent === null))).toEqual(
      [true, true],
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('refuses malformed messages with biaoqing:error, ignores other people’s, and keeps working', async () => {
    const { page, frame, context } = await openHost(allowed);
    const post = (message: Record<string, unknown>, bytes?: PhotoBytes) => postFrom(page, APP_IFRAME, appOrigin(), message, bytes);
    const jpeg = photo('faces/grace_hopper.jpg', 'blob');

    // Not ours (no biaoqing: type): no answer at all.
    await post({ type: 'something-else', id: 'foreign' });
    const refused: [string, Record<string, unknown>, PhotoBytes | undefined, RegExp][] = [
      ['unknown-type', { type: 'biaoqing:dance' }, undefined, /unknown message type/u],
      ['photo-string', { type: 'biaoqing:generate', photo: 'grace_hopper.jpg', prompt: '开心' }, undefined, /photo must be/u],
      ['prompt-number', { type: 'biaoqing:generate', prompt: 7 }, jpeg, /prompt must be a string/u],
      ['extra-field', { type: 'biaoqing:generate', prompt: '开心', template: 'cat' }, jpeg, /unknown field template/u],
      ['bad-style', { type: 'biaoqing:generate', prompt: '开心', style: 'watercolour' }, jpeg, /style must be/u],
      ['long-prompt', { type: 'biaoqing:set-prompt', prompt: '哈'.repeat(61) }, undefined, /longer than 60/u],
    ];
    for (const [id, message, withPhoto] of refused) await post({ ...message, id }, withPhoto);
    for (const [id, , , reason] of refused) {
      const answer = await answerTo(page, id);
      expect(answer, id).toMatchObject({ type: 'biaoqing:error', code: 'BAD_MESSAGE' });
      expect(answer.message, id).toMatch(reason);
    }
    // Nothing refused reached the form.
    expect(await frame.getByTestId('photo-preview').count()).toBe(0);
    expect(await frame.getByTestId('prompt-input').inputValue()).toBe('');

    // A well-formed message with a file that is not an image: the app's own code and reason.
    await post(
      { type: 'biaoqing:generate', id: 'not-image', prompt: '开心' },
      { base64: Buffer.from('这不是图片 '.repeat(40)).toString('base64'), type: 'image/png', as: 'blob' },
    );
    expect(await answerTo(page, 'not-image')).toMatchObject({ type: 'biaoqing:error', code: 'BAD_INPUT', reason: 'not-image' });

    // set-photo (as an ArrayBuffer) and set-prompt fill the form without making anything.
    const notImage = await frame.getByTestId('photo-preview').getAttribute('src');
    await post({ type: 'biaoqing:set-photo' }, photo('faces/astronaut.png', 'arraybuffer'));
    await post({ type: 'biaoqing:set-prompt', prompt: '惊讶', caption: '哇' });
    await expect.poll(() => frame.getByTestId('prompt-input').inputValue()).toBe('惊讶');
    expect(await frame.getByTestId('caption-input').inputValue()).toBe('哇');
    expect(await frame.getByTestId('photo-preview').getAttribute('src')).not.toBe(notImage);
    expect(await frame.getByTestId('photo-preview').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(512);
    expect(await frame.getByTestId('result-image').count()).toBe(0);

    // A cancel, even one sent right behind its generate, ends that generate ABORTED.
    await postFrom(page, APP_IFRAME, appOrigin(), { type: 'biaoqing:generate', id: 'cancelled', prompt: '开心' }, jpeg, [{ type: 'biaoqing:cancel' }]);
    expect(await answerTo(page, 'cancelled')).toMatchObject({ type: 'biaoqing:error', code: 'ABORTED' });

    // Still working: an ArrayBuffer photo in the panda style, animated; a second generate meanwhile is told BUSY.
    await post({ type: 'biaoqing:generate', id: 'panda', prompt: '生气', style: 'panda', animate: true }, photo('faces/astronaut.png', 'arraybuffer'));
    await post({ type: 'biaoqing:generate', id: 'second', prompt: '开心' }, jpeg);
    expect(await answerTo(page, 'second')).toMatchObject({ type: 'biaoqing:error', code: 'BUSY' });
    expect(await answerTo(page, 'panda')).toMatchObject({
      type: 'biaoqing:result',
      width: 512,
      height: 512,
      sticker: { type: 'image/png' },
      gif: { type: 'image/gif' },
      webp: { type: 'image/webp' },
    });
    expect(parseImageHeader(Buffer.from((await stickerOf(page, 'panda')).base64, 'base64'))).toMatchObject({ format: 'png', width: 512, height: 512 });
    expect(await frame.getByTestId('style-select').inputValue()).toBe('panda');

    const answers = (await received(page)).filter((m) => m.type !== 'biaoqing:ready');
    expect(answers.map((m) => m.id).sort()).toEqual(
      ['bad-style', 'cancelled', 'extra-field', 'long-prompt', 'not-image', 'panda', 'photo-string', 'prompt-number', 'second', 'unknown-type'].sort(),
    );
    await context.close();
  });

  it('a host not on the allow-list cannot frame the app: no app, no ready, no answer', async () => {
    const { page, context } = await openPage(browser);
    await recordTopMessages(page);
    const appRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(appOrigin())) appRequests.push(request.url());
    });
    await page.goto(hostUrl(other));
    // The browser refuses to render the framed document (frame-ancestors) and shows its error page.
    const iframe = (await page.locator('#app').elementHandle())!;
    await expect.poll(async () => (await iframe.contentFrame())?.url() ?? '', { timeout: 30_000 }).toMatch(/^chrome-error:/u);
    await postFrom(page, APP_IFRAME, '*', { type: 'biaoqing:generate', id: 'refused-host', prompt: '开心' }, photo('faces/grace_hopper.jpg', 'blob'));
    // Long enough for a ready (the allowed host gets one well within this) or an answer to arrive.
    await page.waitForTimeout(3000);
    expect(await received(page)).toEqual([]);
    expect(await page.locator('#status').getAttribute('data-state')).toBe('waiting');
    // Only the document was asked for: no script, no worker, no model ever ran.
    expect(appRequests).toEqual([`${app.url}?face=cpu&embed=1`]);
    await context.close();
  });

  it('inside an allowed host, other frames (another origin, or the host’s origin but not the parent) cannot drive the app', async () => {
    const { page, frame, context } = await openHost(allowed);
    const intruders = [await addFrame(page, other.origin), await addFrame(page, allowed.origin)];
    for (const intruder of intruders) {
      await recordFrameMessages(intruder);
      // frames[0] of the host page is the app.
      await postFrom(intruder, { parentFrame: 0 }, '*', { type: 'biaoqing:set-prompt', prompt: '入侵' });
      await postFrom(intruder, { parentFrame: 0 }, '*', { type: 'biaoqing:generate', id: 'intruder', prompt: '入侵' }, photo('faces/grace_hopper.jpg', 'blob'));
      await postFrom(intruder, { parentFrame: 0 }, '*', { type: 'biaoqing:dance', id: 'intruder-bad' });
    }
    // The host's own message, sent after theirs, is taken: so theirs have been seen and dropped.
    await postFrom(page, APP_IFRAME, appOrigin(), { type: 'biaoqing:set-prompt', prompt: '允许' });
    await expect.poll(() => frame.getByTestId('prompt-input').inputValue()).toBe('允许');
    await page.waitForTimeout(1000);
    expect(await frame.getByTestId('photo-preview').count()).toBe(0);
    expect(await frame.locator('[data-testid="result-image"], [data-testid="error-message"], [data-testid="progress"]').count()).toBe(0);
    expect(await frame.getByTestId('prompt-input').inputValue()).toBe('允许');
    for (const intruder of intruders) expect(await received(intruder)).toEqual([]);
    expect((await received(page)).map((m) => m.type)).toEqual(['biaoqing:ready']);
    await context.close();
  });
});
