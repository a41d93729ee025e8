// What each weight variant of a set costs, from the manifest; variants with a file the manifest
// does not list are left out (not exported and pinned for this build).

import { findModelEntry } from '../models/manifest.ts';
import type { VariantCost } from './capability.ts';
import { DIFFUSION_PARTS, type DiffusionModelSet } from './model-sets.ts';

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
