// What each weight variant of a set costs, from the manifest; variants with a file the manifest
// does not list are left out (not exported and pinned for this build).

import { findModelEntry, modelEntry, type ModelEntry } from '../models/manifest.ts';
import type { VariantCost } from './capability.ts';
import { DIFFUSION_PARTS, type DiffusionModelSet, type DiffusionVariant } from './model-sets.ts';

/** Every file the set needs with this variant: tokenizer first (small), UNet last (largest). */
export function diffusionFiles(set: DiffusionModelSet, variant: DiffusionVariant): ModelEntry[] {
  const { textEncoder, vaeEncoder, vaeDecoder, unet } = variant.files;
  return [...Object.values(set.tokenizer), textEncoder, vaeEncoder, vaeDecoder, unet].map(modelEntry);
}

export function variantCosts(set: DiffusionModelSet): VariantCost[] {
  const costs: VariantCost[] = [];
  for (const variant of set.variants) {
    const entries = DIFFUSION_PARTS.map((part) => findModelEntry(variant.files[part]));
    if (entries.some((e) => e === undefined)) continue;
    const listed = entries.filter((e) => e !== undefined);
    costs.push({
      variant,
      bytes: listed.reduce((sum, e) => sum + e.bytes, 0),
      largestTensorBytes: Math.max(...listed.map((e) => e.largestTensorBytes ?? e.bytes)),
    });
  }
  return costs;
}
