// The AI redraw stage: the sticker's square of the (already expression-warped) photo goes to the
// redrawer the engine picker chose (this device's networks or the fallback server) and is put back
// where it came from, so cutout, outline, caption and the HD redraw all work on the redrawn face
// exactly as on a photo.

import type { Platform, RedrawPrompt } from '../platform.ts';
import type { Similarity } from '../geometry/similarity.ts';
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
  prompt: RedrawPrompt,
  request: RedrawRequest,
  hooks: RedrawHooks,
): Promise<{ image: Img; report: RedrawReport }> {
  const redrawer = await platform.redrawer(hooks.signal);
  const crop = await platform.cropAligned(image, transform, size);
  const stepMs: number[] = [];
  let last = hooks.now();
  const out = await redrawer.redraw(crop, size, prompt, request, {
    signal: hooks.signal,
    onProgress: (done, total) => {
      const at = hooks.now();
      // Runs 2..total-1 are the UNet steps (1 is the encoder, the last the decoder).
      if (done > 1 && done < total) stepMs.push(at - last);
      last = at;
      hooks.onProgress(done, total);
    },
    onPreview: hooks.onPreview,
  });
  const redrawn = await platform.pasteAligned(image, out, size, transform);
  return { image: redrawn, report: { ...request, prompt: prompt.text, engine: redrawer.info, stepMs, gpuTensorsLeft: redrawer.liveGpuTensors() } };
}
