// The redraw on this device's networks: the prompt's hidden states (cached or encoded), core's
// sampler loop over the runtime, the square in and out as RGBA.

import type { LoadedDiffusion, Redrawer } from '../platform.ts';
import { planarToRgba, rgbaToPlanar } from './image-tensor.ts';
import { runRedraw } from './redraw.ts';

export function localRedrawer(loaded: LoadedDiffusion): Redrawer {
  return {
    info: loaded.info,
    liveGpuTensors: () => loaded.liveGpuTensors(),
    async redraw(square, size, prompt, request, hooks) {
      const embedding = await loaded.embed(prompt.text);
      try {
        const out = await runRedraw(loaded.runtime, embedding, rgbaToPlanar(square, size), request, {
          signal: hooks.signal,
          onProgress: hooks.onProgress,
          onPreview: (pixels, step) => hooks.onPreview(planarToRgba(pixels, size), size, step),
        });
        return planarToRgba(out, size);
      } finally {
        embedding.release();
      }
    },
  };
}
