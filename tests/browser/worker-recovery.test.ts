import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();
const WORKER_SCRIPT = '**/assets/sticker.worker-*.js';

/** The next worker the app starts runs this script instead of the real one (a real, faulty worker). */
async function nextWorkerRuns(page: Page, body: string): Promise<void> {
  await page.route(WORKER_SCRIPT, (route) => route.fulfill({ contentType: 'text/javascript', body }), { times: 1 });
}

async function expectInputsKept(page: Page): Promise<void> {
  expect(await page.getByTestId('photo-preview').isVisible()).toBe(true);
  expect(await page.getByTestId('prompt-input').inputValue()).toBe('惊讶');
  expect(await page.getByTestId('caption-input').inputValue()).toBe('啊这');
}

describe('a failing worker is reported and replaced; the photo and words survive', () => {
  it('a worker that crashes', async () => {
    const { page } = await openPage(session.browser);
    await nextWorkerRuns(page, `self.onmessage = (e) => { if (e.data.type === 'generate') throw new Error('simulated crash'); };`);
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶', caption: '啊这' });
    expect(await outcome(page)).toMatchObject({ kind: 'error', code: 'WORKER_CRASHED' });
    await expectInputsKept(page);

    await page.getByTestId('generate-button').click();
    expect((await outcome(page)).kind).toBe('result');
    await page.context().close();
  });

  it('a worker that hangs', async () => {
    const { page } = await openPage(session.browser);
    await page.clock.install();
    await nextWorkerRuns(page, `self.onmessage = (e) => { if (e.data.type === 'generate') for (;;) {} };`);
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶', caption: '啊这' });
    await page.getByTestId('progress').waitFor();
    await page.clock.fastForward(91_000);
    // The detail says where the worker stopped: this one never said a word.
    expect(await outcome(page)).toMatchObject({ kind: 'error', code: 'WORKER_HUNG', detail: expect.stringMatching(/its last: nothing since it started$/u) });
    await expectInputsKept(page);

    await page.getByTestId('generate-button').click();
    expect((await outcome(page)).kind).toBe('result');
    await page.context().close();
  });

  it('a cancelled job says so and the next one runs', async () => {
    const { page } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/astronaut.png'));
    await page.getByTestId('generate-button').click();
    await page.getByTestId('cancel-button').click();
    expect(await outcome(page)).toMatchObject({ kind: 'error', code: 'ABORTED' });
    await page.getByTestId('generate-button').click();
    expect((await outcome(page)).kind).toBe('result');
    await page.context().close();
  });
});
