import { createEffect, createSignal } from 'solid-js';
import { aiText } from '../i18n/index.ts';

export interface Preview {
  rgba: ArrayBuffer;
  size: number;
  step: number;
}

/** The AI redraw's clean estimate after each step, so a slow device shows the picture forming. */
export function RedrawPreview(props: { preview: Preview }) {
  const [canvas, setCanvas] = createSignal<HTMLCanvasElement>();
  createEffect(() => {
    const { rgba, size } = props.preview;
    const target = canvas();
    const ctx = target?.getContext('2d');
    if (target === undefined || ctx === null || ctx === undefined) return;
    target.width = size;
    target.height = size;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
  });
  return (
    <canvas
      ref={setCanvas}
      class="redraw-preview"
      data-testid="redraw-preview"
      data-step={props.preview.step}
      role="img"
      aria-label={aiText().previewAlt(props.preview.step)}
    />
  );
}
