// Legitimate but awkward photos: each has a clear outcome, and a failure loses nothing (the photo
// and words stay, the next photo works).
import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile, repoFixtureFile, type UploadFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { alphaPng, animatedGif, greyscalePng, hugePng, pixelsOf } from './support/hostile.ts';

const session = useSession();
let t: TestPage;
let last: string | null = null;

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
});

async function makes(file: UploadFile): Promise<void> {
  await makeSticker(t.page, file, { prompt: '微笑' });
  const done = await outcome(t.page, last);
  expect(done.kind, done.kind === 'error' ? done.text : '').toBe('result');
  if (done.kind === 'result') last = done.src;
  expect(await t.page.getByTestId('expression-understood').getAttribute('data-expression-id')).toBe('smile');
}

describe('awkward photos', () => {
  it('a PNG with a transparent background', async () => {
    await makes(alphaPng(await pixelsOf(t.page, fixtureFile('faces/astronaut.png'), true)));
  });

  it('a greyscale PNG (one channel)', async () => {
    await makes(greyscalePng(await pixelsOf(t.page, fixtureFile('faces/grace_hopper.jpg'))));
  });

  it('an animated GIF: its first frame is the photo', async () => {
    await makes(animatedGif(await pixelsOf(t.page, fixtureFile('faces/grace_hopper.jpg'))));
    expect(await t.page.getByTestId('photo-size').textContent()).toContain('512×600 → 512×600');
  });

  it('a CMYK JPEG (four channels, Adobe marker)', async () => {
    await makes(repoFixtureFile('awkward/grace_hopper_cmyk.jpg'));
  });

  it('an iPhone HEIC photo is refused with a sentence saying what to do, and the words stay', async () => {
    await makeSticker(t.page, repoFixtureFile('awkward/grace_hopper.heic'), { prompt: '委屈', caption: '别丢' });
    const done = await outcome(t.page, last);
    expect(done).toMatchObject({ kind: 'error', code: 'BAD_INPUT' });
    if (done.kind === 'error') expect(done.text).toMatch(/HEIC.*JPEG/);
    expect(await t.page.getByTestId('prompt-input').inputValue()).toBe('委屈');
    expect(await t.page.getByTestId('caption-input').inputValue()).toBe('别丢');
  });

  it('a 12000×12000 photo is refused with a sentence, and the words stay', async () => {
    await makeSticker(t.page, hugePng(), { prompt: '大笑', caption: '留着' });
    const done = await outcome(t.page, last);
    expect(done).toMatchObject({ kind: 'error', code: 'BAD_INPUT' });
    if (done.kind === 'error') expect(done.text).toMatch(/太大/);
    expect(await t.page.getByTestId('prompt-input').inputValue()).toBe('大笑');
    expect(await t.page.getByTestId('caption-input').inputValue()).toBe('留着');
    await makes(fixtureFile('faces/astronaut.png'));
  });

  it('never threw an uncaught error', () => {
    expect(t.pageErrors).toEqual([]);
  });
});
