import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { startAppServer } from './support/app-server.ts';

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

  it('a worker whose code does not arrive is reported in words at once, and the next sticker starts a new one', async () => {
    // The worker's entry loads its code with a dynamic import; the first request for it gets a 404.
    // The UI's code comes 1.5 s late, so the worker fails before the engine has taken it (the
    // page starts the worker ahead of the UI): that failure must be reported too.
    let refused = 0;
    const missing: Plugin = {
      name: 'missing-worker-code',
      enforce: 'pre',
      configurePreviewServer(server) {
        server.middlewares.use((req, res, next) => {
          if (/^\/assets\/start-ui-[\w-]+\.js$/.test(req.url ?? '')) return void setTimeout(next, 1500);
          if (refused > 0 || !/^\/assets\/sticker-worker-main-[\w-]+\.js$/.test(req.url ?? '')) return next();
          refused += 1;
          res.statusCode = 404;
          res.end();
        });
      },
    };
    const server = await startAppServer({ plugins: [missing] });
    const { page } = await openPage(session.browser);
    await openApp(page, server.url);
    // Said at once (before, the worker only never answered, and the first sticker waited 90 s for the watchdog).
    expect(await page.getByTestId('notice').textContent()).toMatch(/崩溃|crashed/u);
    expect(refused).toBe(1);
    // The next sticker starts a new worker, whose code arrives.
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶', caption: '啊这' });
    expect((await outcome(page)).kind).toBe('result');
    await page.context().close();
    await server.close();
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
