import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';
import { LandmarkHarness } from './support/harness.ts';
import { greyed, oneFaceLarger, sidewaysWithExif, upscaled } from './support/variants.ts';
import { stickerPixels } from './support/sticker-pixels.ts';

const session = useSession();
/** A pixel whose channels differ by more than this is coloured (a grey JPEG's own tint stays under 10). */
const COLOURED = 24;
let t: TestPage;
let harness: LandmarkHarness;
let lastSrc: string | null = null;

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
  harness = await LandmarkHarness.open(session.browser, session.server.url);
});

/** Waits for a sticker newer than the last one. */
async function nextSticker(): Promise<string> {
  const done = await outcome(t.page, lastSrc);
  expect(done.kind).toBe('result');
  if (done.kind !== 'result') throw new Error('no sticker');
  lastSrc = done.src;
  return done.src;
}

async function stickerOf(photo: Parameters<typeof makeSticker>[1]) {
  await makeSticker(t.page, photo);
  return harness.measure(await imageBytes(t.page, await nextSticker()), 'image/png');
}

async function photoSize(): Promise<string> {
  return (await t.page.getByTestId('photo-size').textContent()) ?? '';
}

describe('real-world photos', () => {
  it('a sideways phone photo is turned upright by its EXIF orientation', async () => {
    const photo = await sidewaysWithExif(t.page, fixtureFile('faces/grace_hopper.jpg'));
    const sticker = await stickerOf(photo);
    // Stored 600×512; displayed (and worked on) as the original 512×600.
    expect(await photoSize()).toContain('512×600 → 512×600');
    expect(sticker.faces).toHaveLength(1);
  });

  it('a very large photo is scaled down to 2048 px before the face is found', async () => {
    const photo = await upscaled(t.page, fixtureFile('faces/astronaut.png'), 4096);
    const sticker = await stickerOf(photo);
    expect(await photoSize()).toContain('4096×4096 → 2048×2048');
    expect(sticker.faces).toHaveLength(1);
  });

  it('with several faces the largest one is used (smiling astronaut large)', async () => {
    const photo = await oneFaceLarger(t.page, fixtureFile('faces/two_faces.png'), 'left');
    const sticker = await stickerOf(photo);
    expect(await t.page.getByTestId('faces-note').innerText()).toMatch(/2 张脸/);
    // The astronaut smiles (mouthSmileLeft ≈ 0.9 on the fixture), Grace Hopper does not (≈ 0.01).
    expect(sticker.faces[0]!.blendshapes.mouthSmileLeft).toBeGreaterThan(0.5);
  });

  it('with several faces the largest one is used (neutral Grace Hopper large)', async () => {
    const photo = await oneFaceLarger(t.page, fixtureFile('faces/two_faces.png'), 'right');
    const sticker = await stickerOf(photo);
    expect(await t.page.getByTestId('faces-note').innerText()).toMatch(/2 张脸/);
    expect(sticker.faces[0]!.blendshapes.mouthSmileLeft).toBeLessThan(0.3);
  });

  it('a pasted image is taken as the photo', async () => {
    const photo = fixtureFile('faces/astronaut.png');
    await t.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, photo.buffer.toString('base64'));
    await t.page.getByTestId('generate-button').click();
    await nextSticker();
    expect(await photoSize()).toContain('512×512 → 512×512');
  });

  it('a dropped image is taken as the photo', async () => {
    const photo = fixtureFile('faces/grace_hopper.jpg');
    const data = await t.page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }));
      return transfer;
    }, photo.buffer.toString('base64'));
    const zone = t.page.locator('label.dropzone');
    await zone.dispatchEvent('dragover', { dataTransfer: data });
    await zone.dispatchEvent('drop', { dataTransfer: data });
    await t.page.getByTestId('generate-button').click();
    await nextSticker();
    expect(await photoSize()).toContain('512×600 → 512×600');
  });

  it('a grey photo’s opened mouth is painted grey, not red', async () => {
    const photo = await greyed(harness.page, fixtureFile('faces/astronaut.png'));
    await makeSticker(t.page, photo, { prompt: '惊讶', caption: ' ' });
    const { rgba, size, png } = await stickerPixels(t.page, await nextSticker());
    // The mouth as the landmarker finds it on the sticker: from corner to corner, from the upper
    // lip's top to the lower lip's bottom (the expression's drawn "!" lies outside it, in colour).
    const face = (await harness.measure(png, 'image/png')).faces[0]!;
    const lips = [61, 291, 0, 17].map((i) => face.points[i]!);
    let painted = 0;
    let coloured = 0;
    for (let y = Math.floor(Math.min(...lips.map((p) => p.y))); y <= Math.max(...lips.map((p) => p.y)); y++) {
      for (let x = Math.floor(Math.min(...lips.map((p) => p.x))); x <= Math.max(...lips.map((p) => p.x)); x++) {
        const [r = 0, g = 0, b = 0] = rgba.subarray(4 * (y * size + x), 4 * (y * size + x) + 3);
        painted++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > COLOURED) coloured++;
      }
    }
    expect(painted).toBeGreaterThan(1000);
    expect(coloured).toBe(0);
  });
});
