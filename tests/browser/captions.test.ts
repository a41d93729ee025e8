// Captions: drawn with the bundled font (not the system's), in the band or at the point chosen,
// emoji in colour, long text wrapped to at most three lines on the sticker. Each sticker is compared
// with the same photo made without a caption, so the changed pixels are the caption's ink.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { storedDraft } from './support/stored-draft.ts';

const session = useSession();
const PHOTO = fixtureFile('faces/grace_hopper.jpg');

interface Ink {
  /** Pixels that differ from the uncaptioned sticker, and their bounding box and centre. */
  changed: number;
  box: Box;
  centre: { x: number; y: number };
  /** Changed pixels in the text's own near-black fill, and how many bands of rows they form (lines). */
  dark: number;
  darkLines: number;
  /** Changed pixels of strong colour (emoji; the text itself is black on white). */
  colourful: number;
  /** Where the dark and the colourful pixels are. */
  darkBox: Box;
  colourBox: Box;
  size: number;
}

interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Makes a sticker and returns its src. */
async function sticker(page: Page, caption: string, previous: string | null): Promise<string> {
  await makeSticker(page, PHOTO, { caption });
  const result = await outcome(page, previous);
  if (result.kind !== 'result') throw new Error(`no sticker: ${result.text}`);
  return result.src;
}

/** Keeps the shown sticker's pixels in the page as the uncaptioned reference. */
async function keepReference(page: Page, src: string): Promise<void> {
  await page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    (globalThis as { captionReference?: ImageData }).captionReference = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  }, src);
}

function inkOf(page: Page, src: string): Promise<Ink> {
  return page.evaluate(async (url) => {
    const reference = (globalThis as { captionReference?: ImageData }).captionReference!;
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const now = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const before = reference.data;
    const size = bitmap.width;
    let changed = 0,
      dark = 0,
      colourful = 0,
      sx = 0,
      sy = 0;
    const box = { minX: size, maxX: -1, minY: size, maxY: -1 };
    const darkBox = { ...box };
    const colourBox = { ...box };
    const darkRows = new Array<boolean>(size).fill(false);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = 4 * (y * size + x);
        const d =
          Math.abs(now[i]! - before[i]!) +
          Math.abs(now[i + 1]! - before[i + 1]!) +
          Math.abs(now[i + 2]! - before[i + 2]!) +
          Math.abs(now[i + 3]! - before[i + 3]!);
        if (d < 48) continue;
        changed++;
        sx += x;
        sy += y;
        const [r, g, b, a] = [now[i]!, now[i + 1]!, now[i + 2]!, now[i + 3]!];
        const isDark = a > 200 && r < 60 && g < 60 && b < 60;
        const isColour = a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 100;
        if (isDark) {
          dark++;
          darkRows[y] = true;
        }
        if (isColour) colourful++;
        for (const [hit, bounds] of [
          [true, box],
          [isDark, darkBox],
          [isColour, colourBox],
        ] as const) {
          if (!hit) continue;
          bounds.minX = Math.min(bounds.minX, x);
          bounds.maxX = Math.max(bounds.maxX, x);
          bounds.minY = Math.min(bounds.minY, y);
          bounds.maxY = Math.max(bounds.maxY, y);
        }
      }
    }
    let darkLines = 0;
    for (let y = 0; y < size; y++) if (darkRows[y] && !darkRows[y - 1]) darkLines++;
    return { changed, box, centre: { x: sx / Math.max(1, changed), y: sy / Math.max(1, changed) }, dark, darkLines, colourful, darkBox, colourBox, size };
  }, src);
}

function fontReport(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('caption-font-report').evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
}

describe('captions', () => {
  it('draws with the bundled font, in the chosen band or point, emoji in colour, long text in ≤ 3 lines', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    // Face-oval cutout: a transparent surround, so a caption's ink counts the same in either band
    // (black text over the person's dark cap would change few pixels).
    await page.getByTestId('cutout-select').selectOption('face');
    let src = await sticker(page, '', null);
    await keepReference(page, src);
    // No words, no caption faces: nothing fetched for them.
    expect((await fontReport(page)).families).toBe('');

    // The bundled font loaded in the worker for the first caption; the emoji atlas waits for an emoji.
    src = await sticker(page, '开心大笑', src);
    const report = await fontReport(page);
    expect(report.families?.split(',')).toEqual(['BiaoQing Caption']);
    expect(report.version).toMatch(/Noto Sans CJK SC Black/u);
    expect(report.reason).toBe('');
    // Bottom (the default): all the ink in the bottom band 0.76–0.97.
    const bottom = await inkOf(page, src);
    expect(bottom.dark).toBeGreaterThan(500);
    expect(bottom.box.minY).toBeGreaterThanOrEqual(0.76 * bottom.size - 2);
    expect(bottom.box.maxY).toBeLessThanOrEqual(0.97 * bottom.size + 2);
    expect(Math.abs(bottom.centre.x - bottom.size / 2)).toBeLessThan(12);

    await page.getByTestId('caption-placement-top').check();
    src = await sticker(page, '开心大笑', src);
    const top = await inkOf(page, src);
    expect(top.box.minY).toBeGreaterThanOrEqual(0.03 * top.size - 2);
    expect(top.box.maxY).toBeLessThanOrEqual(0.24 * top.size + 2);
    expect(top.changed).toBeGreaterThan(0.8 * bottom.changed);

    // Free, by the sliders: centred on the chosen point.
    await page.getByTestId('caption-placement-free').check();
    await page.getByTestId('caption-x').fill('35');
    await page.getByTestId('caption-y').fill('55');
    src = await sticker(page, '开心', src);
    const free = await inkOf(page, src);
    expect(Math.abs(free.centre.x - 0.35 * free.size)).toBeLessThan(16);
    expect(Math.abs(free.centre.y - 0.55 * free.size)).toBeLessThan(16);

    // Free, by dragging on the preview: the release moves the point and makes the sticker again.
    await page.getByTestId('caption-stage').scrollIntoViewIfNeeded();
    const stage = (await page.getByTestId('caption-stage').boundingBox())!;
    await page.mouse.move(stage.x + 0.35 * stage.width, stage.y + 0.55 * stage.height);
    await page.mouse.down();
    await page.mouse.move(stage.x + 0.6 * stage.width, stage.y + 0.3 * stage.height, { steps: 4 });
    await page.mouse.up();
    const dragged = await outcome(page, src);
    if (dragged.kind !== 'result') throw new Error(dragged.text);
    src = dragged.src;
    await expect.poll(() => page.getByTestId('caption-x').inputValue()).toBe('60');
    expect(await page.getByTestId('caption-y').inputValue()).toBe('30');
    const moved = await inkOf(page, src);
    expect(Math.abs(moved.centre.x - 0.6 * moved.size)).toBeLessThan(16);
    expect(Math.abs(moved.centre.y - 0.3 * moved.size)).toBeLessThan(16);

    // A point at the very corner is pulled in until the whole caption is on the sticker.
    await page.getByTestId('caption-x').fill('100');
    await page.getByTestId('caption-y').fill('100');
    src = await sticker(page, '开心大笑', src);
    const corner = await inkOf(page, src);
    expect(corner.box.maxX).toBeLessThan(corner.size - 4);
    expect(corner.box.maxY).toBeLessThan(corner.size - 4);
    expect(corner.dark).toBeGreaterThan(0.8 * bottom.dark);

    // Emoji draw in colour (the machine has no emoji font of its own: these come from the bundle).
    await page.getByTestId('caption-placement-bottom').check();
    src = await sticker(page, '😂👍🏽❤️🔥', src);
    expect((await fontReport(page)).families?.split(',')).toEqual(['BiaoQing Caption', 'BiaoQing Emoji']);
    const emoji = await inkOf(page, src);
    expect(emoji.colourful).toBeGreaterThan(1500);
    expect(emoji.box.minY).toBeGreaterThanOrEqual(0.76 * emoji.size - 2);
    // Between text, the emoji's colour is where the emoji sits: after the two black characters, on
    // their line, about one em (here as high as the text) wide, and outlined in white like the text.
    src = await sticker(page, '开心😂', src);
    const mixed = await inkOf(page, src);
    expect(mixed.colourful).toBeGreaterThan(1500);
    expect(mixed.colourBox.minX).toBeGreaterThan(mixed.darkBox.maxX);
    const textHeight = mixed.darkBox.maxY - mixed.darkBox.minY;
    expect(mixed.colourBox.maxX - mixed.colourBox.minX).toBeGreaterThan(0.8 * textHeight);
    expect(mixed.colourBox.maxX - mixed.colourBox.minX).toBeLessThan(1.6 * textHeight);
    expect(Math.abs((mixed.colourBox.minY + mixed.colourBox.maxY) / 2 - (mixed.darkBox.minY + mixed.darkBox.maxY) / 2)).toBeLessThan(0.25 * textHeight);
    expect(mixed.box.maxX).toBeGreaterThan(mixed.colourBox.maxX + 3);

    // A long caption wraps to at most three lines, all on the sticker, in the band.
    src = await sticker(page, '今天也是元气满满的一天，打工人打工魂，打工都是人上人，明天继续加油吧', src);
    const long = await inkOf(page, src);
    expect(long.darkLines).toBeGreaterThanOrEqual(2);
    expect(long.darkLines).toBeLessThanOrEqual(3);
    expect(long.box.minX).toBeGreaterThan(0);
    expect(long.box.maxX).toBeLessThan(long.size - 1);
    expect(long.box.minY).toBeGreaterThanOrEqual(0.76 * long.size - 2);
    expect(long.box.maxY).toBeLessThanOrEqual(0.97 * long.size + 2);

    // The placement is part of the draft: a reload brings it back.
    await page.getByTestId('caption-placement-free').check();
    // Reloads once the draft is written: IndexedDB commits after the click returns.
    await expect.poll(async () => ((await storedDraft(page))?.captionPlacement as { kind?: string } | undefined)?.kind).toBe('free');
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    await expect.poll(() => page.getByTestId('caption-placement-free').isChecked()).toBe(true);
    expect(await page.getByTestId('caption-x').inputValue()).toBe('100');

    // The same caption with the device's fonts only (?fonts=system): other pixels, less ink (the
    // system has Noto Sans CJK Bold, the bundle is Black), so the bundled face is what drew above.
    const system = await openPage(session.browser);
    await openApp(system.page, session.server.url, 'face=cpu&fonts=system');
    await system.page.getByTestId('cutout-select').selectOption('face');
    await system.page.getByTestId('caption-placement-bottom').check();
    let plain = await sticker(system.page, '', null);
    await keepReference(system.page, plain);
    plain = await sticker(system.page, '开心大笑', plain);
    expect((await fontReport(system.page)).reason).toBe('system');
    const systemInk = await inkOf(system.page, plain);
    expect(systemInk.dark).toBeGreaterThan(500);
    expect(bottom.dark).toBeGreaterThan(1.1 * systemInk.dark);
    await system.context.close();

    // Without the emoji atlas the caption is still made, its emoji left to the system's fonts (none
    // here), and the report says why.
    // No service worker: the worker's fetch of the atlas must reach the page's route to be refused.
    const noAtlas = await openPage(session.browser, { context: { serviceWorkers: 'block' } });
    await noAtlas.page.route('**/caption-emoji-*.png', (route) => route.abort('failed'));
    await openApp(noAtlas.page, session.server.url, 'face=cpu');
    await noAtlas.page.getByTestId('cutout-select').selectOption('face');
    await noAtlas.page.getByTestId('caption-placement-bottom').check();
    plain = await sticker(noAtlas.page, '', null);
    await keepReference(noAtlas.page, plain);
    plain = await sticker(noAtlas.page, '开心😂', plain);
    const partial = await fontReport(noAtlas.page);
    expect(partial.families).toBe('BiaoQing Caption');
    expect(partial.reason).toMatch(/^BiaoQing Emoji: /u);
    const noAtlasInk = await inkOf(noAtlas.page, plain);
    expect(noAtlasInk.dark).toBeGreaterThan(500);
    expect(noAtlasInk.colourful).toBeLessThan(0.2 * mixed.colourful);
    await noAtlas.context.close();

    await context.close();
  });
});
