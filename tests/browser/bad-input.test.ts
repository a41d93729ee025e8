import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile, textNamedPng, truncatedJpeg, zeroBytes, type UploadFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();
let t: TestPage;

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
});

async function expectError(file: UploadFile, code: string, words: RegExp): Promise<void> {
  await makeSticker(t.page, file);
  const done = await outcome(t.page);
  expect(done).toMatchObject({ kind: 'error', code });
  if (done.kind === 'error') expect(done.text).toMatch(words);
  // Nothing half-made is shown for a failed job, and the button is usable again.
  expect(await t.page.getByTestId('generate-button').isEnabled()).toBe(true);
}

describe('photos that cannot make a sticker get a clear message, and the app keeps working', () => {
  it('a photo with no face', async () => {
    await expectError(fixtureFile('no-face/coffee.png'), 'NO_FACE_FOUND', /没有找到人脸/);
  });

  it('a profile the landmarker cannot mesh', async () => {
    await expectError(fixtureFile('no-face/camera_profile.png'), 'NO_FACE_FOUND', /没有找到人脸/);
  });

  it('a truncated JPEG', async () => {
    await expectError(truncatedJpeg(), 'BAD_INPUT', /不完整/);
  });

  it('a text file named .png', async () => {
    await expectError(textNamedPng(), 'BAD_INPUT', /不是图片/);
  });

  it('a zero-byte file', async () => {
    await expectError(zeroBytes(), 'BAD_INPUT', /空的/);
  });

  it('and then a good photo still makes a sticker', async () => {
    await makeSticker(t.page, fixtureFile('faces/astronaut.png'), { caption: '又活了' });
    const done = await outcome(t.page);
    expect(done.kind).toBe('result');
    expect(await t.page.getByTestId('error-message').count()).toBe(0);
  });

  it('never threw an uncaught error', () => {
    expect(t.pageErrors).toEqual([]);
  });
});
