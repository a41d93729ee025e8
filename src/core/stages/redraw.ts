// The AI redraw stage: the sticker's square of the (already expression-warped) photo goes through
// the diffusion models and is put back where it came from, so cutout, outline, caption and the HD
// redraw all work on the redrawn face exactly as on a photo.

import type { Platform } from '../platform.ts';
import type { Similarity } from '../geometry/similarity.ts';
import { planarToRgba, rgbaToPlanar } from '../diffusion/image-tensor.ts';
import { runRedraw } from '../diffusion/redraw.ts';
import type { RedrawEngineInfo, RedrawRequest } from '../diffusion/redraw-status.ts';

export interface RedrawReport extends RedrawRequest {
  prompt: string;
  engine: RedrawEngineInfo;
  /** Milliseconds per UNet step, in order. */
  stepMs: number[];
  /** GPU tensors left undisposed after the stage: 0 unless something leaked. */
  gpuTensorsLeft: number;
}

export interface RedrawHooks {
  signal: { readonly aborted: boolean };
  now: () => number;
  onProgress(done: number, total: number): void;
  onPreview(rgba: Uint8ClampedArray, size: number, step: number): void;
}

export async function redrawStage<Img, Surface>(
  platform: Platform<Img, Surface>,
  image: Img,
  transform: Similarity,
  size: number,
  prompt: string,
  request: RedrawRequest,
  hooks: RedrawHooks,
): Promise<{ image: Img; report: RedrawReport }> {
  const loaded = await platform.diffusion(hooks.signal);
  const crop = await platform.cropAligned(image, transform, size);
  const embedding = await loaded.embed(prompt);
  const stepMs: number[] = [];
  let last = hooks.now();
  let out: Float32Array;
  try {
    out = await runRedraw(loaded.runtime, embedding, rgbaToPlanar(crop, size), request, {
      signal: hooks.signal,
      onProgress: (done, total) => {
        const at = hooks.now();
        // Runs 2..total-1 are the UNet steps (1 is the encoder, the last the decoder).
        if (done > 1 && done < total) stepMs.push(at - last);
        last = at;
        hooks.onProgress(done, total);
      },
      onPreview: (pixels, step) => hooks.onPreview(planarToRgba(pixels, size), size, step),
    });
  } finally {
    embedding.release();
  }
  const redrawn = await platform.pasteAligned(image, planarToRgba(out, size), size, transform);
  return { image: redrawn, report: { ...request, prompt, engine: loaded.info, stepMs, gpuTensorsLeft: loaded.liveGpuTensors() } };
}
