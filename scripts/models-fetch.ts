// `npm run models:fetch [SET]`: downloads a model set's published files (default: the real set,
// sdxs-512) from the URLs models/manifest.json pins into the shared models folder (../shared/models
// or BIAOQING_MODELS_DIR), where the fallback server and the build look for them. Each file is
// streamed to a temporary name, its SHA-256 (and size, where the manifest knows it exactly) checked,
// and only then renamed into place; a file already there with the right hash is kept.

import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { DIFFUSION_SETS, isDiffusionSetId } from '../src/core/diffusion/model-sets.ts';
import { variantCosts, diffusionFiles } from '../src/core/diffusion/variant-costs.ts';
import type { ModelEntry } from '../src/core/models/manifest.ts';
import { modelsDir } from './models-dir.ts';
import { errorMessage } from '../src/core/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

function hashOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function fetchOne(entry: ModelEntry, dir: string): Promise<void> {
  const target = path.join(dir, entry.file);
  if (existsSync(target) && hashOf(target) === entry.sha256) {
    console.log(`${entry.id}: already here (${target})`);
    return;
  }
  if (entry.url === null) throw new Error(`${entry.id} has no public URL in models/manifest.json`);
  const partial = `${target}.part`;
  const response = await fetch(entry.url).catch((error: unknown) => {
    throw new Error(
      `${entry.id}: ${entry.url} could not be reached (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`,
    );
  });
  if (!response.ok || response.body === null) throw new Error(`${entry.id}: ${entry.url} answered HTTP ${response.status}`);
  mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let received = 0;
  let shown = 0;
  const size = entry.bytesApproximate === true ? Number(response.headers.get('content-length') ?? entry.bytes) : entry.bytes;
  const out = createWriteStream(partial);
  try {
    const reader = response.body.getReader();
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
      hash.update(piece.value);
      received += piece.value.byteLength;
      if (received - shown >= 32 * 2 ** 20) {
        shown = received;
        console.log(`${entry.id}: ${MB(received)} of ${MB(size)}`);
      }
      if (!out.write(piece.value)) await once(out, 'drain');
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const sha = hash.digest('hex');
    if (entry.bytesApproximate !== true && received !== entry.bytes)
      throw new Error(`${entry.id}: received ${received} bytes, the manifest says ${entry.bytes}`);
    if (sha !== entry.sha256) throw new Error(`${entry.id}: SHA-256 ${sha}, the manifest says ${entry.sha256}`);
    renameSync(partial, target);
    console.log(`${entry.id}: verified, ${target}`);
  } finally {
    out.destroy();
    rmSync(partial, { force: true });
  }
}

async function main(): Promise<void> {
  const id = process.argv[2] ?? 'sdxs-512';
  if (!isDiffusionSetId(id)) throw new Error(`${id} is not a model set (${Object.keys(DIFFUSION_SETS).join(', ')})`);
  const set = DIFFUSION_SETS[id];
  const [cost] = variantCosts(set);
  if (cost === undefined) throw new Error(`${id}: no variant of it is pinned in models/manifest.json`);
  const dir = modelsDir(ROOT);
  const entries = diffusionFiles(set, cost.variant).filter((e) => e.source !== 'repo');
  console.log(`${id} (${cost.variant.dtype}): ${entries.length} files, about ${MB(cost.bytes)} of networks, into ${dir}`);
  const failures: string[] = [];
  for (const entry of entries) {
    try {
      await fetchOne(entry, dir);
    } catch (error) {
      failures.push(errorMessage(error));
      console.error(failures.at(-1));
    }
  }
  if (failures.length > 0) {
    console.error(
      `models:fetch: ${failures.length} of ${entries.length} files not fetched; what was verified stays. Run it again on a machine that can reach the host.`,
    );
    process.exitCode = 1;
  }
}

await main();
