// Chinese free text by meaning: text with Han characters is offered Chinese-CLIP, English keeps
// CLIP ViT-B/32. The worker runs the repository's fixture Chinese-CLIP (models/fixtures/chinese-clip:
// the published graph's two towers and inputs, the WordPiece tokenizer the build derives from
// vocab.txt) through transformers.js on wasm and WebGPU, in the real app. The phrase is one the offline
// understanding barely guesses at (a smile, confidence 0.1: no word of it is known) and the fixture
// puts near 心动.
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp, outcome } from './support/app-driver.ts';
import { modelEntry } from '../../src/core/models/manifest.ts';

const session = useSession();
const MB = 2 ** 20;
const PHRASE = '心怦怦跳';

describe('Chinese free text → expression by meaning', () => {
  for (const device of ['wasm', 'webgpu'] as const) {
    it(`understands Chinese the offline words only guess at, with the fixture Chinese-CLIP (${device}), and makes the sticker`, async () => {
      const { page, context, offMachineRequests } = await openPage(session.browser);
      await openApp(page, session.server.url, `face=cpu&encoder=chinese-clip-fixture&text=${device}`);
      await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
      await page.getByTestId('prompt-input').fill(PHRASE);
      expect(await page.getByTestId('expression-confidence').getAttribute('data-level')).toBe('low');
      const understood = page.locator('[data-testid="expression-understood"][data-source="meaning"]');
      // As long as the CLIP fixture's test allows: loading on SwiftShader WebGPU is slow on a busy machine.
      await understood.waitFor({ timeout: 110_000 });
      expect(await understood.getAttribute('data-expression-id')).toBe('smitten');
      expect(await page.getByTestId('expression-suggestion').count()).toBe(5);

      await page.getByTestId('generate-button').click();
      expect((await outcome(page)).kind).toBe('result');
      await page.getByTestId('diagnostics').locator('summary').click();
      expect(await page.getByTestId('text-encoder-report').getAttribute('data-device')).toBe(device);
      expect(offMachineRequests).toEqual([]);
      await context.close();
    });
  }

  it('offers the Chinese model for Chinese text and CLIP for English, each with its size; the download tries the pinned URL', async () => {
    const { page, context, offMachineRequests } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('prompt-input').fill(PHRASE);
    const offer = page.getByTestId('text-encoder-download');
    await offer.waitFor();
    expect(await offer.innerText()).toContain(`中文模型 ${Math.ceil(modelEntry('chinese-clip-q8').bytes / MB)} MB`);

    await offer.click();
    const failed = page.locator('[data-testid="text-encoder-status"][data-status="failed"]');
    await failed.waitFor({ timeout: 60_000 });
    // The test's network blocks the public URL, as if offline.
    expect(offMachineRequests).toContain(modelEntry('chinese-clip-q8').url);

    await page.getByTestId('prompt-input').fill('my cheeks are burning');
    await page.locator('[data-testid="text-encoder-status"][data-status="needs-download"]').waitFor();
    expect(await offer.innerText()).toContain(`${Math.ceil(modelEntry('clip-text-q8').bytes / MB)} MB`);
    expect(await offer.innerText()).not.toContain('中文');
    await context.close();
  });
});
