import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { storedDraftField } from './support/stored-draft.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp, outcome } from './support/app-driver.ts';

const session = useSession();

describe('nothing is lost, and the app works from the keyboard in both languages', () => {
  it('the photo and words survive a reload', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    await page.getByTestId('prompt-input').fill('无语');
    await page.getByTestId('caption-input').fill('我不想说话');
    await expect.poll(() => storedDraftField(page, 'caption')).toBe('我不想说话');

    await page.reload();
    await page.getByTestId('photo-preview').waitFor();
    expect(await page.getByTestId('prompt-input').inputValue()).toBe('无语');
    expect(await page.getByTestId('caption-input').inputValue()).toBe('我不想说话');
    await page.getByTestId('generate-button').click();
    expect((await outcome(page)).kind).toBe('result');
    await context.close();
  });

  it('keyboard only: Tab to each control, Enter makes the sticker', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url);
    const order: string[] = [];
    while (order.length < 30 && order.at(-1) !== 'generate-button') {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(
          () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? '',
        ),
      );
    }
    const wanted = [
      'photo-input',
      'prompt-input',
      'caption-input',
      'template-select',
      'style-select',
      'cutout-select',
      'outline-width',
      'outline-colour',
      'generate-button',
    ];
    expect(order.filter((id) => wanted.includes(id))).toEqual(wanted);

    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/astronaut.png'));
    await page.getByTestId('caption-input').focus();
    await page.keyboard.type('冲鸭');
    await page.keyboard.press('Enter');
    expect((await outcome(page)).kind).toBe('result');
    // Every form control has an accessible name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => !(el as HTMLElement).closest('label') && !el.getAttribute('aria-label') && !(el as HTMLElement).innerText.trim())
        .map((el) => el.outerHTML),
    );
    expect(unnamed).toEqual([]);
    await context.close();
  });

  it('follows an English browser, and can switch back to Chinese', async () => {
    const { page, context } = await openPage(session.browser, { locale: 'en-US' });
    await openApp(page, session.server.url);
    expect(await page.getByTestId('generate-button').innerText()).toBe('Make sticker');
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('no-face/cat.png'));
    await page.getByTestId('generate-button').click();
    const done = await outcome(page);
    expect(done).toMatchObject({ kind: 'error', code: 'NO_FACE_FOUND' });
    if (done.kind === 'error') expect(done.text).toMatch(/No face found/);
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.getByTestId('generate-button').innerText()).toBe('生成表情');
    expect(await page.getByTestId('error-message').innerText()).toMatch(/没有找到人脸/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  });

  it('fits a 360×640 phone, and scrolls the finished sticker into view', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openApp(page, session.server.url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
    await page.getByTestId('generate-button').click();
    expect((await outcome(page)).kind).toBe('result');
    await expect.poll(() => page.getByTestId('result-image').evaluate((img) => img.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
