// Model files from disk, checked against models/manifest.json like the app checks its downloads:
// the repository's own (fixtures) under models/, published ones under the shared models folder.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { modelEntry } from '../../src/core/models/manifest.ts';

const REPO_MODELS = path.resolve(import.meta.dirname, '../../models');

export async function verifiedModelBytes(id: string, sharedModelsDir: string): Promise<Uint8Array> {
  const entry = modelEntry(id);
  const file = path.join(entry.source === 'repo' ? REPO_MODELS : sharedModelsDir, entry.file);
  const bytes = new Uint8Array(await readFile(file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256) throw new Error(`${file}: SHA-256 ${sha}, the manifest says ${entry.sha256}`);
  return bytes;
}
