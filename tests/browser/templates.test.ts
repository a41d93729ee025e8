// Every template of the library rendered with a fixture face through the UI, and checked from the
// sticker's own pixels: an independent MediaPipe run (harness) must find a face in each photo or
// tint slot with its eyes inside the slot's box and on the eyes the app reports; ink slots must hold
// black-and-white face pixels around the reported eyes. A two-face photo fills a two-slot template
// with both people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { TEMPLATES, templateById } from '../../src/core/templates/index.ts';
import type { SlotReport } from '../../src/core/protocol.ts';
import type { Point } from '../../src/core/geometry/point.ts';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, openApp, outcome } from './support/app-driver.ts';
import { LandmarkHarness, type Measured } from './support/harness.ts';
import { storedDraftField } from './support/stored-draft.ts';

const session = useSession();
const SIZE = 512;

const inBox = (p: Point, b: SlotReport['box']) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;
const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

interface InkStats {
  /** Share of dark pixels within a third of the eye distance of each eye. */
  eyeInk: number[];
  /** Shares of dark and of white pixels in the slot's box. */
  boxInk: number;
  boxWhite: number;
}

/** Pixels of the sticker around an ink slot. */
function inkStats(page: Page, src: string, slot: SlotReport): Promise<InkStats> {
  return page.evaluate(
    async ([url, s]) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const lum = (x: number, y: number) => {
        const i = 4 * (y * width + x);
        return data[i + 3]! < 128 ? -1 : 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      };
      const share = (x0: number, y0: number, x1: number, y1: number, test: (l: number) => boolean, round: boolean) => {
        let hit = 0;
        let all = 0;
        const cx = (x0 + x1) / 2;
        const cy = (y0 + y1) / 2;
        const r = (x1 - x0) / 2;
        for (let y = Math.max(0, Math.round(y0)); y < Math.min(width, y1); y++) {
          for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, x1); x++) {
            if (round && Math.hypot(x - cx, y - cy) > r) continue;
            all++;
            if (test(lum(x, y))) hit++;
          }
        }
        return hit / Math.max(1, all);
      };
      const d = Math.hypot(s.eyes[1].x - s.eyes[0].x, s.eyes[1].y - s.eyes[0].y);
      const r = d / 3;
      const dark = (l: number) => l >= 0 && l < 70;
      return {
        eyeInk: s.eyes.map((e) => share(e.x - r, e.y - r, e.x + r, e.y + r, dark, true)),
        boxInk: share(s.box.x, s.box.y, s.box.x + s.box.w, s.box.y + s.box.h, dark, false),
        boxWhite: share(s.box.x, s.box.y, s.box.x + s.box.w, s.box.y + s.box.h, (l) => l > 190, false),
      };
    },
    [src, slot] as const,
  );
}

/** The harness face whose iris centres sit on a slot's reported eyes, if any. */
function faceOnSlot(measured: Measured, slot: SlotReport): Measured['faces'][number] | undefined {
  const d = dist(slot.eyes[0], slot.eyes[1]);
  return measured.faces.find((f) => {
    const right = f.points[468]!;
    const left = f.points[473]!;
    return inBox(right, slot.box) && inBox(left, slot.box) && dist(right, slot.eyes[0]) < 0.25 * d && dist(left, slot.eyes[1]) < 0.25 * d;
  });
}

async function render(page: Page, templateId: string, previous: string | null): Promise<{ src: string; slots: SlotReport[] }> {
  await page.getByTestId('template-select').selectOption(templateId);
  await page.getByTestId('generate-button').click();
  const done = await outcome(page, previous);
  if (done.kind !== 'result') throw new Error(`${templateId}: ${done.text} (${done.code} ${done.detail})`);
  const slots = JSON.parse((await page.getByTestId('slot-positions').getAttribute('data-slots')) ?? '[]') as SlotReport[];
  return { src: done.src, slots };
}

describe('template library', () => {
  let page: Page;
  let context: BrowserContext;
  let harness: LandmarkHarness;
  let previous: string | null = null;

  beforeAll(async () => {
    ({ page, context } = await openPage(session.browser));
    await openApp(page, session.server.url);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    harness = await LandmarkHarness.open(session.browser, session.server.url);
  });
  afterAll(async () => {
    await harness?.close();
    await context?.close();
  });

  for (const template of TEMPLATES) {
    it(`${template.id}: the fixture face fills every slot, eyes on the slot's targets`, async () => {
      const { src, slots } = await render(page, template.id, previous);
      previous = src;
      expect(slots).toHaveLength(template.slots.length);
      const png = await imageBytes(page, src);
      // Kept for checking the art by eye.
      mkdirSync('test-results/templates', { recursive: true });
      writeFileSync(`test-results/templates/${template.id}.png`, Buffer.from(png, 'base64'));
      const measured = await harness.measure(png, 'image/png');
      expect(measured.width).toBe(SIZE);
      expect(measured.corners).toEqual([0, 0, 0, 0]);
      for (const [i, slot] of slots.entries()) {
        const spec = template.slots[i]!;
        // The reported landing matches the library's targets (no expression: no head tilt).
        slot.eyes.forEach((e, k) => {
          expect(e.x).toBeCloseTo(spec.eyes[k]!.x * SIZE, 1);
          expect(e.y).toBeCloseTo(spec.eyes[k]!.y * SIZE, 1);
        });
        if (spec.blend === 'ink') {
          const ink = await inkStats(page, src, slot);
          for (const share of ink.eyeInk) expect(share, `${template.id} slot ${i} ink at the eyes`).toBeGreaterThan(0.08);
          expect(ink.boxInk).toBeGreaterThan(0.03);
          expect(ink.boxWhite).toBeGreaterThan(0.3);
        } else {
          expect(faceOnSlot(measured, slot), `${template.id} slot ${i}: no face found on the slot's eyes`).toBeDefined();
        }
      }
    });
  }

  it('offers the template’s caption when the caption is empty, and keeps the choice across a reload', async () => {
    await page.getByTestId('caption-input').fill('');
    await page.getByTestId('template-select').selectOption('festival-moon');
    await expect.poll(() => page.getByTestId('caption-input').inputValue()).toBe(templateById('festival-moon')!.caption.zh);
    await expect.poll(() => storedDraftField(page, 'template')).toBe('festival-moon');
    await page.reload();
    await page.getByTestId('generate-button').waitFor();
    await expect.poll(() => page.getByTestId('template-select').inputValue()).toBe('festival-moon');
    // A caption the user wrote is never replaced.
    await page.getByTestId('caption-input').fill('我的字');
    await page.getByTestId('template-select').selectOption('animal-cat');
    expect(await page.getByTestId('caption-input').inputValue()).toBe('我的字');
  });

  it('fills a two-slot template with both faces of a two-face photo', async () => {
    const photo = fixtureFile('faces/two_faces.png');
    const people = await harness.measure(photo.buffer.toString('base64'), photo.mimeType);
    expect(people.faces).toHaveLength(2);
    const smiles = (faces: Measured['faces']) => faces.map((f) => ((f.blendshapes.mouthSmileLeft ?? 0) + (f.blendshapes.mouthSmileRight ?? 0)) / 2);
    // One of the two smiles broadly and the other does not: that tells them apart on the sticker.
    const [a, b] = smiles(people.faces);
    expect(Math.abs(a! - b!)).toBeGreaterThan(0.3);

    await page.getByTestId('photo-input').setInputFiles(photo);
    const { src, slots } = await render(page, 'reaction-duo', previous);
    previous = src;
    const measured = await harness.measure(await imageBytes(page, src), 'image/png');
    const onSlots = slots.map((s) => faceOnSlot(measured, s));
    expect(onSlots.every((f) => f !== undefined)).toBe(true);
    const [s0, s1] = smiles(onSlots.filter((f) => f !== undefined));
    expect(Math.abs(s0! - s1!)).toBeGreaterThan(0.3);
    expect(await page.getByTestId('template-select').inputValue()).toBe('reaction-duo');
  });
});
