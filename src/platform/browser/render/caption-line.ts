// One caption line as runs: text in the caption font, emoji from the bundled atlas. Measured and
// drawn from the same runs, so the layout's widths are what gets drawn.

import { captionRuns, placeRuns, type CaptionRun } from '../../../core/emoji-atlas.ts';
import { captionEmoji, fillEmoji, outlineEmoji } from './caption-emoji.ts';

/** `ctx.font` must already be the caption font at `fontSize`. */
function placed(ctx: OffscreenCanvasRenderingContext2D, line: string, fontSize: number): { runs: { run: CaptionRun; x: number }[]; width: number } {
  const atlas = captionEmoji();
  return placeRuns(captionRuns(line, atlas), (atlas?.index.advance ?? 0) * fontSize, (text) => ctx.measureText(text).width);
}

export function measureCaptionLine(ctx: OffscreenCanvasRenderingContext2D, line: string, fontSize: number): number {
  return placed(ctx, line, fontSize).width;
}

/** The line centred on centerX: the whole line's white stroke first, then its ink over it, as
 *  strokeText then fillText drew it. Uses ctx's font, lineWidth and colours. */
export function drawCaptionLine(ctx: OffscreenCanvasRenderingContext2D, line: string, centerX: number, baseline: number, fontSize: number): void {
  const { runs, width } = placed(ctx, line, fontSize);
  const left = centerX - width / 2;
  ctx.textAlign = 'left';
  for (const { run, x } of runs) {
    if (run.kind === 'text') ctx.strokeText(run.text, left + x, baseline);
    else outlineEmoji(ctx, run.cell, left + x, baseline, fontSize, ctx.lineWidth);
  }
  for (const { run, x } of runs) {
    if (run.kind === 'text') ctx.fillText(run.text, left + x, baseline);
    else fillEmoji(ctx, run.cell, left + x, baseline, fontSize);
  }
}
