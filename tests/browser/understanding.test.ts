// The words' understanding in the real app: what it understood and how sure is shown, with the
// alternatives as buttons; picking one makes the sticker again with that face; and words it does
// not recognise still give a sticker with an expression. Measured as expressions.test.ts does: the
// real face landmarker on each finished sticker, against the same photo with no expression.

import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';
import { LandmarkHarness, type Measured } from './support/harness.ts';
import { change, faceMetrics, type FaceMetrics } from './support/face-metrics.ts';

const FACE = 'faces/astronaut.png';
const session = useSession();
let t: TestPage;
let harness: LandmarkHarness;
let neutral: Measured;
let lastSrc: string | null = null;

async function finished(): Promise<Measured> {
  const done = await outcome(t.page, lastSrc);
  if (done.kind !== 'result') throw new Error(done.text);
  lastSrc = done.src;
  return harness.measure(await imageBytes(t.page, done.src), 'image/png');
}

const changed = (m: Measured): FaceMetrics => change(faceMetrics(neutral.faces[0]!.points), faceMetrics(m.faces[0]!.points));
const understood = () => t.page.getByTestId('expression-understood');

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
  await t.page.getByTestId('cutout-select').selectOption('face');
  harness = await LandmarkHarness.open(session.browser, session.server.url);
  await makeSticker(t.page, fixtureFile(FACE), { prompt: '', caption: ' ' });
  neutral = await finished();
});

describe('understanding the words', () => {
  it('shows a sure understanding of slang, with the alternatives as buttons', async () => {
    await t.page.getByTestId('prompt-input').fill('蚌埠住了');
    expect(await understood().getAttribute('data-expression-id')).toBe('laugh-cry');
    expect(await understood().getAttribute('data-source')).toBe('words');
    const confidence = t.page.getByTestId('expression-confidence');
    expect(await confidence.getAttribute('data-level')).toBe('high');
    expect(await confidence.innerText()).toContain('把握 高');
    const chips = t.page.getByTestId('expression-suggestion');
    expect(await chips.count()).toBe(5);
    expect(await chips.first().getAttribute('aria-pressed')).toBe('true');
    expect(await chips.nth(1).getAttribute('aria-pressed')).toBe('false');
  });

  it('makes a sticker with an expression from words it does not recognise, saying it is a guess', async () => {
    await t.page.getByTestId('prompt-input').fill('asdf');
    expect(await understood().getAttribute('data-expression-id')).toBe('smile');
    expect(await t.page.getByTestId('expression-confidence').getAttribute('data-level')).toBe('low');
    expect(Number(await understood().getAttribute('data-confidence'))).toBeLessThan(0.5);
    await t.page.getByTestId('generate-button').click();
    const measured = await finished();
    expect(measured.faces).toHaveLength(1);
    // The smile threshold of expressions.test.ts: the corners rise measurably.
    expect(changed(measured).cornerLift).toBeGreaterThan(0.015);
  });

  it('makes the sticker again with an alternative the user picks', async () => {
    const laugh = t.page.locator('[data-testid="expression-suggestion"][data-expression-id="laugh"]');
    await laugh.click();
    expect(await laugh.getAttribute('aria-pressed')).toBe('true');
    expect(await understood().getAttribute('data-source')).toBe('user');
    expect(await understood().getAttribute('data-expression-id')).toBe('laugh');
    // No click on 生成: the pick alone makes the new sticker, with the laugh's open mouth.
    const measured = await finished();
    expect(measured.faces).toHaveLength(1);
    expect(changed(measured).mouthGap).toBeGreaterThan(0.15);
  });
});
