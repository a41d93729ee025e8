// Words → expression: how often the offline understanding is right on each phrase set in
// tests/data/phrases/ (overall and per kind), and in the real app how long a lexicon word takes from
// typed to shown, how long the text encoder takes to load once an unsure guess starts it (fresh
// profile: files read, hashed, cached; anchors embedded) and to re-rank each paraphrase the offline
// understanding is unsure of (worker time, no typing pause, nothing cached).

import type { Browser, Page } from 'playwright-core';
import { EXPRESSIONS } from '../../src/core/expression/lexicon.ts';
import { CONFIDENCE_MEDIUM, understand } from '../../src/core/expression/understand.ts';
import paraphrases from '../../models/fixtures/clip-text/paraphrases.json' with { type: 'json' };
import { openApp } from '../browser/support/app-driver.ts';
import { openPage } from '../browser/support/chromium.ts';
import { accuracy, phraseFiles, readPhrases, type Accuracy } from '../support/phrase-accuracy.ts';
import { summarize, type Summary } from './stats.ts';

/** The fixture's paraphrases that the offline understanding only guesses at: the encoder re-ranks those. */
const FREE_TEXT = Object.entries(paraphrases)
  .flatMap(([id, texts]) => (id.startsWith('//') ? [] : (texts as string[]).map((text) => ({ id, text }))))
  .filter(({ text }) => {
    const u = understand(text);
    return u.kind === 'understood' && u.confidence < CONFIDENCE_MEDIUM;
  });

/** Offline accuracy per phrase set, no download: share of phrases whose best guess is accepted. */
export function phraseAccuracy(): Record<string, Accuracy> {
  return Object.fromEntries(phraseFiles().map((file) => [file, accuracy(readPhrases(file))]));
}

async function shown(page: Page, id: string, source: string): Promise<void> {
  await page.locator(`[data-testid="expression-understood"][data-source="${source}"][data-expression-id="${id}"]`).waitFor({ timeout: 60_000 });
}

export async function wordsToExpression(
  browser: Browser,
  url: string,
  device: 'wasm' | 'webgpu',
): Promise<{ encoderLoadMs: number; lexicon: Summary; rank: Summary; texts: number }> {
  const { page, context } = await openPage(browser);
  await openApp(page, url, `face=cpu&encoder=clip-text-fixture&text=${device}`);
  // The encoder's worker starts for words understood only by a guess.
  await page.getByTestId('prompt-input').fill(FREE_TEXT[0]?.text ?? 'my cheeks are burning');
  const report = page.locator('[data-testid="text-encoder-report"][data-status="ready"]');
  await report.waitFor({ state: 'attached', timeout: 120_000 });
  const encoderLoadMs = Number(await report.getAttribute('data-load-ms'));

  const lexicon: number[] = [];
  for (const e of EXPRESSIONS) {
    const started = performance.now();
    await page.getByTestId('prompt-input').fill(e.words.zh[0] ?? e.zh);
    await shown(page, e.id, 'words');
    lexicon.push(performance.now() - started);
  }
  const rank: number[] = [];
  for (const { id, text } of FREE_TEXT) {
    await page.getByTestId('prompt-input').fill(text);
    await shown(page, id, 'meaning');
    rank.push(Number(await page.getByTestId('expression-understood').getAttribute('data-rank-ms')));
  }
  await context.close();
  return { encoderLoadMs: Math.round(encoderLoadMs), lexicon: summarize(lexicon), rank: summarize(rank), texts: FREE_TEXT.length };
}
