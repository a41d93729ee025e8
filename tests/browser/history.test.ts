// The history: every finished sticker kept in IndexedDB with what made it, through reloads; rated,
// re-edited and deleted from the UI, with the storage it uses shown.
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();

describe('history', () => {
  it('keeps each sticker with its words and rating across reloads, re-edits and deletes it', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    const items = page.getByTestId('history-item');
    expect(await items.count()).toBe(0);

    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '惊讶', caption: '真的假的' });
    const first = await outcome(page);
    expect(first.kind).toBe('result');
    await expect.poll(() => items.count()).toBe(1);
    await page.getByTestId('result-rating').getByRole('button', { name: '4 星' }).click();
    await expect.poll(() => items.first().getByTestId('history-rating').getAttribute('data-value')).toBe('4');

    await page.getByTestId('prompt-input').fill('困');
    await page.getByTestId('generate-button').click();
    expect((await outcome(page, first.kind === 'result' ? first.src : null)).kind).toBe('result');
    await expect.poll(() => items.count()).toBe(2);
    const usage = page.getByTestId('storage-usage');
    expect(Number(await usage.getAttribute('data-stickers'))).toBe(2);
    expect(Number(await usage.getAttribute('data-bytes'))).toBeGreaterThan(10_000);

    await page.reload();
    await expect.poll(() => items.count()).toBe(2);
    // Newest first: 困, then 惊讶 with its rating.
    expect(await items.nth(0).innerText()).toContain('困');
    expect(await items.nth(1).getByTestId('history-rating').getAttribute('data-value')).toBe('4');

    // Re-edit puts the older sticker's photo and words back in the form.
    await page.getByTestId('prompt-input').fill('');
    await items.nth(1).getByTestId('history-edit').click();
    await expect.poll(() => page.getByTestId('prompt-input').inputValue()).toBe('惊讶');
    expect(await page.getByTestId('caption-input').inputValue()).toBe('真的假的');
    await page.getByTestId('photo-preview').waitFor();

    await items.nth(0).getByTestId('history-delete').click();
    await expect.poll(() => items.count()).toBe(1);
    await page.reload();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toContain('惊讶');
    await context.close();
  });
});
