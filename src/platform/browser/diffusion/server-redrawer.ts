// The redraw on the fallback server: the sticker's square goes up as a PNG (the only pixels that
// leave the phone), the job runs there, its progress comes back over SSE and the redrawn square
// comes back as a PNG. Face analysis, warp and composition stay on the device.

import { StickerError } from '../../../core/errors.ts';
import { DIFFUSION_SETS } from '../../../core/diffusion/model-sets.ts';
import type { Redrawer } from '../../../core/platform.ts';
import type { ServerHealth } from '../../../core/server-api.ts';
import { cancelJob, downloadResult, followJob, startJob, uploadImage } from './server-client.ts';

/** The core hands the redraw a plain {aborted} flag; fetches need an AbortSignal, so the flag is watched. */
const ABORT_POLL_MS = 100;

async function squarePng(rgba: Uint8ClampedArray, size: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D context');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The server's PNG as size×size RGBA (its model set may work at another size). */
async function pixelsOf(png: Blob, size: number): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(png).catch(() => {
    throw new StickerError('INTERNAL', 'the server sent a result that is not an image', { stage: 'redraw' });
  });
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D context');
  ctx.drawImage(bitmap, 0, 0, size, size);
  bitmap.close();
  return ctx.getImageData(0, 0, size, size).data;
}

export function serverRedrawer(base: string, health: ServerHealth, probeMs: number): Redrawer {
  const set = DIFFUSION_SETS[health.models];
  return {
    info: { set: set.id, test: set.test, provider: 'server', dtype: '', loadMs: probeMs },
    liveGpuTensors: () => 0,
    async redraw(square, size, prompt, request, hooks) {
      const controller = new AbortController();
      const watch = setInterval(() => {
        if (hooks.signal.aborted) controller.abort();
      }, ABORT_POLL_MS);
      let jobId: string | null = null;
      try {
        const uploadId = await uploadImage(base, await squarePng(square, size), controller.signal);
        const body = {
          uploadId,
          prompt: prompt.words,
          style: 'ai' as const,
          ...request,
          steps: Math.min(request.steps, set.maxSteps),
          ...(prompt.expression === null ? {} : { expression: prompt.expression }),
        };
        jobId = await startJob(base, body, controller.signal);
        // Until the first network run, "0 of N" on each heartbeat: the UI shows the job waiting and its watchdog sees it alive.
        let started = false;
        const runs = body.steps + 2;
        const resultUrl = await followJob(base, jobId, controller.signal, {
          onAlive: () => {
            if (!started) hooks.onProgress(0, runs);
          },
          onEvent: (event) => {
            if (event.type !== 'progress' || event.stage !== 'redraw') return;
            started = true;
            hooks.onProgress(event.done, event.total);
          },
        });
        return await pixelsOf(await downloadResult(base, resultUrl, controller.signal), size);
      } catch (error) {
        if (controller.signal.aborted && jobId !== null) cancelJob(base, jobId);
        throw error;
      } finally {
        clearInterval(watch);
      }
    },
  };
}
