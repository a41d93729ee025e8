// Nothing but the app and its model files is fetched: MediaPipe's runtime tries to post usage
// metrics to Google once a minute after a detection; the worker refuses it before it leaves the
// browser, and the diagnostics list it.
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();

describe('network policy', () => {
  it('MediaPipe’s usage report is refused inside the worker and listed, and nothing reaches the network', async () => {
    const { page, context, offMachineRequests } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心' });
    expect((await outcome(page)).kind).toBe('result');
    const list = page.getByTestId('blocked-requests');
    // The runtime flushes its log every 60 s.
    await expect.poll(async () => Number(await list.getAttribute('data-count')), { timeout: 100_000, interval: 2000 }).toBeGreaterThan(0);
    expect(await list.textContent()).toMatch(/https:\/\/odml\.pa\.googleapis\.com\//mu);
    expect(offMachineRequests).toEqual([]);
    await context.close();
  });
});
