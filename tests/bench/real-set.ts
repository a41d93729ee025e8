// The AI redraw on the real SDXS set, when its files are on this machine (BIAOQING_MODELS_DIR or
// ../shared/models, where `npm run models:fetch` puts them): the build then bundles them and the
// bench opens the app on that set (?models=sdxs-512) on WebGPU. Without them it says so plainly and
// measures nothing; the fixture networks' numbers are never a stand-in for the real set's.

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DIFFUSION_SETS } from '../../src/core/diffusion/model-sets.ts';
import { missingFiles } from '../../server/diffusion/model-files.ts';
import { modelsDir } from '../../scripts/models-dir.ts';
import { aiRedraw, type AiBench } from './ai-redraw.ts';

export type RealSetBench = { measured: false; note: string } | { measured: true; note: string; webgpu: AiBench };

export async function realSetBench(browser: Browser, url: string, runs: number): Promise<RealSetBench> {
  const set = DIFFUSION_SETS['sdxs-512'];
  const [variant] = set.variants;
  const dir = modelsDir(path.resolve(import.meta.dirname, '../..'));
  const missing = missingFiles(set, variant, dir);
  if (missing.length > 0) {
    const note = `NOT MEASURED: the real SDXS set's files are not on this machine (missing ${missing.join(', ')}); run npm run models:fetch where huggingface.co can be reached, or set BIAOQING_MODELS_DIR`;
    console.log(`[bench] real AI set: ${note}`);
    return { measured: false, note };
  }
  const note = `${set.name}, ${variant.dtype}, from ${dir}: 2 steps at strength 0.5 on WebGPU (needs an adapter with shader-f16)`;
  return { measured: true, note, webgpu: await aiRedraw(browser, url, 'webgpu', runs, 'models=sdxs-512') };
}
