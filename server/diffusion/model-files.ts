// Model files from disk, checked against models/manifest.json like the app checks its downloads:
// the repository's own (fixtures) under models/, published ones under the shared models folder
// (where `npm run models:fetch` puts the pinned real set).

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findModelEntry, modelEntry, type ModelEntry } from '../../src/core/models/manifest.ts';
import { DIFFUSION_PARTS, DIFFUSION_SETS, type DiffusionModelSet, type DiffusionSetId, type DiffusionVariant } from '../../src/core/diffusion/model-sets.ts';
import { errorMessage } from '../../src/core/errors.ts';

const REPO_MODELS = path.resolve(import.meta.dirname, '../../models');

export function modelPath(entry: ModelEntry, sharedModelsDir: string): string {
  return path.join(entry.source === 'repo' ? REPO_MODELS : sharedModelsDir, entry.file);
}

export async function verifiedModelBytes(id: string, sharedModelsDir: string): Promise<Uint8Array> {
  const entry = modelEntry(id);
  const file = modelPath(entry, sharedModelsDir);
  const bytes = new Uint8Array(await readFile(file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256) throw new Error(`${file}: SHA-256 ${sha}, the manifest says ${entry.sha256}`);
  return bytes;
}

/** The variant's files (and the set's tokenizer) not on disk: manifest ids with the path looked at, or a note that the manifest lacks them. */
export function missingFiles(set: DiffusionModelSet, variant: DiffusionVariant, sharedModelsDir: string): string[] {
  const ids = [...Object.values(set.tokenizer), ...DIFFUSION_PARTS.map((part) => variant.files[part])];
  return ids.flatMap((id) => {
    const entry = findModelEntry(id);
    if (entry === undefined) return [`${id} (not in models/manifest.json)`];
    const file = modelPath(entry, sharedModelsDir);
    return existsSync(file) ? [] : [`${id} (${file})`];
  });
}

/** The set's first variant whose files are all on disk, or an error listing what each lacks. */
export function variantOnDisk(set: DiffusionModelSet, sharedModelsDir: string): DiffusionVariant {
  const lacking: string[] = [];
  for (const variant of set.variants) {
    const missing = missingFiles(set, variant, sharedModelsDir);
    if (missing.length === 0) return variant;
    lacking.push(`${variant.dtype}: ${missing.join(', ')}`);
  }
  throw new Error(`model set ${set.id} is not on this machine (npm run models:fetch downloads the pinned files); missing ${lacking.join('; ')}`);
}

/** The set the server runs when BIAOQING_MODELS does not say: the real one when its files are here, else the fixtures, with why. */
export function defaultServerModels(sharedModelsDir: string): { models: DiffusionSetId; note: string } {
  try {
    const variant = variantOnDisk(DIFFUSION_SETS['sdxs-512'], sharedModelsDir);
    return { models: 'sdxs-512', note: `AI models: sdxs-512 (${variant.dtype}) from ${sharedModelsDir}` };
  } catch (error) {
    return { models: 'fixtures', note: `AI models: the test fixtures, because ${errorMessage(error)}` };
  }
}
