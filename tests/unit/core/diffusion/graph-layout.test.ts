// The layout read from a session: both known layouts are accepted as they are, anything else is
// refused with a sentence naming the file and what differed.

import { describe, expect, it } from 'vitest';
import { StickerError } from '../../../../src/core/errors.ts';
import { readPartLayout, type GraphSignature } from '../../../../src/core/diffusion/graph-layout.ts';

const unet = (timestep: string, sample = 'float32'): GraphSignature => ({
  inputs: [
    { name: 'sample', type: sample },
    { name: 'timestep', type: timestep },
    { name: 'encoder_hidden_states', type: sample },
  ],
  outputs: [{ name: 'out_sample', type: sample }],
});

function refusal(run: () => unknown): StickerError {
  try {
    run();
  } catch (error) {
    if (error instanceof StickerError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('readPartLayout', () => {
  it('takes the hosted SDXS layout and the other common one as they are', () => {
    expect(readPartLayout('unet', 'sdxs-unet-fp16', unet('float32'))).toEqual({
      sample: { name: 'sample', type: 'float32' },
      timestep: { name: 'timestep', type: 'float32' },
      text: { name: 'encoder_hidden_states', type: 'float32' },
      noise: { name: 'out_sample', type: 'float32' },
    });
    expect(readPartLayout('unet', 'u', unet('int64', 'float16')).timestep).toEqual({ name: 'timestep', type: 'int64' });
    expect(
      readPartLayout('textEncoder', 't', { inputs: [{ name: 'input_ids', type: 'int64' }], outputs: [{ name: 'last_hidden_state', type: 'float32' }] }).ids
        .type,
    ).toBe('int64');
    const decoder = readPartLayout('vaeDecoder', 'd', { inputs: [{ name: 'latent', type: 'float16' }], outputs: [{ name: 'sample', type: 'float16' }] });
    expect(decoder.latent).toEqual({ name: 'latent', type: 'float16' });
  });

  it('refuses a dtype it cannot feed, naming the file and the input', () => {
    const error = refusal(() => readPartLayout('unet', 'sdxs-unet-fp16', unet('uint8')));
    expect(error.code).toBe('MODEL_INTEGRITY');
    expect(error.reason).toBe('ai-layout');
    expect(error.model).toBe('sdxs-unet-fp16');
    expect(error.message).toMatch(/^sdxs-unet-fp16 does not match a known layout: input timestep is uint8, expected float32 or float16 or int64 or int32/);
  });

  it('refuses a missing name and an input it would leave unfed', () => {
    const renamed = refusal(() =>
      readPartLayout('vaeEncoder', 'taesd-encoder', { inputs: [{ name: 'image', type: 'float32' }], outputs: [{ name: 'latent_sample', type: 'float32' }] }),
    );
    expect(renamed.message).toContain('taesd-encoder does not match a known layout: no input named sample');
    const extra = refusal(() =>
      readPartLayout('textEncoder', 'te', {
        inputs: [
          { name: 'input_ids', type: 'int32' },
          { name: 'attention_mask', type: 'int64' },
        ],
        outputs: [{ name: 'last_hidden_state', type: 'float32' }],
      }),
    );
    expect(extra.message).toContain('unexpected input attention_mask');
  });
});
