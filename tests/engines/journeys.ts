// The app's user journeys in one browser engine, checked by measurement as the Chromium tests are:
// the landmarker run afresh on each sticker, alpha at the corners, the exports' and pack's own
// bytes. Landmarks are measured, and WebP frames decoded, in a Chromium page independent of the
// engine under test, which also makes the reference sticker the engine's must agree with.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { STICKER_SIZE } from '../../src/core/sticker-layout.ts';
import { startAppServer, type AppServer } from '../browser/support/app-server.ts';
import { launchChromium } from '../browser/support/chromium.ts';
import { fixture, fixtureFile, type UploadFile } from '../browser/support/fixtures.ts';
import { sidewaysWithExif, upscaled } from '../browser/support/variants.ts';
import { LandmarkHarness } from '../browser/support/harness.ts';
import { expectEyesOnTargets } from '../browser/support/eye-targets.ts';
import { startExamplesServer, type ExamplesServer } from '../../scripts/examples-server.ts';
import { parseGif } from '../support/parse-gif.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';
import { openChromiumPage } from './support/chromium.ts';
import { testId, type EngineName, type EnginePage } from './support/engine-page.ts';
import { backends, bytesAt, choose, fill, linkFile, makeSticker, openApp, waitFor } from './support/app-journey.ts';
import { imageStats, meanDifference, webpFrames } from './support/image-checks.ts';

const KB = 1024;
const PHOTO = fixture('faces/grace_hopper.jpg');
const WORDS = { prompt: '开心', caption: '我太难了😂' };

export interface EngineUnderTest {
  name: EngineName;
  /** A fresh page with empty storage. */
  open(): Promise<EnginePage>;
  close(): Promise<void>;
  /** The warp backend this engine should end up on. */
  warp: string;
}

export function describeJourneys(open: () => Promise<EngineUnderTest>): void {
  let engine: EngineUnderTest;
  let app: AppServer;
  let host: ExamplesServer;
  let chromium: Browser;
  let harness: LandmarkHarness;
  let page: EnginePage;
  const made: string[] = [];

  beforeAll(async () => {
    host = await startExamplesServer(0);
    process.env.EMBED_ORIGINS = host.origin;
    app = await startAppServer();
    chromium = await launchChromium();
    harness = await LandmarkHarness.open(chromium, app.url);
    engine = await open();
    page = await engine.open();
    await openApp(page, app.url);
  });

  afterAll(async () => {
    await page?.close();
    await engine?.close();
    await chromium?.close();
    await app?.close().catch(() => undefined); // closed already by the offline journey
    await host?.close();
    delete process.env.EMBED_ORIGINS;
  });

  describe('a photo sticker with a CJK and emoji caption', () => {
    let png: Buffer;
    it('is a transparent 512×512 PNG with the eyes where the layout puts them', async () => {
      const done = await makeSticker(page, PHOTO, WORDS);
      // The first sticker in this engine: a failure says what the app said, in full.
      if (done.kind !== 'result') throw new Error(`${page.engine}: ${done.code} ${done.detail}`);
      made.push(WORDS.prompt);
      png = await bytesAt(page, done.src);
      const measured = await harness.measure(png.toString('base64'), 'image/png');
      expect([measured.width, measured.height]).toEqual([STICKER_SIZE, STICKER_SIZE]);
      expect(measured.corners).toEqual([0, 0, 0, 0]);
      expect(measured.transparentFraction).toBeGreaterThan(0.2);
      expectEyesOnTargets(measured);
    });

    it('ran on the CPU delegate and this engine’s warp backend', async () => {
      const ran = await backends(page);
      expect(ran['detect-face']).toBe('mediapipe-wasm-cpu');
      // The person was found in the segmenter's own worker, beside the face; or, where that worker
      // did not start (seen once in Firefox under CI's load), in the sticker worker, with the reason.
      expect(ran.segment).toMatch(/^mediapipe-wasm-cpu, (own worker|sticker worker \(own worker failed: .+\))$/);
      if (ran.segment !== 'mediapipe-wasm-cpu, own worker') console.warn(`${engine.name}: ${ran.segment}`);
      expect(ran.warp).toBe(engine.warp);
    });

    it('agrees with the same sticker made in Chromium', async () => {
      const reference = await openChromiumPage(chromium);
      await openApp(reference, app.url, `face=cpu&warp=${engine.warp === 'canvas2d-affine' ? 'canvas2d' : engine.warp}`);
      const done = await makeSticker(reference, PHOTO, WORDS);
      if (done.kind !== 'result') throw new Error(`Chromium: ${done.code} ${done.detail}`);
      const ours = await bytesAt(reference, done.src);
      await reference.close();
      const diff = await meanDifference(harness, png, ours);
      console.log(`${engine.name} vs Chromium: mean |ΔRGBA| ${diff.toFixed(2)} of 255`);
      expect(diff).toBeLessThan(2);
    });

    it('draws the caption’s emoji in colour', async () => {
      // The same sticker with the emoji taken out of the caption: what the emoji add is colour.
      const plain = await makeSticker(page, null, { caption: '我太难了' });
      if (plain.kind !== 'result') throw new Error(`${plain.code} ${plain.detail}`);
      const band = { x: 0, y: 0.75, width: 1, height: 0.25 };
      const withEmoji = await imageStats(harness, png, band);
      const without = await imageStats(harness, await bytesAt(page, plain.src), band);
      expect(withEmoji.colourfulFraction - without.colourfulFraction).toBeGreaterThan(0.01);
    });
  });

  it('熊猫头: the face as black ink in the panda head', async () => {
    await choose(page, 'style-select', 'panda');
    const done = await makeSticker(page, null, { prompt: '无语', caption: '' });
    await choose(page, 'style-select', 'photo');
    expect(done, JSON.stringify(done)).toMatchObject({ kind: 'result' });
    if (done.kind !== 'result') return;
    made.push('无语');
    const png = await bytesAt(page, done.src);
    expect(parseImageHeader(png)).toMatchObject({ format: 'png', width: 512, height: 512 });
    const stats = await imageStats(harness, png, { x: 0, y: 0, width: 1, height: 1 });
    // Ink on white: nearly every visible pixel grey, and a good share of it dark.
    expect(stats.colourfulFraction).toBeLessThan(0.02);
    expect(stats.darkFraction).toBeGreaterThan(0.05);
  });

  it('a template: the face set into its slot, still a face to the landmarker', async () => {
    await choose(page, 'template-select', 'reaction-shock');
    const done = await makeSticker(page, null, { prompt: '惊讶' });
    await choose(page, 'template-select', '');
    expect(done, JSON.stringify(done)).toMatchObject({ kind: 'result' });
    if (done.kind !== 'result') return;
    made.push('惊讶');
    const measured = await harness.measure((await bytesAt(page, done.src)).toString('base64'), 'image/png');
    expect([measured.width, measured.height]).toEqual([512, 512]);
    expect(measured.faces.length).toBeGreaterThanOrEqual(1);
  });

  it('an animated sticker and every export: GIF, animated WebP, HD PNG and WebP, chat-app files', async () => {
    await choose(page, 'animate-toggle', true);
    const done = await makeSticker(page, null, { prompt: '生气', caption: '气死我了' });
    await choose(page, 'animate-toggle', false);
    expect(done, JSON.stringify(done)).toMatchObject({ kind: 'result' });
    made.push('生气');

    const gif = parseGif((await linkFile(page, 'download-gif')).bytes);
    expect(gif).toMatchObject({ width: 240, height: 240, loopCount: 0, frames: 12 });
    const webp = (await linkFile(page, 'download-webp')).bytes;
    expect(parseImageHeader(webp)).toEqual({ format: 'webp', width: 512, height: 512, animated: true });
    expect(await webpFrames(harness, webp)).toMatchObject({ frameCount: 12, cornerAlpha: 0 });

    const wechat = (await linkFile(page, 'export-wechat')).bytes;
    expect(wechat.byteLength).toBeLessThanOrEqual(500 * KB);
    expect(parseGif(wechat)).toMatchObject({ width: 240, height: 240, loopCount: 0 });
    const whatsapp = (await linkFile(page, 'export-whatsapp')).bytes;
    expect(whatsapp.byteLength).toBeLessThanOrEqual(500 * KB);
    expect(parseImageHeader(whatsapp)).toEqual({ format: 'webp', width: 512, height: 512, animated: true });
    for (const [format, size] of [
      ['png', 512],
      ['webp', 512],
      ['png', 1024],
      ['webp', 1024],
    ] as const) {
      const file = await linkFile(page, `export-hd-${format}-${size}`);
      expect(file.name).toMatch(new RegExp(`-${size}\\.${format}$`));
      expect(parseImageHeader(file.bytes)).toEqual({ format, width: size, height: size, animated: false });
    }
  });

  it('the AI redraw on the test networks: onnxruntime-web on wasm, the same sticker as Chromium’s for one seed', async () => {
    const redraw = async (on: EnginePage) => {
      await choose(on, 'style-select', 'ai');
      await waitFor(on, 'the AI panel', (sel) => document.querySelector(sel) !== null, [testId('ai-status')], 60_000);
      await fill(on, 'ai-seed', '7');
      await choose(on, 'ai-seed', '7');
      await choose(on, 'ai-steps', '2');
      await on.click(testId('ai-download'));
      const provider = await waitFor(
        on,
        'the AI models',
        (sel) => {
          const el = document.querySelector<HTMLElement>(sel)!;
          return el.dataset.state === 'ready' ? (el.dataset.provider ?? '') : null;
        },
        [testId('ai-status')],
        120_000,
      );
      const done = await makeSticker(on, PHOTO, { prompt: '开心', caption: ' ' });
      await choose(on, 'style-select', 'photo');
      if (done.kind !== 'result') throw new Error(`${on.engine}: ${done.code} ${done.detail}`);
      return { provider, png: await bytesAt(on, done.src) };
    };
    const ours = await redraw(page);
    expect(ours.provider).toBe('wasm');
    expect(parseImageHeader(ours.png)).toMatchObject({ format: 'png', width: 512, height: 512 });
    const reference = await openChromiumPage(chromium);
    await openApp(reference, app.url, `face=cpu&ai=wasm&warp=${engine.warp === 'canvas2d-affine' ? 'canvas2d' : engine.warp}`);
    const theirs = await redraw(reference);
    await reference.close();
    const diff = await meanDifference(harness, ours.png, theirs.png);
    console.log(`${engine.name} vs Chromium, AI redraw: mean |ΔRGBA| ${diff.toFixed(2)} of 255`);
    expect(diff).toBeLessThan(3);
  });

  it('a WeChat pack of 8, exported as a ZIP within the platform’s limits', async () => {
    await choose(page, 'pack-size', '8');
    await page.click(testId('make-pack'));
    await waitFor(page, 'the pack', (sel) => document.querySelector(sel) !== null, ['[data-testid="pack-progress"][data-done="8"]'], 180_000);
    await page.run(() => {
      // The pack is saved through a link's click: keep what it would save instead.
      const saved: { href: string; name: string }[] = [];
      Object.assign(window, { __saved: saved });
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({ href: this.href, name: this.download });
      };
    });
    await page.click(testId('export-pack'));
    const saved = await waitFor(page, 'the ZIP', () => (window as unknown as { __saved: { href: string; name: string }[] }).__saved[0] ?? null, []);
    expect(saved.name).toBe('biaoqing-wechat-pack-8.zip');
    const dir = mkdtempSync(path.join(tmpdir(), 'engine-pack-'));
    const zip = path.join(dir, 'pack.zip');
    writeFileSync(zip, await bytesAt(page, saved.href));
    expect(execFileSync('unzip', ['-tq', zip]).toString()).toMatch(/No errors detected/);
    execFileSync('unzip', ['-q', zip, '-d', path.join(dir, 'out')]);
    for (let i = 1; i <= 8; i++) {
      const bytes = readFileSync(path.join(dir, 'out', 'main', `${String(i).padStart(2, '0')}.gif`));
      expect(bytes.byteLength).toBeLessThanOrEqual(500 * KB);
      expect(parseGif(bytes)).toMatchObject({ width: 240, height: 240, loopCount: 0 });
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'pack.json'), 'utf8'))).toMatchObject({ problems: [] });
  });

  it('history: kept across a reload, re-edited into the form', async () => {
    const count = () => page.run((sel) => document.querySelectorAll(sel).length, testId('history-item'));
    await waitFor(page, 'history', (sel: string, n: number) => document.querySelectorAll(sel).length >= n || null, [testId('history-item'), made.length]);
    const before = await count();
    await page.reload();
    await waitFor(page, 'history after reload', (sel: string, n: number) => document.querySelectorAll(sel).length === n || null, [
      testId('history-item'),
      before,
    ]);
    await fill(page, 'prompt-input', '');
    // The oldest sticker made here is the photo sticker with its caption.
    await page.run(
      (items, edit) => [...document.querySelectorAll(items)].at(-1)!.querySelector<HTMLElement>(edit)!.click(),
      testId('history-item'),
      testId('history-edit'),
    );
    const form = await waitFor(
      page,
      'the re-edited words',
      (p, c) => {
        const prompt = document.querySelector<HTMLInputElement>(p)!.value;
        return prompt === '' ? null : { prompt, caption: document.querySelector<HTMLInputElement>(c)!.value };
      },
      [testId('prompt-input'), testId('caption-input')],
    );
    expect(form).toEqual(WORDS);
  });

  it('a sideways phone photo is turned upright, a very large one scaled down, each to a sticker with its face', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'engine-photos-'));
    const saved = (file: UploadFile) => {
      const where = path.join(dir, file.name);
      writeFileSync(where, file.buffer);
      return where;
    };
    const cases = [
      { photo: await sidewaysWithExif(harness.page, fixtureFile('faces/grace_hopper.jpg')), size: '512×600 → 512×600' },
      { photo: await upscaled(harness.page, fixtureFile('faces/astronaut.png'), 4096), size: '4096×4096 → 2048×2048' },
    ];
    for (const { photo, size } of cases) {
      const done = await makeSticker(page, saved(photo), { prompt: '开心', caption: '' });
      if (done.kind !== 'result') throw new Error(`${photo.name}: ${done.code} ${done.detail}`);
      made.push('开心');
      expect(await page.run((sel) => document.querySelector(sel)?.textContent ?? '', testId('photo-size'))).toContain(size);
      const measured = await harness.measure((await bytesAt(page, done.src)).toString('base64'), 'image/png');
      expect(measured.faces, photo.name).toHaveLength(1);
    }
  });

  it('bad files are refused in words, and the words typed stay', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'engine-bad-'));
    const text = path.join(dir, 'photo.png');
    writeFileSync(text, '这不是图片 — this is not an image\n'.repeat(20));
    const refused = await makeSticker(page, text, { prompt: '开心' });
    expect(refused).toMatchObject({ kind: 'error', code: 'BAD_INPUT' });
    const noFace = await makeSticker(page, fixture('no-face/coffee.png'));
    expect(noFace).toMatchObject({ kind: 'error', code: 'NO_FACE_FOUND' });
    expect(await page.run((sel) => document.querySelector<HTMLInputElement>(sel)!.value, testId('prompt-input'))).toBe('开心');
  });

  it('embedded in another site’s page, answers its postMessage with a sticker', async () => {
    const hostPage = await engine.open();
    try {
      await hostPage.goto(`${host.origin}/embed-host.html?app=${encodeURIComponent(`${app.url}?face=cpu`)}`);
      await waitFor(hostPage, 'the embedded app', () => document.querySelector('#status[data-state="ready"]') !== null, [], 60_000);
      await hostPage.upload('#photo', PHOTO);
      await hostPage.click('#generate');
      const src = await waitFor(
        hostPage,
        'the sticker',
        () => document.querySelector<HTMLImageElement>('#result img')?.src ?? (document.querySelector('#error')?.textContent || null),
        [],
        120_000,
      );
      expect(src).toMatch(/^blob:/);
      expect(parseImageHeader(await bytesAt(hostPage, src))).toMatchObject({ format: 'png', width: 512, height: 512 });
    } finally {
      await hostPage.close();
    }
  });

  it('reloads and makes a sticker offline, where the engine has service workers', async () => {
    const hasWorker = await page.run(() => 'serviceWorker' in navigator);
    if (!hasWorker) return;
    await waitFor(page, 'the service worker', () => navigator.serviceWorker.controller !== null || null, [], 60_000).catch(async () => {
      await page.reload();
      await waitFor(page, 'the service worker after a reload', () => navigator.serviceWorker.controller !== null || null, [], 60_000);
    });
    // Stickers were made: the service worker keeps their files for offline use.
    await waitFor(page, 'the sticker files kept offline', (sel) => document.querySelector(sel) !== null || null, ['[data-offline-ready~="stickers"]'], 60_000);
    const kept = await page.run((sel) => document.querySelectorAll(sel).length, testId('history-item'));
    await app.close();
    await page.reload();
    await waitFor(page, 'the form offline', (sel) => document.querySelector(sel) !== null, [testId('generate-button')], 60_000);
    // The page as it was restored (history, the last draft) before it is used, as a user sees it.
    await waitFor(page, 'the history offline', (sel: string, n: number) => document.querySelectorAll(sel).length === n || null, [testId('history-item'), kept]);
    await waitFor(page, 'the last photo offline', (sel) => document.querySelector(sel) !== null, [testId('photo-preview')]);
    const done = await makeSticker(page, PHOTO, { prompt: '困', caption: '' });
    expect(done, JSON.stringify(done)).toMatchObject({ kind: 'result' });
  });
}
