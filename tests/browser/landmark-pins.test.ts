// Eye positions the app's own worker finds on the shared fixtures, pinned. Measured once on
// 2026-11-24 (tasks-vision 1.1.0, face_landmarker.task float16/1, CPU delegate) and checked by eye
// on the overlays this test writes to test-results/ (iris centres and face oval drawn on the photo).

import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile, type UploadFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

/** Subject's right eye, then left eye, in photo pixels. */
const PINNED: Record<string, [[number, number], [number, number]]> = {
  'faces/astronaut.png': [
    [203.5, 101.1],
    [246.0, 103.5],
  ],
  'faces/grace_hopper.jpg': [
    [223.0, 192.2],
    [306.5, 187.3],
  ],
};
/** Landmarks vary by a pixel or so across CPUs' float paths; 3 px is under a tenth of an iris. */
const TOLERANCE_PX = 3;

const session = useSession();
let t: TestPage;
let lastSrc: string | null = null;

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
});

async function writeOverlay(page: Page, photo: UploadFile, eyes: { x: number; y: number }[], name: string): Promise<void> {
  const png = await page.evaluate(
    async ([base64, type, eyes]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      ctx.strokeStyle = '#00ff66';
      ctx.lineWidth = 2;
      for (const e of eyes) {
        ctx.beginPath();
        ctx.arc(e.x, e.y, 6, 0, Math.PI * 2);
        ctx.moveTo(e.x - 10, e.y);
        ctx.lineTo(e.x + 10, e.y);
        ctx.moveTo(e.x, e.y - 10);
        ctx.lineTo(e.x, e.y + 10);
        ctx.stroke();
      }
      const out = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < out.length; i += 0x8000) binary += String.fromCharCode(...out.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    [photo.buffer.toString('base64'), photo.mimeType, eyes] as const,
  );
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/landmarks-${name}.png`, Buffer.from(png, 'base64'));
}

describe('landmark positions on the fixtures are stable', () => {
  for (const [fixturePath, [right, left]] of Object.entries(PINNED)) {
    it(fixturePath, async () => {
      const photo = fixtureFile(fixturePath);
      await makeSticker(t.page, photo);
      const done = await outcome(t.page, lastSrc);
      expect(done.kind).toBe('result');
      if (done.kind === 'result') lastSrc = done.src;
      const eyes = JSON.parse((await t.page.getByTestId('eye-positions').getAttribute('data-eyes')) ?? '[]') as { x: number; y: number }[];
      await writeOverlay(t.page, photo, eyes, fixturePath.replace(/\W+/g, '-'));
      expect(eyes).toHaveLength(2);
      expect(Math.hypot(eyes[0]!.x - right[0], eyes[0]!.y - right[1])).toBeLessThan(TOLERANCE_PX);
      expect(Math.hypot(eyes[1]!.x - left[0], eyes[1]!.y - left[1])).toBeLessThan(TOLERANCE_PX);
    });
  }
});
