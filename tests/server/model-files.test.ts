// Which AI set the fallback server runs when BIAOQING_MODELS does not say: the real set when all its
// files are in the models folder, else the fixtures, with the missing files listed.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { missingFiles } from '../../server/diffusion/model-files.ts';
import { DIFFUSION_SETS } from '../../src/core/diffusion/model-sets.ts';
import { modelEntry } from '../../src/core/models/manifest.ts';

const REAL = DIFFUSION_SETS['sdxs-512'];
const [FP16] = REAL.variants;

describe('the server’s AI set', () => {
  it('is the fixtures while the real files are missing, and says which', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'biaoqing-models-'));
    const config = loadConfig({ BIAOQING_MODELS_DIR: dir });
    expect(config.models).toBe('fixtures');
    for (const id of ['sdxs-unet-fp16', 'sdxs-text-encoder-fp16', 'sdxs-vae-decoder-fp16', 'taesd-encoder', 'clip-tokenizer'])
      expect(config.modelsNote).toContain(id);
    expect(config.modelsNote).toContain('npm run models:fetch');
  });

  it('is the real set once every file of it is in the folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'biaoqing-models-'));
    const ids = [...Object.values(REAL.tokenizer), ...Object.values(FP16.files)];
    for (const id of ids.slice(1)) {
      const file = path.join(dir, modelEntry(id).file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '');
    }
    expect(missingFiles(REAL, FP16, dir)).toEqual([`${ids[0]} (${path.join(dir, modelEntry(ids[0]!).file)})`]);
    const last = path.join(dir, modelEntry(ids[0]!).file);
    mkdirSync(path.dirname(last), { recursive: true });
    writeFileSync(last, '');
    expect(loadConfig({ BIAOQING_MODELS_DIR: dir })).toMatchObject({ models: 'sdxs-512', modelsNote: `AI models: sdxs-512 (fp16) from ${dir}` });
    // Named, it is taken as named.
    expect(loadConfig({ BIAOQING_MODELS_DIR: dir, BIAOQING_MODELS: 'fixtures' }).models).toBe('fixtures');
  });
});
