// Accessibility in the real app: axe-core on the main screens (start, a finished animated sticker
// with the history, the models and diagnostics panels open, the AI style's panel), in zh-CN and
// English, on a desktop window and a 360×640 phone: no serious or critical violation. On the phone
// nothing scrolls sideways and every main control can be reached and is not covered. With
// prefers-reduced-motion nothing in the page transitions or animates, the result is not
// smooth-scrolled into view, and the animated sticker waits, paused, until asked to play.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';
import { seriousViolations } from './support/axe.ts';

const session = useSession();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 640 };

/** The controls a user needs on each screen, by test id. */
const MAIN_CONTROLS = ['prompt-input', 'caption-input', 'style-select', 'generate-button', 'animate-toggle', 'make-pack', 'pack-size'];
const RESULT_CONTROLS = ['result-image', 'animation-toggle', 'download-link', 'history-edit', 'history-delete'];

/**
 * Sideways scrolling: the document's width beyond the viewport, and the innermost elements that
 * stick out past its right edge (so a failure names them).
 */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5);
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    return { excess: Math.max(0, document.documentElement.scrollWidth - window.innerWidth), elements: innermost.map((el) => el.outerHTML.slice(0, 120)) };
  });

/**
 * Each control, scrolled to, lies inside the viewport's width and is what a tap at its centre hits
 * (not covered by something else).
 */
async function unreachable(page: Page, testIds: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const id of testIds) {
    const control = page.getByTestId(id).first();
    await control.scrollIntoViewIfNeeded();
    const reached = await control.evaluate((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.left < 0 || box.right > window.innerWidth) return `outside: ${JSON.stringify(box)}`;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (el === hit || el.contains(hit) || hit.contains(el)) ? '' : `covered by ${hit?.outerHTML.slice(0, 80) ?? 'nothing'}`;
    });
    if (reached !== '') problems.push(`${id}: ${reached}`);
  }
  return problems;
}

/** Records how the page asks to scroll (it still scrolls), to see whether it asked for smooth motion. */
async function recordScrolls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const asked: string[] = [];
    Object.assign(window, { __scrolls: asked });
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
      asked.push(typeof arg === 'object' ? (arg.behavior ?? 'auto') : 'auto');
      original.call(this, arg);
    };
  });
}

const scrolls = (page: Page) => page.evaluate(() => (window as unknown as { __scrolls: string[] }).__scrolls);

async function openPanels(page: Page): Promise<void> {
  for (const id of ['models-panel', 'diagnostics']) {
    const panel = page.getByTestId(id);
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  }
  // The models panel reads IndexedDB when opened: the face model the sticker used is listed.
  await page.locator('[data-testid^="model-row-"]').first().waitFor();
}

describe.each([
  { locale: 'zh-CN', size: 'desktop', viewport: DESKTOP },
  { locale: 'en-US', size: 'desktop', viewport: DESKTOP },
  { locale: 'zh-CN', size: 'phone', viewport: PHONE },
  { locale: 'en-US', size: 'phone', viewport: PHONE },
])('accessibility in $locale on a $size', ({ locale, viewport }) => {
  it('axe finds nothing serious on the start screen, a finished sticker with its history and panels, and the AI style', async () => {
    const phone = viewport.width === PHONE.width;
    const { page, context, pageErrors } = await openPage(session.browser, { locale, context: { viewport, ...(phone && { isMobile: true, hasTouch: true }) } });
    await openApp(page, session.server.url);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale === 'en-US' ? 'en' : 'zh-CN');
    expect(await seriousViolations(page), 'start').toEqual([]);
    if (phone) {
      expect(await sideways(page)).toEqual({ excess: 0, elements: [] });
      expect(await unreachable(page, MAIN_CONTROLS)).toEqual([]);
    }

    await page.getByTestId('animate-toggle').check();
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '开心', caption: locale === 'en-US' ? 'yay' : '耶' });
    expect((await outcome(page)).kind).toBe('result');
    await page.getByTestId('animation-image').waitFor();
    await expect.poll(() => page.getByTestId('history-item').count()).toBeGreaterThan(0);
    await openPanels(page);
    expect(await seriousViolations(page), 'finished sticker, history, models and diagnostics').toEqual([]);
    if (phone) {
      expect(await sideways(page)).toEqual({ excess: 0, elements: [] });
      expect(await unreachable(page, [...MAIN_CONTROLS, ...RESULT_CONTROLS])).toEqual([]);
    }

    await page.getByTestId('style-select').selectOption('ai');
    await page.getByTestId('ai-status').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page), 'AI style').toEqual([]);
    if (phone) {
      expect(await sideways(page)).toEqual({ excess: 0, elements: [] });
      expect(await unreachable(page, ['ai-device', 'ai-seed', 'ai-new-seed', 'ai-steps', 'ai-strength', 'generate-button'])).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

/** An animated sticker made on a phone-sized page with the given motion preference, scrolls recorded. */
async function animatedSticker(reducedMotion: 'reduce' | 'no-preference') {
  const { page, context } = await openPage(session.browser, { context: { reducedMotion, viewport: PHONE } });
  await recordScrolls(page);
  await openApp(page, session.server.url);
  await page.getByTestId('animate-toggle').check();
  await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'), { prompt: '大笑' });
  const done = await outcome(page);
  expect(done.kind).toBe('result');
  const animation = page.getByTestId('animation-image');
  await animation.waitFor();
  return { page, context, done, animation };
}

describe('reduced motion', () => {
  it('with prefers-reduced-motion nothing transitions, the result is not smooth-scrolled, and the animation waits to be played', async () => {
    const { page, context, done, animation } = await animatedSticker('reduce');

    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => {
        const style = getComputedStyle(el);
        const transitions = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        const animated = style.animationName !== 'none';
        return transitions || animated || style.scrollBehavior === 'smooth' ? [el.tagName + (el.className ? `.${String(el.className)}` : '')] : [];
      }),
    );
    expect(moving).toEqual([]);
    expect(await scrolls(page)).not.toContain('smooth');

    // Paused: the still sticker stands in; playing shows the looping file; pausing brings the still back.
    const still = done.kind === 'result' ? done.src : '';
    expect(await animation.getAttribute('src')).toBe(still);
    await page.getByTestId('animation-toggle').click();
    await expect.poll(() => animation.getAttribute('data-playing')).toBe('true');
    const playing = await animation.getAttribute('src');
    expect(playing).not.toBe(still);
    expect(await page.evaluate(async (url) => (await (await fetch(url)).blob()).type, playing ?? '')).toBe('image/webp');
    await page.getByTestId('animation-toggle').press('Enter');
    await expect.poll(() => animation.getAttribute('src')).toBe(still);
    await context.close();
  });

  it('without the preference the animation plays at once and the result is brought into view smoothly', async () => {
    const { page, context, done, animation } = await animatedSticker('no-preference');
    expect(await animation.getAttribute('data-playing')).toBe('true');
    expect(await animation.getAttribute('src')).not.toBe(done.kind === 'result' ? done.src : '');
    expect(await scrolls(page)).toContain('smooth');
    await context.close();
  });
});
