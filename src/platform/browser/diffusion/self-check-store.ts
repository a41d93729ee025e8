// The first-load self-check's result, kept in IndexedDB under the set's files' SHA-256: a set is
// checked once after it is downloaded, and again only when its files change. Nothing is kept for a
// set that failed, so the next load checks again.

import { get, set as put } from 'idb-keyval';
import type { DiffusionModelSet, DiffusionVariant } from '../../../core/diffusion/model-sets.ts';
import { DIFFUSION_PARTS } from '../../../core/diffusion/model-sets.ts';
import type { SelfCheckResult } from '../../../core/diffusion/self-check.ts';
import { PIXEL_RANGES } from '../../../core/diffusion/vae-calibration.ts';
import { modelEntry } from '../../../core/models/manifest.ts';

function isResult(value: unknown): value is SelfCheckResult {
  if (typeof value !== 'object' || value === null) return false;
  const c = (value as { calibration?: Record<string, unknown> }).calibration;
  return (
    typeof c === 'object' &&
    PIXEL_RANGES.some((r) => r === c.encoderInput) &&
    PIXEL_RANGES.some((r) => r === c.decoderOutput) &&
    typeof c.latentScale === 'number' &&
    c.latentScale > 0
  );
}

export async function checkedSet(set: DiffusionModelSet, variant: DiffusionVariant, check: () => Promise<SelfCheckResult>): Promise<SelfCheckResult> {
  const key = `diffusion-check:${set.id}:${DIFFUSION_PARTS.map((part) => modelEntry(variant.files[part]).sha256).join(',')}`;
  const kept: unknown = await get(key).catch(() => undefined);
  if (isResult(kept)) return kept;
  const result = await check();
  await put(key, result).catch(() => undefined);
  return result;
}
