// The models panel over the real model store: whole and part-downloaded models, deleting one.
// The world: support/model-manager-world.ts.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import manifest from '../../models/manifest.json' with { type: 'json' };
import { openPage } from './support/chromium.ts';
import { openApp } from './support/app-driver.ts';
import { openModelStore, seededBytes } from './support/model-store-page.ts';
import { MB, modelManagerWorld } from './support/model-manager-world.ts';

const world = modelManagerWorld();
const { files } = world;

describe('models panel', () => {
  /**
   * IndexedDB's share of the origin's usage, where the model store keeps its chunks: the service
   * worker's precache (Cache Storage, 42 MB) may still be filling in the background meanwhile.
   */
  const usage = (page: Page) =>
    page.evaluate(async () => {
      const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return estimate.usageDetails?.indexedDB ?? 0;
    });

  it('lists whole and part-downloaded models with sizes; deleting one from the keyboard frees its storage', async () => {
    const { page, context } = await openPage(world.browser);
    await openApp(page, world.server.url);
    await page
      .getByTestId('notice')
      .filter({ hasText: /已就绪/ })
      .waitFor({ timeout: 60_000 });

    // Part of the CLIP text encoder, as a stopped download leaves it (the real file is not on this
    // machine: these are other bytes of its size, which is all a part-download can be checked by).
    const encoder = manifest.models.find((m) => m.id === 'clip-text-q8')!;
    files.serve(`models/${encoder.file}`, seededBytes(encoder.bytes, 99));
    files.fault(`models/${encoder.file}`, { kind: 'stall', after: 20 * MB });
    const store = await openModelStore(world.browser, world.server.url, context);
    const stalled = files.stalled();
    await store.start('encoder', encoder);
    await stalled;
    await store.reached('encoder', 20 * MB);
    await store.abort('encoder');
    expect(await store.outcome('encoder')).toMatchObject({ ok: false, code: 'ABORTED' });
    await store.page.close();

    const face = manifest.models.find((m) => m.id === 'face-landmarker-lean')!;
    await page.getByTestId('models-panel').locator('summary').click();
    const panel = page.getByTestId('models-panel');
    await panel.locator(`[data-testid="model-row-face-landmarker-lean"][data-state="complete"][data-bytes="${face.bytes}"]`).waitFor();
    const partial = panel.locator(`[data-testid="model-row-clip-text-q8"][data-state="partial"][data-bytes="${20 * MB}"]`);
    await partial.waitFor();
    expect(await partial.innerText()).toContain(`${Math.floor((100 * 20 * MB) / encoder.bytes)}%`);
    expect(await panel.getByTestId('models-total').getAttribute('data-bytes')).toBe(String(face.bytes + 20 * MB));

    const before = await usage(page);
    const remove = panel.getByRole('button', { name: '删除模型「AI 文字理解：CLIP 文本编码器」（20.0 MB）' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await partial.waitFor({ state: 'detached' });
    await panel.locator(`[data-testid="models-total"][data-bytes="${face.bytes}"]`).waitFor();
    expect(await panel.getByTestId('model-delete-face-landmarker-lean').isVisible()).toBe(true);
    await expect.poll(() => usage(page), { timeout: 30_000 }).toBeLessThan(before - 15 * MB);
    await context.close();
  });
});
