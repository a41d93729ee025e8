// The still sticker the moment it is composed, drawn from its pixels, while the job goes on with
// its PNG, the animation and the export files; the result card takes its place when they are ready.

import { createEffect, createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';

export interface StillSticker {
  rgba: ArrayBuffer;
  width: number;
  height: number;
}

export function StillCard(props: { still: StillSticker }) {
  const [canvas, setCanvas] = createSignal<HTMLCanvasElement>();
  createEffect(() => {
    const { rgba, width, height } = props.still;
    const ctx = canvas()?.getContext('2d');
    if (ctx === null || ctx === undefined) return;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  });
  return (
    <section class="card result" aria-labelledby="still-title" aria-busy="true">
      <h2 id="still-title">{t().resultTitle}</h2>
      <div class="checker">
        <div class="caption-stage">
          <canvas ref={setCanvas} width={props.still.width} height={props.still.height} role="img" aria-label={t().resultAlt} data-testid="still-image" />
        </div>
      </div>
      <p class="hint" data-testid="exports-pending">
        {t().exportsPending}
      </p>
    </section>
  );
}
