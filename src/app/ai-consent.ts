// The user's one-time agreement to download a real model set (its licences and size shown first),
// remembered on this device per set and per the set's files, so new files are agreed to again.

import { DIFFUSION_PARTS, type DiffusionModelSet } from '../core/diffusion/model-sets.ts';
import { findModelEntry } from '../core/models/manifest.ts';

function key(set: DiffusionModelSet): string {
  const hashes = set.variants.flatMap((v) => DIFFUSION_PARTS.map((part) => findModelEntry(v.files[part])?.sha256 ?? ''));
  return `biaoqing.ai-consent:${set.id}:${hashes.join(',')}`;
}

/** The repository's own test networks need no agreement. */
export function needsConsent(set: DiffusionModelSet): boolean {
  return set.credits.length > 0 && globalThis.localStorage?.getItem(key(set)) !== 'yes';
}

export function rememberConsent(set: DiffusionModelSet): void {
  globalThis.localStorage?.setItem(key(set), 'yes');
}
