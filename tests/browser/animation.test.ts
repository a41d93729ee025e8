import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();
let t: TestPage;

interface Decoded {
  frameCount: number;
  repetitionCount: number;
  width: number;
  height: number;
  cornerAlpha: number;
  /** Mean absolute difference between frame 0 and the middle frame, per channel, 0..255. */
  motion: number;
}

/** Decodes an animated image with the browser's own WebCodecs ImageDecoder. */
function decodeAnimation(testId: string, type: string): Promise<Decoded> {
  return t.page.evaluate(
    async ([id, mime]) => {
      const href = document.querySelector<HTMLAnchorElement>(`[data-testid="${id}"]`)!.href;
      const data = await (await fetch(href)).arrayBuffer();
      const decoder = new ImageDecoder({ data, type: mime });
      await decoder.tracks.ready;
      const track = decoder.tracks.selectedTrack!;
      const pixels = async (index: number) => {
        const { image } = await decoder.decode({ frameIndex: index });
        const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        image.close();
        return ctx.getImageData(0, 0, canvas.width, canvas.height);
      };
      const first = await pixels(0);
      const middle = await pixels(Math.floor(track.frameCount / 2));
      let diff = 0;
      for (let i = 0; i < first.data.length; i++) diff += Math.abs(first.data[i]! - middle.data[i]!);
      return {
        frameCount: track.frameCount,
        repetitionCount: track.repetitionCount,
        width: first.width,
        height: first.height,
        cornerAlpha: first.data[3]!,
        motion: diff / first.data.length,
      };
    },
    [testId, type] as const,
  );
}

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
  await t.page.getByTestId('animate-toggle').check();
  await makeSticker(t.page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '哭', caption: '呜呜呜' });
  expect((await outcome(t.page)).kind).toBe('result');
  await t.page.getByTestId('animation-image').waitFor();
});

describe('animated stickers loop forever, as GIF and as WebP', () => {
  it('GIF: 12 frames at 240×240, looping forever, transparent background, the face moving', async () => {
    const gif = await decodeAnimation('download-gif', 'image/gif');
    expect(gif).toMatchObject({ frameCount: 12, repetitionCount: Infinity, width: 240, height: 240, cornerAlpha: 0 });
    expect(gif.motion).toBeGreaterThan(1);
  });

  it('WebP: 12 frames at 512×512, looping forever, transparent background, the face moving', async () => {
    const webp = await decodeAnimation('download-webp', 'image/webp');
    expect(webp).toMatchObject({ frameCount: 12, repetitionCount: Infinity, width: 512, height: 512, cornerAlpha: 0 });
    expect(webp.motion).toBeGreaterThan(1);
  });

  it('both download with the right names; the still PNG is still there', async () => {
    expect(await t.page.getByTestId('download-gif').getAttribute('download')).toMatch(/\.gif$/);
    expect(await t.page.getByTestId('download-webp').getAttribute('download')).toMatch(/\.webp$/);
    expect(await t.page.getByTestId('result-image').isVisible()).toBe(true);
  });
});
