// SDXS's text encoder is CLIP ViT-L/14, whose byte-level BPE is the ViT-B/32 tokenizer the app
// ships: prompts become 77 ids the way Stable Diffusion makes them — start, the words, end of text,
// then end-of-text padding; a long prompt is cut to 77 with the end-of-text token kept last.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIFFUSION_SETS } from '../../../src/core/diffusion/model-sets.ts';
import { modelEntry } from '../../../src/core/models/manifest.ts';
import { loadTokenizer } from '../../../src/platform/transformers/sd-tokenizer.ts';

const SHARED = fileURLToPath(new URL('../../../../shared/models/', import.meta.url));
const BOS = 49406;
const EOT = 49407;

describe('the SD prompt tokenizer', () => {
  it('pads and truncates to 77 as Stable Diffusion does', async () => {
    const set = DIFFUSION_SETS['sdxs-512'];
    const files = new Map(Object.entries(set.tokenizer).map(([name, id]) => [name, new Uint8Array(readFileSync(`${SHARED}${modelEntry(id).file}`))]));
    const tokenize = await loadTokenizer('sd-tokenizer-test', files, set.sequenceLength);

    const short = [...tokenize('a smiling face, cartoon sticker')];
    expect(short).toHaveLength(77);
    // The ids the earlier fixture tests use for this prompt.
    expect(short.slice(0, 8)).toEqual([BOS, 320, 9200, 1710, 267, 7651, 11270, EOT]);
    expect(short.slice(8).every((id) => id === EOT)).toBe(true);

    const long = [...tokenize(Array.from({ length: 120 }, (_, i) => `word${i}`).join(' '))];
    expect(long).toHaveLength(77);
    expect(long[0]).toBe(BOS);
    expect(long[76]).toBe(EOT);
    expect(long.slice(1, 76)).not.toContain(EOT);
  });
});
