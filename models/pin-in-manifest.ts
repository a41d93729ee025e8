// The one way the model scripts record files in models/manifest.json: an entry replaces the one with
// its id, or is added, and the file is written back in the manifest's own format.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MANIFEST = path.resolve(import.meta.dirname, 'manifest.json');

/** Size and SHA-256 of a file under models/, as the manifest states them. */
export function measuredFile(file: string): { bytes: Buffer; size: number; sha256: string } {
  const bytes = readFileSync(path.join(import.meta.dirname, file));
  return { bytes, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function pinInManifest(entries: readonly ({ id: string } & Record<string, unknown>)[]): void {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { models: { id: string }[] };
  for (const entry of entries) {
    const at = manifest.models.findIndex((m) => m.id === entry.id);
    if (at >= 0) manifest.models[at] = entry;
    else manifest.models.push(entry);
  }
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}
