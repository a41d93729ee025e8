// The person cutout: the segmented person (hair, ears) with a feathered edge on a transparent
// background, the die-cut outline at the chosen width around it, the face-only choice, and the
// quiet fallback to the face oval when the segmenter cannot load. Regions come from landmarks the
// independent harness finds on the finished sticker, never from the app's own numbers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_OVAL } from '../../src/core/face/landmarks.ts';
import manifest from '../../models/manifest.json' with { type: 'json' };
import type { Plugin } from 'vite';
import { useSession } from './support/session.ts';
import { startAppServer } from './support/app-server.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp, outcome } from './support/app-driver.ts';
import { stickerPixels, type Sticker } from './support/sticker-pixels.ts';
import { LandmarkHarness } from './support/harness.ts';

const session = useSession();
const segmenter = manifest.models.find((m) => m.id === 'selfie-segmenter')!;
let harness: LandmarkHarness;
let t: TestPage;
let lastSrc: string | null = null;

beforeAll(async () => {
  harness = await LandmarkHarness.open(session.browser, session.server.url);
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
});

afterAll(async () => {
  await t?.context.close();
});

async function make(photo: string, cutout: 'person' | 'face', outline: { width: number; colour: string }): Promise<Sticker> {
  const { page } = t;
  await page.getByTestId('photo-input').setInputFiles(fixtureFile(photo));
  await page.getByTestId('cutout-select').selectOption(cutout);
  await page.getByTestId('outline-width').fill(String(outline.width));
  await page.getByTestId('outline-colour').fill(outline.colour);
  await page.getByTestId('generate-button').click();
  const done = await outcome(page, lastSrc);
  if (done.kind !== 'result') throw new Error(`no sticker: ${done.text}`);
  lastSrc = done.src;
  return stickerPixels(page, done.src);
}

const alphaAt = (s: Sticker, x: number, y: number) => s.rgba[4 * (Math.round(y) * s.size + Math.round(x)) + 3] ?? 0;

/** Points beside and above the face oval, out where hair and ears are, from the harness's landmarks. */
async function hairPoints(s: Sticker): Promise<{ x: number; y: number }[]> {
  const measured = await harness.measure(s.png, 'image/png');
  expect(measured.faces).toHaveLength(1);
  const points = measured.faces[0]!.points;
  const oval = FACE_OVAL.map((i) => points[i]!);
  const c = { x: oval.reduce((a, p) => a + p.x, 0) / oval.length, y: oval.reduce((a, p) => a + p.y, 0) / oval.length };
  // The oval's upper points (forehead to temples), pushed out from its centre by 30 %: past the
  // face-only cut, which is grown and lifted for the hairline.
  return [109, 67, 103, 338, 297, 332]
    .map((i) => points[i]!)
    .map((p) => ({ x: c.x + (p.x - c.x) * 1.3, y: c.y + (p.y - c.y) * 1.3 }))
    .filter((p) => p.x >= 0 && p.y >= 0 && p.x < s.size && p.y < s.size);
}

/** Rows through the silhouette: the share with at least one half-transparent pixel between outside and inside. */
function featheredShare(s: Sticker): number {
  let rows = 0;
  let soft = 0;
  for (let y = Math.round(s.size * 0.2); y < s.size * 0.7; y += 4) {
    const first = Array.from({ length: s.size }, (_, x) => alphaAt(s, x, y)).findIndex((a) => a > 250);
    if (first <= 0) continue;
    rows++;
    if (alphaAt(s, first - 1, y) > 5 && alphaAt(s, first - 1, y) < 250) soft++;
  }
  return rows === 0 ? 0 : soft / rows;
}

describe.each(['faces/grace_hopper.jpg', 'faces/astronaut.png'])('cutout of %s', (photo) => {
  let person: Sticker;

  it('person: transparent background, hair beside and above the face kept, a feathered edge', async () => {
    person = await make(photo, 'person', { width: 0, colour: '#ffffff' });
    const n = person.size - 1;
    expect([alphaAt(person, 0, 0), alphaAt(person, n, 0), alphaAt(person, 0, n), alphaAt(person, n, n)]).toEqual([0, 0, 0, 0]);
    const hair = await hairPoints(person);
    expect(hair.length).toBeGreaterThanOrEqual(4);
    for (const p of hair) expect(alphaAt(person, p.x, p.y)).toBe(255);
    expect(featheredShare(person)).toBeGreaterThan(0.8);
    await expect.poll(() => t.page.getByTestId('cutout-note').count()).toBe(0);
    // Found in the segmenter's own worker, beside the face.
    expect(await t.page.getByTestId('timing-segment').getAttribute('data-backend')).toMatch(/^mediapipe-wasm-(cpu|gpu-webgl2), own worker$/);
  });

  it('face only: the same places are transparent', async () => {
    const face = await make(photo, 'face', { width: 0, colour: '#ffffff' });
    for (const p of await hairPoints(person)) expect(alphaAt(face, p.x, p.y)).toBe(0);
  });

  it('the outline colour surrounds the silhouette at the chosen width', async () => {
    const width = 16;
    const edged = await make(photo, 'person', { width, colour: '#ff0000' });
    const inside = (x: number, y: number) => alphaAt(person, x, y) >= 128;
    let checked = 0;
    for (let y = Math.round(person.size * 0.25); y < person.size * 0.65; y += 8) {
      const left = Array.from({ length: person.size }, (_, x) => x).find((x) => inside(x, y));
      if (left === undefined || left < width + 4) continue;
      // Just outside the person, within the width: the outline's colour, opaque.
      for (let d = 3; d <= width - 3; d += 2) {
        const i = 4 * (y * person.size + left - d);
        // Red, at most a little darkened where the person's feathered edge lies over it.
        expect([edged.rgba[i]! > 150, edged.rgba[i + 1]! < 60, edged.rgba[i + 2]! < 60, edged.rgba[i + 3]!]).toEqual([true, true, true, 255]);
      }
      // The outline's outermost opaque pixel on this row lies one width from the nearest person pixel.
      let outer = left;
      while (outer > 0 && alphaAt(edged, outer - 1, y) > 200) outer--;
      let nearest = Infinity;
      for (let dy = -width - 4; dy <= width + 4; dy++) {
        for (let dx = -width - 4; dx <= width + 4; dx++) if (inside(outer + dx, y + dy)) nearest = Math.min(nearest, Math.hypot(dx, dy));
      }
      expect(nearest).toBeGreaterThan(width - 2);
      expect(nearest).toBeLessThan(width + 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('cutout choice and fallback', () => {
  it('is kept in the draft across a reload', async () => {
    await t.page.getByTestId('cutout-select').selectOption('face');
    await t.page.reload();
    await t.page.getByTestId('generate-button').waitFor();
    await expect.poll(() => t.page.getByTestId('cutout-select').inputValue()).toBe('face');
    await t.page.getByTestId('cutout-select').selectOption('person');
    lastSrc = null;
  });

  it('without the segmenter model (offline, first use) cuts the face oval and says so quietly', async () => {
    const fresh = await openPage(session.browser);
    await fresh.page.route(`**/models/${segmenter.file}`, (route) => route.fulfill({ status: 404, body: 'not here' }));
    await openApp(fresh.page, session.server.url);
    await fresh.page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    await fresh.page.getByTestId('generate-button').click();
    const done = await outcome(fresh.page);
    expect(done.kind).toBe('result');
    const note = fresh.page.getByTestId('cutout-note');
    await expect.poll(() => note.getAttribute('data-reason')).toBe('segmenter-unavailable');
    expect(await note.innerText()).toMatch(/只抠了脸/);
    const s = await stickerPixels(fresh.page, done.kind === 'result' ? done.src : '');
    expect(alphaAt(s, 0, 0)).toBe(0);
    await fresh.context.close();
  });

  /**
   * A sticker of Grace Hopper from an app whose server hands out `script` (a real worker) for the
   * segmenter's own worker. `close` ends its page and server.
   */
  async function stickerWithSegmenterWorker(script: string) {
    const swapped: Plugin = {
      name: 'swapped-segmenter-worker',
      enforce: 'pre',
      configurePreviewServer(server) {
        server.middlewares.use((req, res, next) => {
          if (!/^\/assets\/segmenter\.worker-[\w-]+\.js$/.test(req.url ?? '')) return next();
          res.setHeader('Content-Type', 'text/javascript');
          res.end(script);
        });
      },
    };
    const server = await startAppServer({ plugins: [swapped] });
    const fresh = await openPage(session.browser);
    const close = async () => {
      await fresh.context.close();
      await server.close();
    };
    await openApp(fresh.page, server.url);
    await fresh.page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    await fresh.page.getByTestId('generate-button').click();
    const done = await outcome(fresh.page);
    if (done.kind !== 'result') {
      await close();
      throw new Error(`no sticker: ${done.text}`);
    }
    return { page: fresh.page, src: done.src, close };
  }

  // A faulty segmenter worker: the sticker worker cuts the person itself.
  it.each([
    ['fails as it starts', `throw new Error('simulated failure');`, /own worker failed: .+/],
    ['never answers', `self.onmessage = () => {};`, /own worker failed: no word from it for \d+ s/],
  ])('a segmenter worker that %s: the person is cut all the same, and the label says where', async (_, body, reason) => {
    const { page, src, close } = await stickerWithSegmenterWorker(body);
    const s = await stickerPixels(page, src);
    for (const p of await hairPoints(s)) expect(alphaAt(s, p.x, p.y)).toBe(255);
    expect(await page.getByTestId('cutout-note').count()).toBe(0);
    const backend = await page.getByTestId('timing-segment').getAttribute('data-backend');
    expect(backend).toMatch(/^mediapipe-wasm-(cpu|gpu-webgl2), sticker worker \(/);
    expect(backend).toMatch(reason);
    await close();
  });

  it('a segmenter worker that gets ready and then goes silent: the sticker comes cut along the face oval, and says so', async () => {
    const { page, src, close } = await stickerWithSegmenterWorker(`self.onmessage = ({ ports }) => {
      const port = ports[0];
      port.onmessage = ({ data }) => { if (data.type === 'init') port.postMessage({ type: 'ready', delegate: 'CPU' }); };
    };`);
    const note = page.getByTestId('cutout-note');
    await expect.poll(() => note.getAttribute('data-reason')).toBe('segmenter-unavailable');
    const s = await stickerPixels(page, src);
    expect(alphaAt(s, 0, 0)).toBe(0);
    await close();
  });
});
