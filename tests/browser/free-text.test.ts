// Free text the offline understanding is unsure of, re-ranked by meaning: the text-encoder worker
// runs the repository's fixture CLIP text encoder (models/fixtures/clip-text) through
// transformers.js on WebGPU and on wasm, in the real app. The phrases are paraphrases the fixture
// learned that no vocabulary word covers. The production encoder cannot be downloaded here, which
// tests the offline path: the user is told, keeps the guess and its alternatives, and can still
// make the sticker.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp, outcome } from './support/app-driver.ts';
import { modelEntry } from '../../src/core/models/manifest.ts';
import { MODEL_DB, MODEL_DB_STORE } from '../../src/core/models/model-cache-layout.ts';

const session = useSession();

async function understood(page: Page): Promise<{ id: string; source: string; similarity: number }> {
  const el = page.getByTestId('expression-understood');
  // Loading the encoder on SwiftShader WebGPU takes ~20 s on an idle 2-core machine; leave room for a busy one.
  await page.waitForSelector('[data-testid="expression-understood"][data-source="meaning"]', { timeout: 110_000 });
  return {
    id: (await el.getAttribute('data-expression-id')) ?? '',
    source: (await el.getAttribute('data-source')) ?? '',
    similarity: Number(await el.getAttribute('data-similarity')),
  };
}

/** Keys under `prefix` in idb-keyval's default database, or in the model store's own. */
async function storedKeys(page: Page, prefix: string, [database, store] = ['keyval-store', 'keyval']): Promise<string[]> {
  return page.evaluate(
    ([p, d, s]) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open(d);
        open.onsuccess = () => {
          const req = open.result.transaction(s).objectStore(s).getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String).filter((k) => k.startsWith(p)));
        };
      }),
    [prefix, database, store] as const,
  );
}

describe('free text → expression by meaning', () => {
  const similarities: Record<string, number> = {};

  for (const device of ['wasm', 'webgpu'] as const) {
    it(`understands words the lexicon does not know (${device}) and makes the sticker`, async () => {
      const { page, context, offMachineRequests } = await openPage(session.browser);
      await openApp(page, session.server.url, `face=cpu&encoder=clip-text-fixture&text=${device}`);
      await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/grace_hopper.jpg'));
      // 超级 is an intensity word; the rest is in no vocabulary (the fixture learned it).
      await page.getByTestId('prompt-input').fill('超级 take that away from me');
      const got = await understood(page);
      expect(got).toMatchObject({ id: 'disgusted', source: 'meaning' });
      similarities[device] = got.similarity;
      expect(Number(await page.getByTestId('intensity-input').inputValue())).toBeCloseTo(1.5, 5);
      // The alternatives are the encoder's ranking, best first, the chosen one pressed.
      const chips = page.getByTestId('expression-suggestion');
      expect(await chips.count()).toBe(5);
      expect(await chips.first().getAttribute('data-expression-id')).toBe('disgusted');
      expect(await chips.first().getAttribute('aria-pressed')).toBe('true');

      await page.getByTestId('generate-button').click();
      expect((await outcome(page)).kind).toBe('result');
      await page.getByTestId('diagnostics').locator('summary').click();
      expect(await page.getByTestId('text-encoder-report').getAttribute('data-device')).toBe(device);
      expect(offMachineRequests).toEqual([]);
      await context.close();
    });
  }

  it('WebGPU and wasm agree on the similarity', () => {
    expect(similarities.webgpu).toBeDefined();
    expect(Math.abs((similarities.webgpu ?? 0) - (similarities.wasm ?? 0))).toBeLessThan(1e-3);
  });

  it('keeps the encoder, the anchors and typed texts in IndexedDB: a reload downloads nothing', async () => {
    const { page, context } = await openPage(session.browser);
    await openApp(page, session.server.url, 'face=cpu&encoder=clip-text-fixture&text=wasm');
    await page.getByTestId('prompt-input').fill('everything is a blur');
    expect((await understood(page)).id).toBe('dizzy');
    const records = (await storedKeys(page, 'model:clip-', [MODEL_DB, MODEL_DB_STORE])).filter((k) => k.endsWith('/record'));
    expect(records).toHaveLength(3);
    expect(await storedKeys(page, 'embeddings:clip-text-fixture@')).toHaveLength(1);
    expect(await storedKeys(page, 'query:clip-text-fixture@')).toContain((await storedKeys(page, 'query:')).find((k) => k.endsWith(':everything is a blur')));

    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/models/')) fetched.push(r.url());
    });
    await page.reload();
    await page.getByTestId('prompt-input').fill('everything is a blur');
    expect((await understood(page)).id).toBe('dizzy');
    expect(fetched.filter((u) => !u.includes('face_landmarker'))).toEqual([]);
    await context.close();
  });

  it('offline without the encoder: says so, keeps the guess and its alternatives, and the sticker still works', async () => {
    const { page, context, offMachineRequests } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/astronaut.png'));
    await page.getByTestId('prompt-input').fill('my cheeks are burning');
    const offer = page.getByTestId('text-encoder-download');
    await offer.waitFor();
    expect(await offer.innerText()).toContain('62 MB');
    expect(await page.getByTestId('expression-confidence').getAttribute('data-level')).toBe('low');
    expect(await page.getByTestId('expression-suggestion').count()).toBe(5);

    await offer.click();
    const status = page.locator('[data-testid="text-encoder-status"][data-status="failed"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toContain('下载失败');
    // It tried the manifest's public URL, which the test's network blocks: offline, as a user would be.
    expect(offMachineRequests).toContain(modelEntry('clip-text-q8').url);

    await page.getByTestId('expression-suggestion').first().click();
    expect(await page.getByTestId('expression-understood').getAttribute('data-source')).toBe('user');
    await page.getByTestId('generate-button').click();
    expect((await outcome(page)).kind).toBe('result');
    await context.close();
  });
});
